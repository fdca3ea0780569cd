import type { TimelineKind } from '../../engine/types.ts'
import { KIND_BADGE } from './timelineKinds.ts'
import { TIMELINE_KINDS } from './timelineRows.ts'

const field = 'rounded border border-slate-300 bg-white px-2 py-0.5 text-xs dark:border-slate-600 dark:bg-slate-800'

interface TimelineFiltersProps {
  kinds: ReadonlySet<TimelineKind>
  counts: Record<TimelineKind, number>
  actions: { id: string; name: string }[]
  actionId: string | null
  query: string
  shown: number
  total: number
  onToggleKind(kind: TimelineKind): void
  onAction(actionId: string | null): void
  onQuery(query: string): void
}

/** Which entries the list shows: kinds (with how many of each match the rest), one action, a search. */
export function TimelineFilters({ kinds, counts, actions, actionId, query, shown, total, onToggleKind, onAction, onQuery }: TimelineFiltersProps) {
  return (
    <div className="flex flex-wrap items-center gap-1.5">
      {TIMELINE_KINDS.map((kind) => (
        <button
          key={kind}
          type="button"
          aria-pressed={kinds.has(kind)}
          data-testid={`timeline-filter-${kind}`}
          onClick={() => onToggleKind(kind)}
          className={`rounded-full border px-2 py-0.5 text-xs ${kinds.has(kind)
            ? `border-transparent ${KIND_BADGE[kind]}`
            : 'border-slate-300 text-slate-600 line-through dark:border-slate-700 dark:text-slate-400'}`}
        >
          {kind} <span className="tabular-nums opacity-70">{counts[kind]}</span>
        </button>
      ))}
      <select
        aria-label="Action"
        data-testid="timeline-action-filter"
        value={actionId ?? ''}
        onChange={(event) => onAction(event.target.value || null)}
        className={`${field} max-w-48`}
      >
        <option value="">All actions</option>
        {actions.map((action) => <option key={action.id} value={action.id}>{action.name}</option>)}
      </select>
      <input
        type="search"
        aria-label="Search the timeline"
        placeholder="Search calls, values…"
        data-testid="timeline-search"
        value={query}
        onChange={(event) => onQuery(event.target.value)}
        className={`${field} w-44 min-w-0`}
      />
      <span data-testid="timeline-count" className="text-xs whitespace-nowrap text-slate-600 tabular-nums dark:text-slate-400">{shown} of {total} entries</span>
    </div>
  )
}
