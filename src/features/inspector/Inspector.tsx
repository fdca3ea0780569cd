import { lazy, Suspense, useEffect, useState } from 'react'
import { nudgeAction, removeAction } from '../../store/flowCommands.ts'
import { useActions, useSelectedAction } from '../../store/hooks.ts'
import { usePlayground } from '../../store/index.ts'
import type { InspectorTab } from '../../store/uiSlice.ts'
import { MocksPanel } from './MocksPanel.tsx'
import { SecretsPanel } from './SecretsPanel.tsx'

// Monaco loads only when the code or event tab is first shown, after the canvas has painted.
const CodeEditor = lazy(() => import('../editor/CodeEditor.tsx'))
const EventPanel = lazy(() => import('../event/EventPanel.tsx'))

const TABS: { id: InspectorTab; label: string }[] = [
  { id: 'code', label: 'Code' },
  { id: 'event', label: 'Event' },
  { id: 'secrets', label: 'Secrets' },
  { id: 'mocks', label: 'HTTP mocks' },
]

function Loading({ what }: { what: string }) {
  return <p className="p-4 text-sm text-slate-500">Loading the {what}…</p>
}

function ActionHeader() {
  const action = useSelectedAction()
  const actions = useActions()
  const [name, setName] = useState(action?.name ?? '')
  useEffect(() => setName(action?.name ?? ''), [action?.name, action?.id])
  if (!action) return <div className="border-b border-slate-200 px-3 py-2 text-sm text-slate-500 dark:border-slate-800">No action selected: pick one on the canvas.</div>
  const index = actions.findIndex((item) => item.id === action.id)
  const commit = () => {
    const next = name.trim()
    if (next && next !== action.name) usePlayground.getState().renameAction(action.id, next)
    else setName(action.name)
  }
  const small = 'rounded px-1.5 py-0.5 text-xs text-slate-500 hover:bg-slate-100 disabled:opacity-30 dark:text-slate-400 dark:hover:bg-slate-800'
  return (
    <div className="flex items-center gap-1 border-b border-slate-200 px-3 py-1.5 dark:border-slate-800">
      <input
        data-testid="action-name"
        aria-label="Action name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => { if (event.key === 'Enter') event.currentTarget.blur() }}
        className="min-w-0 flex-1 rounded border border-transparent bg-transparent px-1 py-0.5 text-sm font-medium hover:border-slate-300 focus:border-indigo-500 focus:outline-none dark:hover:border-slate-600"
      />
      <label className="flex items-center gap-1 text-xs text-slate-500 dark:text-slate-400">
        <input type="checkbox" checked={action.enabled} onChange={() => usePlayground.getState().toggleAction(action.id)} />
        Enabled
      </label>
      <button type="button" className={small} disabled={index === 0} onClick={() => nudgeAction(action.id, -1)}>Move up</button>
      <button type="button" className={small} disabled={index === actions.length - 1} onClick={() => nudgeAction(action.id, 1)}>Move down</button>
      <button type="button" className={small} onClick={() => usePlayground.getState().duplicateAction(action.id)}>Duplicate</button>
      <button type="button" className={small} onClick={() => removeAction(action.id)}>Remove</button>
    </div>
  )
}

/** The selected action's code and secrets, and the flow's event and HTTP mocks. */
export function Inspector() {
  const tab = usePlayground((state) => state.inspectorTab)
  const showTab = usePlayground((state) => state.showTab)
  return (
    <aside data-testid="inspector" aria-label="Inspector" className="flex h-full w-[min(46vw,560px)] shrink-0 flex-col border-l border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
      <div role="tablist" aria-label="Inspector tabs" className="flex border-b border-slate-200 px-2 dark:border-slate-800">
        {TABS.map((item) => (
          <button
            key={item.id}
            role="tab"
            type="button"
            aria-selected={tab === item.id}
            data-testid={`tab-${item.id}`}
            onClick={() => showTab(item.id)}
            className={`-mb-px border-b-2 px-3 py-2 text-sm ${tab === item.id ? 'border-indigo-600 font-medium text-indigo-700 dark:border-indigo-400 dark:text-indigo-300' : 'border-transparent text-slate-500 hover:text-slate-800 dark:text-slate-400 dark:hover:text-slate-200'}`}
          >
            {item.label}
          </button>
        ))}
      </div>
      {(tab === 'code' || tab === 'secrets') && <ActionHeader />}
      <div role="tabpanel" className="min-h-0 flex-1 overflow-y-auto">
        {tab === 'code' && <Suspense fallback={<Loading what="code editor" />}><CodeEditor /></Suspense>}
        {tab === 'event' && <Suspense fallback={<Loading what="event editor" />}><EventPanel /></Suspense>}
        {tab === 'secrets' && <SecretsPanel />}
        {tab === 'mocks' && <MocksPanel />}
      </div>
    </aside>
  )
}
