import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './index.css'
import { App } from './App.tsx'
import { pageRunner } from './features/run/pageRunner.ts'
import { exposeRunner } from './runtime/exposeRunner.ts'

exposeRunner(pageRunner)

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
