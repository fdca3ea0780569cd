/** The page's one runner: its sandbox starts when the page is idle after loading, and again after a run that ended it. */
import { createSandboxRunner } from '../../runtime/sandboxRunner.ts'
import { usePlayground } from '../../store/index.ts'

export const pageRunner = createSandboxRunner({ packageCdn: () => usePlayground.getState().packageCdn })
