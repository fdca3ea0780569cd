import { lazy, Suspense } from 'react'
import { usePresenterClass } from './features/app/usePresenterClass.ts'
import { useTheme } from './features/app/useTheme.ts'
import { useCommandKeys } from './features/commands/useCommandKeys.ts'
import { Header } from './features/header/Header.tsx'
import { Workspace } from './features/layout/Workspace.tsx'
import { RunAnnouncer } from './features/run/RunAnnouncer.tsx'
import { Notices } from './features/playgrounds/Notices.tsx'
import { useFileDrop } from './features/share/useFileDrop.ts'
import { useGalleryOpen, useShortcutsOpen } from './store/hooks.ts'

// The dialogs are not on the first screen: each loads when it first opens.
const Gallery = lazy(() => import('./features/playgrounds/Gallery.tsx').then((module) => ({ default: module.Gallery })))
const ShortcutsDialog = lazy(() => import('./features/commands/ShortcutsDialog.tsx').then((module) => ({ default: module.ShortcutsDialog })))

function Dialogs() {
  const gallery = useGalleryOpen()
  const shortcuts = useShortcutsOpen()
  return (
    <Suspense fallback={null}>
      {gallery && <Gallery />}
      {shortcuts && <ShortcutsDialog />}
    </Suspense>
  )
}

export function App() {
  useTheme()
  usePresenterClass()
  useCommandKeys()
  useFileDrop()
  return (
    <div className="flex h-screen min-w-[1024px] flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <Header />
      <Notices />
      <main className="min-h-0 flex-1">
        <Workspace />
      </main>
      <Dialogs />
      <RunAnnouncer />
    </div>
  )
}
