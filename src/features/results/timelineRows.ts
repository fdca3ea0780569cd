/** The timeline as the list shows it: readable labels, filters, group headers and stepping over the visible entries. */
import type { JsonValue, Phase, TimelineEntry, TimelineKind } from '../../engine/types.ts'

export const TIMELINE_KINDS: readonly TimelineKind[] = ['api', 'console', 'http', 'engine']

const ENGINE_WORDS: Record<string, string> = {
  'action.start': 'started',
  'action.continue': 'continued',
  'action.end': 'ended',
  'profile.update': 'profile updated',
  redirect: 'redirected',
  'prompt.render': 'prompt rendered',
  'mfa.required': 'MFA required',
  'mfa.challenge': 'MFA challenge',
  'mfa.enroll': 'MFA enrollment',
  'tokens.issued': 'tokens issued',
  'flow.continue': 'continued at /continue',
  'flow.end': 'flow ended',
}

/** What a row calls its entry: the call as written for api, console and http entries, words for engine events. */
export function entryLabel(entry: TimelineEntry): string {
  if (entry.kind !== 'engine') return entry.call
  return ENGINE_WORDS[entry.call] ?? entry.call.replace(/[._]/g, ' ')
}

export function groupLabel(action: string | undefined, phase: Phase | undefined): string {
  if (action === undefined) return 'Flow'
  return phase === 'continue' ? `${action} · continue (after /continue)` : `${action} · execute`
}

/** The arguments when expanded: a single argument as itself, several as the list of them. */
export function expandedArgs(args: JsonValue[]): JsonValue {
  return args.length === 1 ? args[0] : args
}

export function isExpandable(entry: TimelineEntry): boolean {
  return entry.args.length > 0 || entry.returned !== undefined || entry.error !== undefined
}

export interface TimelineFilter {
  kinds: ReadonlySet<TimelineKind>
  /** `null`: every action, and the flow's own entries. */
  actionId: string | null
  query: string
}

/** Lower-cased text a search looks in, one per entry. */
export function searchTexts(timeline: readonly TimelineEntry[]): string[] {
  return timeline.map((entry) => [
    entry.call,
    entryLabel(entry),
    entry.action ?? '',
    JSON.stringify(entry.args),
    entry.returned === undefined ? '' : JSON.stringify(entry.returned),
    entry.error ?? '',
  ].join('\n').toLowerCase())
}

export interface FilteredTimeline {
  /** Indices in the timeline of the entries shown, in order. */
  visible: number[]
  /** Entries of each kind that match the action and the search, whichever kinds are shown. */
  counts: Record<TimelineKind, number>
}

/** `texts` (from `searchTexts`) is needed only when the filter has a query. */
export function filterTimeline(timeline: readonly TimelineEntry[], filter: TimelineFilter, texts: readonly string[] | null): FilteredTimeline {
  const query = filter.query.trim().toLowerCase()
  const counts: Record<TimelineKind, number> = { api: 0, console: 0, http: 0, engine: 0 }
  const visible: number[] = []
  for (let index = 0; index < timeline.length; index++) {
    const entry = timeline[index]
    if (filter.actionId !== null && entry.actionId !== filter.actionId) continue
    if (query && texts && !texts[index].includes(query)) continue
    counts[entry.kind]++
    if (filter.kinds.has(entry.kind)) visible.push(index)
  }
  return { visible, counts }
}

export type TimelineRow =
  | { type: 'group'; key: string; label: string }
  | { type: 'entry'; key: string; index: number }

export interface TimelineRows {
  rows: TimelineRow[]
  /** Row of each timeline entry; -1 for entries not shown. */
  rowOfEntry: Int32Array
}

/** Entry rows under a header row each time the action or the phase changes. */
export function buildRows(timeline: readonly TimelineEntry[], visible: readonly number[]): TimelineRows {
  const rows: TimelineRow[] = []
  const rowOfEntry = new Int32Array(timeline.length).fill(-1)
  let group: string | null = null
  for (const index of visible) {
    const entry = timeline[index]
    const key = `${entry.actionId ?? ''}|${entry.phase ?? ''}`
    if (key !== group) {
      group = key
      rows.push({ type: 'group', key: `group-${index}`, label: groupLabel(entry.action, entry.phase) })
    }
    rowOfEntry[index] = rows.length
    rows.push({ type: 'entry', key: `entry-${index}`, index })
  }
  return { rows, rowOfEntry }
}

/** The actions that have entries, in the order they first appear. */
export function timelineActions(timeline: readonly TimelineEntry[]): { id: string; name: string }[] {
  const seen = new Map<string, string>()
  for (const entry of timeline) {
    if (entry.actionId !== undefined && !seen.has(entry.actionId)) seen.set(entry.actionId, entry.action ?? entry.actionId)
  }
  return [...seen].map(([id, name]) => ({ id, name }))
}

/** The visible entry after `step` (the first one when not stepping); null at the end. */
export function nextVisible(visible: readonly number[], step: number | null): number | null {
  if (step === null) return visible[0] ?? null
  return visible[firstAtOrAfter(visible, step + 1)] ?? null
}

/** The visible entry before `step`; null at the start. */
export function previousVisible(visible: readonly number[], step: number): number | null {
  return visible[firstAtOrAfter(visible, step) - 1] ?? null
}

function firstAtOrAfter(sorted: readonly number[], value: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (sorted[middle] < value) low = middle + 1
    else high = middle
  }
  return low
}
