import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './index.css'
import { App } from './App.tsx'
import { startPlayground } from './features/app/startup.ts'
import { loadedRunner } from './features/run/pageRunner.ts'
import { runFlowModule } from './features/run/running.ts'
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
// The runner (and its sandbox) loads after the first paint, when the page is idle or on the first run.
exposeRunner({
  run: async (...args) => (await loadedRunner(store)).run(...args),
  continue: async (...args) => (await loadedRunner(store)).continue(...args),
})
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
requestIdleCallback(() => {
  void loadedRunner(store).then((runner) => runner.warm())
  runFlowModule.load().catch(() => { /* loads at the first Run */ })
}, { timeout: 3000 })
