/** A store's runner (the page has one store, so one runner): its sandbox starts when the page is idle after loading, and again after a run that ended it. */
import { createSandboxRunner } from '../../runtime/sandboxRunner.ts'
import type { PlaygroundStore } from '../../store/index.ts'

type Runner = ReturnType<typeof createSandboxRunner>

const runners = new WeakMap<PlaygroundStore, Runner>()

/** The runner of `store`, made on first use, fetching packages from the store's package CDN. */
export function runnerFor(store: PlaygroundStore): Runner {
  let runner = runners.get(store)
  if (!runner) {
    runner = createSandboxRunner({ packageCdn: () => store.getState().packageCdn })
    runners.set(store, runner)
  }
  return runner
}
