/**
 * A store's runner (the page has one store, so one runner): its sandbox starts when the page is idle after loading,
 * and again after a run that ended it. Its code (the sandbox runner, src/runtime/) loads then too, not with the
 * page's first JavaScript.
 */
import type { PlaygroundStore } from '../../store/index.ts'
import { lazyModule, type LazyModule } from '../ui/lazyModule.ts'

type Runner = ReturnType<typeof import('../../runtime/sandboxRunner.ts').createSandboxRunner>

const runners = new WeakMap<PlaygroundStore, LazyModule<Runner>>()

/** The runner of `store`, loaded on first use, fetching packages from the store's package CDN; `current()` is null until it is loaded. */
export function runnerFor(store: PlaygroundStore): LazyModule<Runner> {
  let runner = runners.get(store)
  if (!runner) {
    runner = lazyModule(async () => {
      const { createSandboxRunner } = await import('../../runtime/sandboxRunner.ts')
      return createSandboxRunner({ packageCdn: () => store.getState().packageCdn })
    })
    runners.set(store, runner)
  }
  return runner
}

/** The runner of `store`, loaded now if it has not been yet. */
export const loadedRunner = async (store: PlaygroundStore): Promise<Runner> => {
  const runner = runnerFor(store)
  return runner.current() ?? runner.load()
}
