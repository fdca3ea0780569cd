import type { ActionResult, LogEntry, RunResult } from '../../engine/types.ts'
import { usePlayground } from '../../store/index.ts'

const LEVELS: Record<LogEntry['level'], { icon: string; tone: string }> = {
  log: { icon: '›', tone: 'text-slate-800 dark:text-slate-200' },
  info: { icon: 'ℹ', tone: 'text-sky-800 dark:text-sky-300' },
  warn: { icon: '⚠', tone: 'bg-amber-50 text-amber-900 dark:bg-amber-950/50 dark:text-amber-200' },
  error: { icon: '✖', tone: 'bg-red-50 text-red-800 dark:bg-red-950/50 dark:text-red-200' },
  debug: { icon: '⋯', tone: 'text-slate-600 dark:text-slate-400' },
}

function ConsoleLine({ log, actionId }: { log: LogEntry; actionId: string }) {
  const level = LEVELS[log.level]
  const line = log.line
  return (
    <li data-testid="console-line" data-level={log.level} className={`flex items-start gap-2 border-t border-slate-100 px-2 py-1 first:border-t-0 dark:border-slate-800 ${level.tone}`}>
      <span aria-hidden className="w-3 shrink-0 text-center">{level.icon}</span>
      <span className="w-10 shrink-0 text-[11px] uppercase opacity-75">{log.level}</span>
      <pre className="min-w-0 flex-1 font-mono text-xs whitespace-pre-wrap break-all">{log.message}</pre>
      {log.phase === 'continue' && <span title="Logged by onContinuePostLogin" className="shrink-0 rounded bg-slate-100 px-1 text-[11px] text-slate-600 dark:bg-slate-800 dark:text-slate-300">continue</span>}
      {line !== undefined && (
        <button
          type="button"
          title="Show this line in the editor"
          onClick={() => usePlayground.getState().reveal(actionId, line)}
          className="shrink-0 text-[11px] text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
        >
          line {line}
        </button>
      )}
    </li>
  )
}

function ActionLogs({ action }: { action: ActionResult }) {
  return (
    <section aria-label={`Console of ${action.name}`}>
      <h3 className="mb-1 text-xs font-semibold text-slate-600 dark:text-slate-300">
        {action.name} <span className="font-normal text-slate-600 dark:text-slate-400">({action.logs.length} {action.logs.length === 1 ? 'line' : 'lines'})</span>
      </h3>
      <ol className="rounded-md border border-slate-200 dark:border-slate-800">
        {action.logs.map((log, index) => <ConsoleLine key={index} log={log} actionId={action.id} />)}
      </ol>
    </section>
  )
}

/** What the actions wrote with `console.*`, action by action; a line number opens the code there. */
export function ConsoleView({ result }: { result: RunResult }) {
  const logged = result.actions.filter((action) => action.logs.length > 0)
  return (
    <div data-testid="console-view" className="space-y-3 p-4">
      {logged.length === 0
        ? <p className="text-sm text-slate-600 dark:text-slate-400">No console output.</p>
        : logged.map((action) => <ActionLogs key={action.id} action={action} />)}
    </div>
  )
}
