import { useVirtualizer } from '@tanstack/react-virtual'
import { useMemo, useRef } from 'react'
import type { ActionResult, LogEntry, RunResult } from '../../engine/types.ts'
import { useStoreApi } from '../../store/hooks.ts'
import { consoleRows, type ConsoleRow } from './consoleRows.ts'
import { LongText } from './ShowAll.tsx'

const LEVELS: Record<LogEntry['level'], { icon: string; tone: string }> = {
  log: { icon: '›', tone: 'text-slate-800 dark:text-slate-200' },
  info: { icon: 'ℹ', tone: 'text-sky-800 dark:text-sky-300' },
  warn: { icon: '⚠', tone: 'bg-amber-50 text-amber-900 dark:bg-amber-950/50 dark:text-amber-200' },
  error: { icon: '✖', tone: 'bg-red-50 text-red-800 dark:bg-red-950/50 dark:text-red-200' },
  debug: { icon: '⋯', tone: 'text-slate-600 dark:text-slate-400' },
}

const ESTIMATED_ROW_HEIGHT = 25

function ConsoleLine({ log, actionId }: { log: LogEntry; actionId: string }) {
  const store = useStoreApi()
  const level = LEVELS[log.level]
  const line = log.line
  return (
    <div data-testid="console-line" data-level={log.level} className={`flex items-start gap-2 border-b border-slate-100 px-2 py-1 dark:border-slate-800 ${level.tone}`}>
      <span aria-hidden className="w-3 shrink-0 text-center">{level.icon}</span>
      <span className="w-10 shrink-0 text-[11px] uppercase opacity-75">{log.level}</span>
      <pre className="min-w-0 flex-1 font-mono text-xs whitespace-pre-wrap break-all"><LongText text={log.message} /></pre>
      {log.phase === 'continue' && <span title="Logged by onContinuePostLogin" className="shrink-0 rounded bg-slate-100 px-1 text-[11px] text-slate-600 dark:bg-slate-800 dark:text-slate-300">continue</span>}
      {line !== undefined && (
        <button
          type="button"
          title="Show this line in the editor"
          onClick={() => store.getState().reveal(actionId, line)}
          className="shrink-0 text-[11px] text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
        >
          line {line}
        </button>
      )}
    </div>
  )
}

function lineCount(action: ActionResult): string {
  const kept = `${action.logs.length.toLocaleString('en-US')} ${action.logs.length === 1 ? 'line' : 'lines'}`
  return action.droppedLogs ? `${kept} kept of ${(action.logs.length + action.droppedLogs).toLocaleString('en-US')}` : kept
}

function Row({ row }: { row: ConsoleRow }) {
  if (row.type === 'header') {
    return (
      <h3 className="border-b border-slate-200 bg-slate-100 px-2 py-1 text-xs font-semibold text-slate-600 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300">
        {row.action.name} <span className="font-normal">({lineCount(row.action)})</span>
      </h3>
    )
  }
  if (row.type === 'dropped') {
    return (
      <p className="border-b border-slate-100 px-2 py-1 text-xs text-amber-900 italic dark:border-slate-800 dark:text-amber-200">
        {row.count.toLocaleString('en-US')} more {row.count === 1 ? 'line' : 'lines'} not kept: Auth0 keeps the first 256 KiB of an action's console output.
      </p>
    )
  }
  return <ConsoleLine log={row.log} actionId={row.action.id} />
}

/** What the actions wrote with `console.*`, action by action, virtualized: only the rows in view are in the page. */
export function ConsoleView({ result }: { result: RunResult }) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const rows = useMemo(() => consoleRows(result), [result])
  const virtualizer = useVirtualizer({
    count: rows.count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    overscan: 12,
    // Before the list is measured (its first render), the first rows are shown rather than none.
    initialRect: { width: 0, height: 400 },
  })
  if (rows.count === 0) return <p data-testid="console-view" className="p-4 text-sm text-slate-600 dark:text-slate-400">No console output.</p>
  return (
    <div ref={scrollRef} data-testid="console-view" className="h-full overflow-y-auto">
      <div role="list" aria-label="Console output" className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => (
          <div
            key={item.key}
            role="listitem"
            data-index={item.index}
            ref={virtualizer.measureElement}
            className="absolute top-0 left-0 w-full"
            style={{ transform: `translateY(${item.start}px)` }}
          >
            <Row row={rows.rowAt(item.index)} />
          </div>
        ))}
      </div>
    </div>
  )
}
