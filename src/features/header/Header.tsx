import { lazy, Suspense } from 'react'
import { useEventError, useFlowName, useRunningHere, useStore, useStoreApi } from '../../store/hooks.ts'
import { CommandButton } from '../commands/CommandButton.tsx'
import { useCommand } from '../commands/useCommand.ts'
import { runBlocker } from '../run/runBlocker.ts'
import { PlaygroundSwitcher } from '../playgrounds/PlaygroundSwitcher.tsx'
import { ShareButton } from '../share/ShareButton.tsx'
import { NameInput } from '../ui/NameInput.tsx'
import { Menu } from './Menu.tsx'
import { REGION } from '../commands/regions.ts'

// With the trigger registry, which brings zod: after the first paint.
const TriggerPicker = lazy(() => import('../triggers/TriggerPicker.tsx'))
// Not needed for the first paint either (its key works without it).
const PresenterToggle = lazy(() => import('./PresenterToggle.tsx'))

function FlowName() {
  const store = useStoreApi()
  const name = useFlowName()
  return <NameInput value={name} onCommit={(next) => store.getState().setFlowName(next)} label="Flow name" testId="flow-name" className="min-w-0 max-w-80 px-1.5 py-0.5 text-base font-semibold" />
}

function RunButton() {
  const blocker = useStore(runBlocker)
  const running = useRunningHere()
  const run = useCommand('run')
  return (
    <button
      type="button"
      data-testid="run"
      onClick={run.run}
      // While a run is in progress the button stays focusable (disabling it would drop the keyboard focus).
      disabled={!!blocker && !running}
      aria-disabled={running || undefined}
      aria-keyshortcuts={run.ariaKeys}
      title={blocker ?? `${run.label} (${run.shortcut})`}
      className="whitespace-nowrap rounded-md bg-indigo-600 px-4 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 disabled:cursor-not-allowed disabled:bg-slate-400 dark:disabled:bg-slate-600"
    >
      {running ? 'Running…' : <><span aria-hidden>▶ </span>Run</>}
    </button>
  )
}

const button = 'rounded px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 disabled:opacity-40 dark:text-slate-300 dark:hover:bg-slate-800'

export function Header() {
  const eventError = useEventError()
  return (
    <header {...REGION} className="flex h-12 shrink-0 items-center gap-3 border-b border-slate-200 bg-white px-3 dark:border-slate-800 dark:bg-slate-950">
      <h1 data-testid="app-title" className="whitespace-nowrap text-sm font-bold text-indigo-700 dark:text-indigo-300">Actions Playground</h1>
      <span aria-hidden className="text-slate-600 dark:text-slate-400">/</span>
      <FlowName />
      <PlaygroundSwitcher />
      <Suspense fallback={null}><TriggerPicker /></Suspense>
      <div className="ml-auto flex items-center gap-1">
        <CommandButton id="undo" className={button}>↶</CommandButton>
        <CommandButton id="redo" className={button}>↷</CommandButton>
        {eventError && <span data-testid="run-blocked" className="max-w-56 truncate text-xs text-red-700 dark:text-red-400" title={eventError}>Event has an error</span>}
        <Suspense fallback={null}><PresenterToggle /></Suspense>
        <ShareButton />
        <RunButton />
        <Menu />
      </div>
    </header>
  )
}
