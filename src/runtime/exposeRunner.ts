/** Puts the page's runner on `window.__actionsPlayground`, for end-to-end tests and the console. */
import type { Runner } from './supervisedRunner.ts'

declare global {
  interface Window {
    __actionsPlayground?: Pick<Runner, 'run' | 'continue'>
  }
}

export function exposeRunner(runner: Pick<Runner, 'run' | 'continue'>) {
  window.__actionsPlayground = { run: runner.run, continue: runner.continue }
}
