import { describe, expect, it } from 'vitest'
import { runFlow } from '../../engine/index.ts'
import { onExecute, testFlow } from '../../engine/testing.ts'
import { compactArgs } from '../../engine/compact.ts'
import type { TimelineEntry, TimelineKind } from '../../engine/types.ts'
import {
  buildRows, entryLabel, expandedArgs, filterTimeline, groupLabel, isExpandable, nextVisible, previousVisible,
  searchTexts, TIMELINE_KINDS, timelineActions, type TimelineFilter,
} from './timelineRows.ts'

const entry = (seq: number, kind: TimelineKind, call: string, extra: Partial<TimelineEntry> = {}): TimelineEntry =>
  ({ seq, kind, call, args: [], ...extra })
const inAction = (id: string, phase: 'execute' | 'continue' = 'execute') => ({ action: `Action ${id}`, actionId: id, phase })

const timeline: TimelineEntry[] = [
  entry(0, 'engine', 'action.start', inAction('a')),
  entry(1, 'api', 'api.user.setAppMetadata', { ...inAction('a'), args: ['plan', 'gold'], line: 3 }),
  entry(2, 'console', 'console.log', { ...inAction('a'), args: ['Hello there'], line: 4 }),
  entry(3, 'engine', 'action.end', { ...inAction('a'), args: [{ status: 'suspended' }] }),
  entry(4, 'engine', 'flow.continue', { args: [{ query: { state: 'xyz' } }] }),
  entry(5, 'engine', 'action.continue', inAction('a', 'continue')),
  entry(6, 'api', 'api.redirect.validateToken', { ...inAction('a', 'continue'), returned: { color: 'Purple' }, line: 9 }),
  entry(7, 'http', 'GET https://legacy.example.com/users', { ...inAction('b'), args: [{ status: 200 }], line: 2 }),
  entry(8, 'api', 'api.access.deny', { ...inAction('b'), error: 'TypeError: reason must be a string', line: 5 }),
  entry(9, 'engine', 'tokens.issued', { args: [{ scope: 'openid' }] }),
  entry(10, 'engine', 'flow.end', { args: [{ status: 'completed' }] }),
]

const all = (over: Partial<TimelineFilter> = {}): TimelineFilter => ({ kinds: new Set(TIMELINE_KINDS), actionId: null, query: '', ...over })
const filtered = (filter: TimelineFilter) => filterTimeline(timeline, filter, searchTexts(timeline))

describe('labels', () => {
  it('shows calls as written and engine events as words', () => {
    expect(timeline.map(entryLabel)).toEqual([
      'started', 'api.user.setAppMetadata', 'console.log', 'ended', 'continued at /continue', 'continued',
      'api.redirect.validateToken', 'GET https://legacy.example.com/users', 'api.access.deny', 'tokens issued', 'flow ended',
    ])
    expect(entryLabel(entry(0, 'engine', 'profile.update'))).toBe('profile updated')
    expect(entryLabel(entry(0, 'engine', 'redirect'))).toBe('redirected')
    expect(entryLabel(entry(0, 'engine', 'something.new_here'))).toBe('something new here')
  })

  it('names groups by action and phase', () => {
    expect(groupLabel('Plan', 'execute')).toBe('Plan · execute')
    expect(groupLabel('Plan', 'continue')).toBe('Plan · continue (after /continue)')
    expect(groupLabel(undefined, undefined)).toBe('Flow')
  })

  it('writes arguments on one line, cut to a length, and as a value to expand', () => {
    expect(compactArgs(['plan', { tier: 'gold', n: 1 }, null])).toBe('"plan", {"tier":"gold","n":1}, null')
    expect(compactArgs([])).toBe('')
    const cut = compactArgs(['x'.repeat(10_000)], 20)
    expect(cut).toHaveLength(20)
    expect(cut.endsWith('…')).toBe(true)
    expect(expandedArgs([{ a: 1 }])).toEqual({ a: 1 })
    expect(expandedArgs(['a', 2])).toEqual(['a', 2])
  })

  it('expands only entries with something to show', () => {
    expect(timeline.filter(isExpandable).map((item) => item.seq)).toEqual([1, 2, 3, 4, 6, 7, 8, 9, 10])
  })
})

describe('filterTimeline', () => {
  it('shows everything by default and counts each kind', () => {
    const result = filtered(all())
    expect(result.visible).toEqual(timeline.map((_, index) => index))
    expect(result.counts).toEqual({ api: 3, console: 1, http: 1, engine: 6 })
  })

  it('hides kinds that are toggled off but keeps counting them', () => {
    const result = filtered(all({ kinds: new Set(['api', 'http']) }))
    expect(result.visible).toEqual([1, 6, 7, 8])
    expect(result.counts).toEqual({ api: 3, console: 1, http: 1, engine: 6 })
  })

  it('keeps one action, leaving out the flow’s own entries', () => {
    const result = filtered(all({ actionId: 'b' }))
    expect(result.visible).toEqual([7, 8])
    expect(result.counts).toEqual({ api: 1, console: 0, http: 1, engine: 0 })
  })

  it('searches the call, the readable label, the action name and the JSON, ignoring case', () => {
    expect(filtered(all({ query: 'SETAPP' })).visible).toEqual([1])
    expect(filtered(all({ query: 'tokens issued' })).visible).toEqual([9])
    expect(filtered(all({ query: 'action b' })).visible).toEqual([7, 8])
    expect(filtered(all({ query: '"gold"' })).visible).toEqual([1])
    expect(filtered(all({ query: 'purple' })).visible).toEqual([6])
    expect(filtered(all({ query: 'must be a string' })).visible).toEqual([8])
    expect(filtered(all({ query: '  hello  ' })).visible).toEqual([2])
    expect(filtered(all({ query: 'nothing like this' })).counts).toEqual({ api: 0, console: 0, http: 0, engine: 0 })
  })
})

describe('buildRows', () => {
  const shape = (visible: number[]) => buildRows(timeline, visible).rows.map((row) => (row.type === 'group' ? row.label : row.index))

  it('puts a header before each run of entries of one action and phase', () => {
    expect(shape(timeline.map((_, index) => index))).toEqual([
      'Action a · execute', 0, 1, 2, 3,
      'Flow', 4,
      'Action a · continue (after /continue)', 5, 6,
      'Action b · execute', 7, 8,
      'Flow', 9, 10,
    ])
  })

  it('merges groups that filtering brings together', () => {
    expect(shape([1, 6, 8])).toEqual(['Action a · execute', 1, 'Action a · continue (after /continue)', 6, 'Action b · execute', 8])
    expect(shape([3, 9])).toEqual(['Action a · execute', 3, 'Flow', 9])
    expect(shape([])).toEqual([])
  })

  it('maps each shown entry to its row', () => {
    const { rows, rowOfEntry } = buildRows(timeline, [1, 6, 8])
    expect([...rowOfEntry]).toEqual([-1, 1, -1, -1, -1, -1, 3, -1, 5, -1, -1])
    expect(rows.map((row) => row.key)).toEqual(['group-1', 'entry-1', 'group-6', 'entry-6', 'group-8', 'entry-8'])
  })
})

describe('stepping over the visible entries', () => {
  const visible = [1, 4, 6, 9]

  it('goes forward from before the first to past the last', () => {
    expect(nextVisible(visible, null)).toBe(1)
    expect(nextVisible(visible, 1)).toBe(4)
    expect(nextVisible(visible, 5)).toBe(6)
    expect(nextVisible(visible, 9)).toBeNull()
    expect(nextVisible([], null)).toBeNull()
  })

  it('goes back, including from an entry that is hidden', () => {
    expect(previousVisible(visible, 9)).toBe(6)
    expect(previousVisible(visible, 5)).toBe(4)
    expect(previousVisible(visible, 1)).toBeNull()
    expect(previousVisible(visible, 0)).toBeNull()
  })
})

describe('a real run', () => {
  it('lists the actions that have entries, in order', async () => {
    const doc = testFlow([
      { name: 'First', code: onExecute('api.user.setAppMetadata("a", 1)') },
      { name: 'Off', code: onExecute(''), enabled: false },
      { name: 'Second', code: onExecute('console.log("hi")') },
    ])
    const result = await runFlow(doc)
    expect(timelineActions(result.timeline)).toEqual([{ id: 'a1', name: 'First' }, { id: 'a3', name: 'Second' }])
    const rows = buildRows(result.timeline, result.timeline.map((_, index) => index)).rows
    expect(rows.filter((row) => row.type === 'group').map((row) => row.type === 'group' && row.label)).toEqual(['First · execute', 'Second · execute', 'Flow'])
  })
})
