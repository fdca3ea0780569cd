/**
 * Works through `items` with `workers` concurrent workers, and hands each result to `done` in the items'
 * order, as soon as it and every result before it are in.
 */
export async function forEachInOrder<T, R>(
  items: readonly T[],
  workers: number,
  work: (item: T, worker: number) => Promise<R>,
  done: (result: R, index: number) => void,
): Promise<void> {
  const results = new Map<number, R>()
  let next = 0
  let flushed = 0
  async function worker(id: number) {
    while (next < items.length) {
      const index = next++
      results.set(index, await work(items[index], id))
      for (; results.has(flushed); flushed++) {
        done(results.get(flushed)!, flushed)
        results.delete(flushed)
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, workers) }, (_, id) => worker(id)))
}
