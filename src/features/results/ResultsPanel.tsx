import { useEffect, useMemo, useState, type ReactNode } from 'react'
import type { FlowDocument } from '../../engine/flowDocument.ts'
import { useResult, useRunDoc, useWalkPosition } from '../../store/hooks.ts'
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx'
import { TabBar, TabPanel } from '../ui/TabBar.tsx'
import { ConsoleView } from './ConsoleView.tsx'
import { ContinuePanel } from './ContinuePanel.tsx'
import { DetailsView } from './DetailsView.tsx'
import { MetadataDiff } from './MetadataDiff.tsx'
import { RevealSecretsToggle } from './RevealSecretsToggle.tsx'
import { StatusBanner } from './StatusBanner.tsx'
import { Timeline } from './Timeline.tsx'
import { TokensView } from './TokensView.tsx'
import { useSecretMask } from './useSecretMask.ts'
import { WalkView } from '../walk/WalkView.tsx'
import type { ResultView } from '../../engine/trigger.ts'
import { useTrigger } from '../triggers/triggerCatalog.ts'

type ResultsTab = 'summary' | 'steps' | 'timeline' | 'tokens' | 'console' | 'details'

const TABS: { id: ResultsTab; label: string }[] = [
  { id: 'summary', label: 'Summary' },
  { id: 'steps', label: 'Step through' },
  { id: 'timeline', label: 'Timeline' },
  { id: 'tokens', label: 'Tokens' },
  { id: 'console', label: 'Console' },
  { id: 'details', label: 'Details' },
]

/** What a failing view is called in its error message. */
const TAB_NAMES: Record<ResultsTab, string> = { summary: 'summary', steps: 'step-through view', timeline: 'timeline', tokens: 'tokens view', console: 'console', details: 'details view' }

function metadataBefore(doc: FlowDocument | null) {
  const user = (doc?.event as { user?: { app_metadata?: Record<string, unknown>; user_metadata?: Record<string, unknown> } } | undefined)?.user
  return { app_metadata: user?.app_metadata ?? {}, user_metadata: user?.user_metadata ?? {} }
}

/**
 * What the last run did: status, the way back from a redirect, metadata, timeline, tokens, console, the rest.
 * The views show the result with the run's secret values masked (secretMask.ts) unless they are revealed.
 */
export default function ResultsPanel({ tabBarEnd }: { tabBarEnd: ReactNode }) {
  const rawResult = useResult()
  const runDoc = useRunDoc()
  const { mask, hasSecrets } = useSecretMask()
  const result = useMemo(() => rawResult && mask(rawResult), [rawResult, mask])
  const before = useMemo(() => mask(metadataBefore(runDoc)), [runDoc, mask])
  // The views of the run's trigger: no Tokens tab for a trigger that issues none (all views until the registry is here).
  const views = useTrigger(runDoc?.trigger ?? 'post-login')?.views ?? null
  const shows = (view: ResultView) => views === null || views.includes(view)
  const tabs = TABS.filter((candidate) => candidate.id !== 'tokens' || shows('tokens'))
  const [chosen, setTab] = useState<ResultsTab>('summary')
  const tab = tabs.some((candidate) => candidate.id === chosen) ? chosen : 'summary'
  const count = result?.timeline.length ?? 0
  const walking = useWalkPosition() !== null
  // A suspended run needs the summary tab, where the way back to /continue is, unless it is stepped through (its
  // pause step has the way back too).
  useEffect(() => { if (rawResult?.status === 'suspended' && !walking) setTab((current) => (current === 'steps' ? current : 'summary')) }, [rawResult, walking])
  useEffect(() => { if (walking) setTab('steps') }, [walking])
  return (
    <div data-testid="results-panel" className="flex h-full flex-col bg-white dark:bg-slate-950">
      <ErrorBoundary name="status banner" resetKey={rawResult}><StatusBanner result={result} /></ErrorBoundary>
      <TabBar label="Results" tabs={tabs} current={tab} onSelect={setTab} idPrefix="results" testIdPrefix="results-tab-" badges={{ timeline: count }} end={<>{hasSecrets && <RevealSecretsToggle />}{tabBarEnd}</>} />
      <TabPanel idPrefix="results" current={tab} className="min-h-0 flex-1 overflow-y-auto">
        {!result && <p className="p-4 text-sm text-slate-600 dark:text-slate-400">Run the flow (▶ Run or Ctrl/Cmd+Enter) to see what it does.</p>}
        {result && (
          // Keyed by tab: a view that failed gets a fresh try when it is opened again.
          <ErrorBoundary key={tab} name={TAB_NAMES[tab]} resetKey={rawResult}>
            {tab === 'summary' && (
              <div className="space-y-4 p-3">
                {/* The way back to /continue needs the result as it is (its state); it masks what it shows. */}
                <ContinuePanel result={rawResult!} />
                {shows('metadata') && <MetadataDiff result={result} before={before} />}
              </div>
            )}
            {tab === 'steps' && runDoc && <div className="h-full"><WalkView result={result} doc={runDoc} /></div>}
            {tab === 'timeline' && <div className="h-full"><Timeline result={result} /></div>}
            {tab === 'tokens' && <TokensView result={result} idTokens={shows('id-token')} />}
            {tab === 'console' && <div className="h-full"><ConsoleView result={result} /></div>}
            {tab === 'details' && <DetailsView result={result} />}
          </ErrorBoundary>
        )}
      </TabPanel>
    </div>
  )
}
