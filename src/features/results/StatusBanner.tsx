import type { RunResult } from '../../engine/types.ts'
import { useCurrentRun, useOutOfDate, useRunningActionName, useRunningHere, useStoreApi } from '../../store/hooks.ts'
import { useTrigger } from '../triggers/triggerCatalog.ts'
import { runHeadline } from '../run/runHeadline.ts'
import { stopRun } from '../run/running.ts'
import { LongText } from './ShowAll.tsx'

function RunningBanner() {
  const store = useStoreApi()
  const name = useRunningActionName()
  return (
    <div data-testid="status-banner" data-status="running" className="flex items-center gap-3 bg-indigo-50 px-3 py-2 text-sm text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100">
      <span className="h-3 w-3 animate-spin rounded-full border-2 border-indigo-400 border-t-transparent" aria-hidden />
      <span>Running{name ? <> <strong>{name}</strong></> : ''}…</span>
      <button type="button" data-testid="stop" onClick={() => stopRun(store)} className="ml-auto rounded border border-indigo-300 px-2 py-0.5 text-xs hover:bg-indigo-100 dark:border-indigo-700 dark:hover:bg-indigo-900">
        Stop
      </button>
    </div>
  )
}

const TONES = {
  completed: 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100',
  suspended: 'bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-100',
  denied: 'bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100',
  failed: 'bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100',
}

/** What the application would receive: success, or `error` and `error_description`. */
export function StatusBanner({ result }: { result: RunResult | null }) {
  const running = useRunningHere()
  const run = useCurrentRun()
  const alone = run?.only ? run.doc.actions[0]?.name : undefined
  const outOfDate = useOutOfDate()
  const words = useTrigger(run?.doc.trigger ?? 'post-login')?.words
  if (running) return <RunningBanner />
  if (!result) return null
  return (
    <div data-testid="status-banner" data-status={result.status} className={`px-3 py-1.5 text-sm ${TONES[result.status]}`}>
      {alone && <div className="text-xs font-semibold uppercase tracking-wide opacity-80">This action alone: {alone}</div>}
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className={`font-medium ${outOfDate ? 'opacity-60' : ''}`}>{runHeadline(result, words)}</span>
        {outOfDate && (
          <span className="rounded border border-current px-1.5 text-xs font-semibold" title="The flow changed since this run: code, order, an enabled flag or the event.">
            Out of date: run again
          </span>
        )}
      </div>
      {result.error && (
        <div className="mt-0.5 break-words font-mono text-xs">
          error=<span data-testid="error-code">{result.error.code}</span>&amp;error_description=<span data-testid="error-description"><LongText text={result.error.description} /></span>
          {result.error.action && <span className="ml-2 font-sans opacity-75">({result.error.action}{result.error.line ? `, line ${result.error.line}` : ''})</span>}
        </div>
      )}
      {result.error?.userMessage !== undefined && (
        <div className="mt-0.5 text-xs">Shown to the user: <span data-testid="error-user-message">{result.error.userMessage}</span></div>
      )}
    </div>
  )
}
