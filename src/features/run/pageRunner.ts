/** The page's one runner: its sandbox starts when the page is idle after loading, and again after a run that ended it. */
import { createSandboxRunner } from '../../runtime/sandboxRunner.ts'

export const pageRunner = createSandboxRunner()
