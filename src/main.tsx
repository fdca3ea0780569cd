import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './index.css'
import { App } from './App.tsx'
import { createBrowserRunner } from './runtime/browserRunner.ts'
import { exposeRunner } from './runtime/exposeRunner.ts'

// The runner starts its worker on the first run.
exposeRunner(createBrowserRunner())

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
