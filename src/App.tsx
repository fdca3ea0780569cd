import { useTheme } from './features/app/useTheme.ts'
import { useUndoShortcuts } from './features/app/useUndoShortcuts.ts'
import { FlowCanvas } from './features/canvas/FlowCanvas.tsx'
import { Header } from './features/header/Header.tsx'
import { Inspector } from './features/inspector/Inspector.tsx'
import { Palette } from './features/palette/Palette.tsx'
import { ResultsDock } from './features/results/ResultsDock.tsx'

export function App() {
  useTheme()
  useUndoShortcuts()
  return (
    <div className="flex h-screen min-w-[1024px] flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <Header />
      <main className="flex min-h-0 flex-1">
        <Palette />
        <section aria-label="Login flow" className="min-w-0 flex-1">
          <FlowCanvas />
        </section>
        <Inspector />
      </main>
      <ResultsDock />
    </div>
  )
}
