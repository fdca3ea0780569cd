import { useTheme } from './features/app/useTheme.ts'
import { ShortcutsDialog } from './features/commands/ShortcutsDialog.tsx'
import { useCommandKeys } from './features/commands/useCommandKeys.ts'
import { Header } from './features/header/Header.tsx'
import { Workspace } from './features/layout/Workspace.tsx'
import { RunAnnouncer } from './features/run/RunAnnouncer.tsx'
import { Gallery } from './features/playgrounds/Gallery.tsx'
import { NoticeBar } from './features/playgrounds/NoticeBar.tsx'
import { useFileDrop } from './features/share/useFileDrop.ts'

export function App() {
  useTheme()
  useCommandKeys()
  useFileDrop()
  return (
    <div className="flex h-screen min-w-[1024px] flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <Header />
      <NoticeBar />
      <main className="min-h-0 flex-1">
        <Workspace />
      </main>
      <Gallery />
      <ShortcutsDialog />
      <RunAnnouncer />
    </div>
  )
}
