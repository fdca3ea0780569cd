import { describe, expect, it } from 'vitest'
import { forEachInOrder } from './inOrder.ts'

describe('forEachInOrder', () => {
  it('hands results over in the items\' order, each as soon as those before it are in, with at most `workers` at once', async () => {
    const finish = new Map<string, () => void>()
    const events: string[] = []
    let running = 0
    let most = 0
    const all = forEachInOrder(['a', 'b', 'c', 'd'], 2, async (item, worker) => {
      most = Math.max(most, ++running)
      events.push(`start ${item} on ${worker}`)
      await new Promise<void>((resolve) => finish.set(item, resolve))
      running--
      return item.toUpperCase()
    }, (result, index) => events.push(`done ${index} ${result}`))
    const settle = async (item: string) => {
      while (!finish.has(item)) await Promise.resolve()
      finish.get(item)!()
      for (let i = 0; i < 5; i++) await Promise.resolve()
    }
    await settle('b')
    expect(events).toEqual(['start a on 0', 'start b on 1', 'start c on 1'])
    await settle('c')
    await settle('a')
    expect(events.slice(-3)).toEqual(['done 0 A', 'done 1 B', 'done 2 C'])
    await settle('d')
    await all
    expect(events.filter((event) => event.startsWith('done'))).toEqual(['done 0 A', 'done 1 B', 'done 2 C', 'done 3 D'])
    expect(most).toBe(2)
  })
})
