import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { TimelineEntry } from '../../engine/types.ts'
import { TimelineEntryRow } from './TimelineEntryRow.tsx'
import type { TimelineRows } from './timelineRows.ts'

export type StepKey = 'back' | 'forward' | 'exit'

const STEP_KEYS: Record<string, StepKey> = { ArrowLeft: 'back', ArrowRight: 'forward', Escape: 'exit' }
const ESTIMATED_ROW_HEIGHT = 26
const NONE: ReadonlySet<number> = new Set()

interface TimelineListProps extends TimelineRows {
  timeline: readonly TimelineEntry[]
  step: number | null
  emptyText: string
  onSelect(index: number): void
  onStepKey(key: StepKey): void
}

/** The rows, virtualized: only those in view are in the page, each measured, so expanded rows can be any height. */
export function TimelineList({ timeline, rows, rowOfEntry, step, emptyText, onSelect, onStepKey }: TimelineListProps) {
  const scrollRef = useRef<HTMLDivElement>(null)
  // Expanded rows belong to one run's timeline: a new run shows all rows collapsed.
  const [expanded, setExpanded] = useState({ timeline, indices: NONE })
  const open = expanded.timeline === timeline ? expanded.indices : NONE
  const onToggle = useCallback((index: number) => setExpanded((previous) => {
    const indices = new Set(previous.timeline === timeline ? previous.indices : NONE)
    if (!indices.delete(index)) indices.add(index)
    return { timeline, indices }
  }), [timeline])

  const getItemKey = useCallback((index: number) => rows[index].key, [rows])
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    getItemKey,
    overscan: 12,
  })

  const currentRow = step === null ? -1 : rowOfEntry[step]
  useEffect(() => {
    if (currentRow >= 0) virtualizer.scrollToIndex(currentRow, { align: 'auto' })
  }, [currentRow, virtualizer])

  const onKeyDown = (event: KeyboardEvent) => {
    const key = STEP_KEYS[event.key]
    if (!key) return
    event.preventDefault()
    // A focused row that scrolls out of view leaves the page, and the focus with it; the list keeps it.
    scrollRef.current?.focus({ preventScroll: true })
    onStepKey(key)
  }

  return (
    <div
      ref={scrollRef}
      data-testid="timeline-scroll"
      tabIndex={0}
      aria-label="Timeline entries (← and → step through them)"
      onKeyDown={onKeyDown}
      className="min-h-0 flex-1 overflow-x-hidden overflow-y-auto focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-500"
    >
      {rows.length === 0 ? <p className="p-4 text-sm text-slate-600 dark:text-slate-400">{emptyText}</p> : (
        <div role="list" className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]
            const entry = row.type === 'entry' ? timeline[row.index] : undefined
            return (
              <div
                key={item.key}
                role="listitem"
                data-index={item.index}
                ref={virtualizer.measureElement}
                data-testid={entry ? 'timeline-row' : 'timeline-group'}
                data-seq={entry?.seq}
                data-kind={entry?.kind}
                className="absolute top-0 left-0 w-full"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                {row.type === 'group' ? (
                  <div className="border-b border-slate-200 bg-slate-100 px-2 py-1 text-[11px] font-semibold text-slate-600 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300">{row.label}</div>
                ) : (
                  <TimelineEntryRow entry={timeline[row.index]} index={row.index} current={row.index === step} expanded={open.has(row.index)} onSelect={onSelect} onToggle={onToggle} />
                )}
              </div>
            )
          })}
        </div>
      )}
    </div>
  )
}
