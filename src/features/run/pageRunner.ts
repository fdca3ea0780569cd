/**
 * The page's one runner: its sandbox starts when the page is idle after loading, and again after a run that ended
 * it. Its code (the sandbox runner, src/runtime/) loads then too, not with the page's first JavaScript.
 */
import { usePlayground } from '../../store/index.ts'
import { lazyModule } from '../ui/lazyModule.ts'

export const pageRunner = lazyModule(async () => {
  const { createSandboxRunner } = await import('../../runtime/sandboxRunner.ts')
  return createSandboxRunner({ packageCdn: () => usePlayground.getState().packageCdn })
})

/** The runner, loaded now if it has not been yet. */
export const loadedPageRunner = async () => pageRunner.current() ?? pageRunner.load()
