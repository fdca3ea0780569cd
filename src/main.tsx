import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './index.css'
import { App } from './App.tsx'
import { startPlayground } from './features/app/startup.ts'
import { loadedPageRunner } from './features/run/pageRunner.ts'
import { exposeRunner } from './runtime/exposeRunner.ts'
import { usePlayground } from './store/index.ts'

declare global {
  interface Window {
    /** The store, for end-to-end tests and the console. */
    __playgroundStore?: typeof usePlayground
  }
}

exposeRunner({
  run: async (...args) => (await loadedPageRunner()).run(...args),
  continue: async (...args) => (await loadedPageRunner()).continue(...args),
})
window.__playgroundStore = usePlayground
void startPlayground()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
// The sandbox loads while the page is idle, so the first Run does not wait for it.
requestIdleCallback(() => void loadedPageRunner().then((runner) => runner.warm()), { timeout: 3000 })
