import { lazy, Suspense, useEffect } from 'react'
import { useInspectorTab, useSelectedAction, useStore, useStoreApi } from '../../store/hooks.ts'
import { CommandButton } from '../commands/CommandButton.tsx'
import { ACTION_COMMANDS } from '../commands/commands.ts'
import type { InspectorTab } from '../../store/uiSlice.ts'
import { HideButton } from '../layout/PanelToggles.tsx'
import { NameInput } from '../ui/NameInput.tsx'
import { TabBar, TabPanel } from '../ui/TabBar.tsx'
import { REGION } from '../commands/regions.ts'

// Monaco loads only when the code or event tab is first shown, after the canvas has painted.
const CodeEditor = lazy(() => import('../editor/CodeEditor.tsx'))
const EventPanel = lazy(() => import('../event/EventPanel.tsx'))
const ModuleMocksPanel = lazy(() => import('./ModuleMocksPanel.tsx'))
// The other tabs are not on the first screen either: they load when the page is idle, or when first shown.
const loadSecrets = () => import('./SecretsPanel.tsx')
const loadDependencies = () => import('./DependenciesPanel.tsx')
const loadMocks = () => import('./MocksPanel.tsx')
const SecretsPanel = lazy(() => loadSecrets().then((module) => ({ default: module.SecretsPanel })))
const DependenciesPanel = lazy(() => loadDependencies().then((module) => ({ default: module.DependenciesPanel })))
const MocksPanel = lazy(() => loadMocks().then((module) => ({ default: module.MocksPanel })))

function usePreloadTabs() {
  useEffect(() => {
    const idle = requestIdleCallback(() => { for (const load of [loadSecrets, loadDependencies, loadMocks]) load().catch(() => { /* loads when shown */ }) }, { timeout: 5000 })
    return () => cancelIdleCallback(idle)
  }, [])
}

const TABS: { id: InspectorTab; label: string }[] = [
  { id: 'code', label: 'Code' },
  { id: 'event', label: 'Event' },
  { id: 'secrets', label: 'Secrets' },
  { id: 'dependencies', label: 'Dependencies' },
  { id: 'mocks', label: 'HTTP mocks' },
  { id: 'modules', label: 'Module mocks' },
]

function Loading({ what }: { what: string }) {
  return <p className="p-4 text-sm text-slate-600 dark:text-slate-400">Loading the {what}…</p>
}

function ActionHeader() {
  const store = useStoreApi()
  const action = useSelectedAction()
  if (!action) return <div className="border-b border-slate-200 px-3 py-2 text-sm text-slate-600 dark:text-slate-400 dark:border-slate-800">No action selected: pick one on the canvas.</div>
  const small = 'rounded px-1.5 py-0.5 text-xs text-slate-600 hover:bg-slate-100 disabled:opacity-40 dark:text-slate-400 dark:hover:bg-slate-800'
  return (
    <div className="flex items-center gap-1 border-b border-slate-200 px-3 py-1.5 dark:border-slate-800">
      <NameInput value={action.name} onCommit={(next) => store.getState().renameAction(action.id, next)} label="Action name" testId="action-name" className="min-w-0 flex-1 px-1 py-0.5 text-sm font-medium" />
      <label className="flex items-center gap-1 text-xs text-slate-600 dark:text-slate-400">
        <input type="checkbox" checked={action.enabled} onChange={() => store.getState().toggleAction(action.id)} />
        Enabled
      </label>
      {ACTION_COMMANDS.filter((id) => id !== 'toggleEnabled' && id !== 'editCode').map((id) => <CommandButton key={id} id={id} context={{ actionId: action.id }} className={small} />)}
    </div>
  )
}

/** The selected action's code and secrets, and the flow's event and HTTP mocks. */
export function Inspector({ onHide }: { onHide: () => void }) {
  const tab = useInspectorTab()
  const showTab = useStore((state) => state.showTab)
  usePreloadTabs()
  return (
    <section {...REGION} data-testid="inspector" aria-label="Inspector" className="flex h-full flex-col bg-white dark:bg-slate-950">
      <TabBar label="Inspector tabs" tabs={TABS} current={tab} onSelect={showTab} idPrefix="inspector" testIdPrefix="tab-" end={<HideButton label="Hide the inspector" arrow="right" onClick={onHide} />} />
      {(tab === 'code' || tab === 'secrets' || tab === 'dependencies') && <ActionHeader />}
      <TabPanel idPrefix="inspector" current={tab} className="min-h-0 flex-1 overflow-y-auto">
        {tab === 'code' && <Suspense fallback={<Loading what="code editor" />}><CodeEditor /></Suspense>}
        {tab === 'event' && <Suspense fallback={<Loading what="event editor" />}><EventPanel /></Suspense>}
        {tab === 'secrets' && <Suspense fallback={<Loading what="secrets" />}><SecretsPanel /></Suspense>}
        {tab === 'dependencies' && <Suspense fallback={<Loading what="dependencies" />}><DependenciesPanel /></Suspense>}
        {tab === 'mocks' && <Suspense fallback={<Loading what="HTTP mocks" />}><MocksPanel /></Suspense>}
        {tab === 'modules' && <Suspense fallback={<Loading what="module mocks" />}><ModuleMocksPanel /></Suspense>}
      </TabPanel>
    </section>
  )
}
