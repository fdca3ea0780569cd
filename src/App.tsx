import { useTheme } from './features/app/useTheme.ts'
import { ShortcutsDialog } from './features/commands/ShortcutsDialog.tsx'
import { useCommandKeys } from './features/commands/useCommandKeys.ts'
import { FlowCanvas } from './features/canvas/FlowCanvas.tsx'
import { Header } from './features/header/Header.tsx'
import { Inspector } from './features/inspector/Inspector.tsx'
import { Palette } from './features/palette/Palette.tsx'
import { RunAnnouncer } from './features/run/RunAnnouncer.tsx'
import { Gallery } from './features/playgrounds/Gallery.tsx'
import { NoticeBar } from './features/playgrounds/NoticeBar.tsx'
import { useFileDrop } from './features/share/useFileDrop.ts'
import { ResultsDock } from './features/results/ResultsDock.tsx'

export function App() {
  useTheme()
  useCommandKeys()
  useFileDrop()
  return (
    <div className="flex h-screen min-w-[1024px] flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <Header />
      <NoticeBar />
      <main className="flex min-h-0 flex-1">
        <Palette />
        <section aria-label="Login flow" className="min-w-0 flex-1">
          <FlowCanvas />
        </section>
        <Inspector />
      </main>
      <ResultsDock />
      <Gallery />
      <ShortcutsDialog />
      <RunAnnouncer />
    </div>
  )
}
