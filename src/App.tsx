import { FlowCanvas } from './features/canvas/FlowCanvas.tsx'

export function App() {
  return (
    <div className="flex h-screen flex-col bg-slate-50 text-slate-900">
      <header className="flex items-center gap-3 border-b border-slate-200 bg-white px-4 py-2">
        <h1 data-testid="app-title" className="text-lg font-bold">Actions Playground</h1>
        <span className="text-sm text-slate-500">Login flow (post-login)</span>
      </header>
      <main className="min-h-0 flex-1">
        <FlowCanvas />
      </main>
    </div>
  )
}
