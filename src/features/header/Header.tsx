import { useEffect } from 'react'
import { useFlowName, useHistory, useRunningHere } from '../../store/hooks.ts'
import { usePlayground } from '../../store/index.ts'
import { runBlocker, runCurrentFlow } from '../run/runFlow.ts'
import { PlaygroundSwitcher } from '../playgrounds/PlaygroundSwitcher.tsx'
import { ShareButton } from '../share/ShareButton.tsx'
import { NameInput } from '../ui/NameInput.tsx'
import { Menu } from './Menu.tsx'

function FlowName() {
  const name = useFlowName()
  return <NameInput value={name} onCommit={(next) => usePlayground.getState().setFlowName(next)} label="Flow name" testId="flow-name" className="min-w-0 max-w-80 px-1.5 py-0.5 text-base font-semibold" />
}

function RunButton() {
  const blocker = usePlayground(runBlocker)
  const running = useRunningHere()
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') { event.preventDefault(); void runCurrentFlow() }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  return (
    <button
      type="button"
      data-testid="run"
      onClick={() => void runCurrentFlow()}
      disabled={!!blocker}
      title={blocker ?? 'Run the flow (Ctrl/Cmd+Enter)'}
      className="rounded-md bg-indigo-600 px-4 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 disabled:cursor-not-allowed disabled:bg-slate-400 dark:disabled:bg-slate-600"
    >
      {running ? 'Running…' : '▶ Run'}
    </button>
  )
}

const button = 'rounded px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 disabled:opacity-40 dark:text-slate-300 dark:hover:bg-slate-800'

export function Header() {
  const { canUndo, canRedo } = useHistory()
  const eventError = usePlayground((state) => state.eventError)
  return (
    <header className="flex h-12 shrink-0 items-center gap-3 border-b border-slate-200 bg-white px-3 dark:border-slate-800 dark:bg-slate-950">
      <span data-testid="app-title" className="whitespace-nowrap text-sm font-bold text-indigo-700 dark:text-indigo-300">Actions Playground</span>
      <span className="text-slate-300 dark:text-slate-700">/</span>
      <FlowName />
      <PlaygroundSwitcher />
      <span className="hidden text-xs text-slate-400 lg:inline">Login flow · post-login</span>
      <div className="ml-auto flex items-center gap-1">
        <button type="button" className={button} disabled={!canUndo} onClick={() => usePlayground.getState().undo()} title="Undo (Ctrl/Cmd+Z)" aria-label="Undo">↶</button>
        <button type="button" className={button} disabled={!canRedo} onClick={() => usePlayground.getState().redo()} title="Redo (Ctrl/Cmd+Shift+Z)" aria-label="Redo">↷</button>
        {eventError && <span data-testid="run-blocked" className="max-w-56 truncate text-xs text-red-600 dark:text-red-400" title={eventError}>Event has an error</span>}
        <ShareButton />
        <RunButton />
        <Menu />
      </div>
    </header>
  )
}
