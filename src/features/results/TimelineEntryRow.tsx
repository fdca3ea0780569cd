import { memo, type KeyboardEvent } from 'react'
import type { TimelineEntry } from '../../engine/types.ts'
import { answeredByStandIn, STAND_IN_LABEL } from './httpAnswers.ts'
import { JsonBlock } from './JsonBlock.tsx'
import { LongText } from './ShowAll.tsx'
import { KIND_BADGE } from './timelineKinds.ts'
import { compactArgs, compactJson, compactText } from '../../engine/compact.ts'
import { entryLabel, expandedArgs, isExpandable } from './timelineRows.ts'

interface EntryRowProps {
  entry: TimelineEntry
  index: number
  current: boolean
  expanded: boolean
  onSelect(index: number): void
  onToggle(index: number): void
}

function Details({ entry }: { entry: TimelineEntry }) {
  return (
    // Selecting text in the details should not move the editor.
    <div className="mt-1 max-h-72 space-y-1 overflow-y-auto cursor-auto" onClick={(event) => event.stopPropagation()}>
      {entry.args.length > 0 && <JsonBlock value={expandedArgs(entry.args)} />}
      {entry.returned !== undefined && (
        <>
          <p className="text-[11px] text-slate-600 dark:text-slate-400">returned</p>
          <JsonBlock value={entry.returned} />
        </>
      )}
      {entry.error !== undefined && (
        <>
          <p className="text-[11px] text-slate-600 dark:text-slate-400">threw</p>
          <pre className="whitespace-pre-wrap break-all font-mono text-red-700 dark:text-red-400"><LongText text={entry.error} /></pre>
        </>
      )}
    </div>
  )
}

/** One entry: its kind, the call, its arguments on one line (all of them when expanded), what it returned or threw, its line. */
export const TimelineEntryRow = memo(function TimelineEntryRow({ entry, index, current, expanded, onSelect, onToggle }: EntryRowProps) {
  const label = entryLabel(entry)
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target !== event.currentTarget || (event.key !== 'Enter' && event.key !== ' ')) return
    event.preventDefault()
    onSelect(index)
  }
  return (
    <div
      tabIndex={0}
      aria-current={current ? 'step' : undefined}
      data-testid={current ? 'timeline-current' : undefined}
      data-seq={current ? entry.seq : undefined}
      onClick={() => onSelect(index)}
      onKeyDown={onKeyDown}
      className={`flex cursor-pointer items-start gap-1.5 border-l-2 py-1 pr-2 pl-1 text-xs focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-500 ${
        current ? 'border-sky-500 bg-sky-50 dark:border-sky-400 dark:bg-sky-950/60' : 'border-transparent hover:bg-slate-50 dark:hover:bg-slate-900'
      }`}
    >
      {isExpandable(entry) ? (
        <button
          type="button"
          aria-label={expanded ? 'Collapse' : 'Expand'}
          aria-expanded={expanded}
          onClick={(event) => { event.stopPropagation(); onToggle(index) }}
          className="w-4 shrink-0 rounded text-slate-600 dark:text-slate-400 hover:bg-slate-200 hover:text-slate-700 dark:hover:bg-slate-700 dark:hover:text-slate-200"
        >
          {expanded ? '▾' : '▸'}
        </button>
      ) : <span className="w-4 shrink-0" />}
      <span className={`w-14 shrink-0 rounded px-1 text-center text-[10px] leading-4 font-medium ${KIND_BADGE[entry.kind]}`}>{entry.kind}</span>
      <div className="min-w-0 flex-1">
        <div className="flex min-w-0 items-baseline gap-2">
          <span title={label} className={`max-w-[60%] shrink-0 truncate ${entry.kind === 'engine' ? 'font-medium text-slate-700 dark:text-slate-200' : 'font-mono text-slate-900 dark:text-slate-100'}`}>{label}</span>
          {answeredByStandIn(entry) && (
            <span data-testid="timeline-stand-in" title={`No HTTP mock matched: the ${STAND_IN_LABEL} answered`} className="shrink-0 rounded bg-violet-100 px-1 text-[10px] leading-4 font-medium text-violet-800 dark:bg-violet-900/60 dark:text-violet-200">stand-in</span>
          )}
          {!expanded && entry.args.length > 0 && <span className="min-w-0 truncate font-mono text-slate-600 dark:text-slate-400">{compactArgs(entry.args)}</span>}
          {!expanded && entry.returned !== undefined && <span className="max-w-[35%] shrink-0 truncate font-mono text-emerald-700 dark:text-emerald-400">→ {compactJson(entry.returned)}</span>}
          {!expanded && entry.error !== undefined && <span className="min-w-0 truncate text-red-700 dark:text-red-400">✕ {compactText(entry.error)}</span>}
        </div>
        {expanded && <Details entry={entry} />}
      </div>
      {entry.line !== undefined && <span className="shrink-0 text-slate-600 tabular-nums dark:text-slate-400">line {entry.line}</span>}
    </div>
  )
})
