import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './index.css'
import { App } from './App.tsx'
import { startPlayground } from './features/app/startup.ts'
import { runnerFor } from './features/run/pageRunner.ts'
import { exposeRunner } from './runtime/exposeRunner.ts'
import { PlaygroundProvider } from './store/context.tsx'
import { createStore, type PlaygroundStore } from './store/index.ts'

declare global {
  interface Window {
    /** The page's store, for end-to-end tests and the console. */
    __playgroundStore?: PlaygroundStore
  }
}

// The page's one store: made here, given to the provider and to what runs outside React.
const store = createStore()
const runner = runnerFor(store)
exposeRunner(runner)
window.__playgroundStore = store
void startPlayground(store)

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PlaygroundProvider store={store}>
      <App />
    </PlaygroundProvider>
  </StrictMode>,
)
// The sandbox loads while the page is idle, so the first Run does not wait for it.
requestIdleCallback(() => runner.warm(), { timeout: 3000 })
