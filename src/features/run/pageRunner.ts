/** The page's one runner: its engine worker starts on the first run. */
import { createBrowserRunner } from '../../runtime/browserRunner.ts'

export const pageRunner = createBrowserRunner()
