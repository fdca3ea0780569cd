import { useCallback, useDeferredValue, useMemo, useState } from 'react'
import type { RunResult, TimelineKind } from '../../engine/types.ts'
import { useStep, useStore } from '../../store/hooks.ts'
import { StepControls } from './StepControls.tsx'
import { TimelineFilters } from './TimelineFilters.tsx'
import { TimelineList, type StepKey } from './TimelineList.tsx'
import { buildRows, filterTimeline, nextVisible, previousVisible, searchTexts, TIMELINE_KINDS, timelineActions } from './timelineRows.ts'

/**
 * Everything the run did, in order and grouped by action, with filters; clicking an entry, or stepping
 * through the entries, shows its line in the editor. Stepping goes through the entries the filters show.
 */
export function Timeline({ result }: { result: RunResult }) {
  const timeline = result.timeline
  const [kinds, setKinds] = useState<ReadonlySet<TimelineKind>>(() => new Set(TIMELINE_KINDS))
  const [chosenAction, setChosenAction] = useState<string | null>(null)
  const [query, setQuery] = useState('')
  const search = useDeferredValue(query)

  const actions = useMemo(() => timelineActions(timeline), [timeline])
  // An action chosen for an earlier run may not be in this one.
  const actionId = actions.some((action) => action.id === chosenAction) ? chosenAction : null
  const searching = search.trim() !== ''
  const texts = useMemo(() => (searching ? searchTexts(timeline) : null), [timeline, searching])
  const { visible, counts } = useMemo(() => filterTimeline(timeline, { kinds, actionId, query: search }, texts), [timeline, kinds, actionId, search, texts])
  const { rows, rowOfEntry } = useMemo(() => buildRows(timeline, visible), [timeline, visible])

  const storedStep = useStep()
  const setStep = useStore((state) => state.setStep)
  const reveal = useStore((state) => state.reveal)
  const step = storedStep !== null && storedStep < timeline.length ? storedStep : null
  const next = nextVisible(visible, step)
  const previous = step === null ? null : previousVisible(visible, step)

  const goTo = useCallback((index: number) => {
    setStep(index)
    const entry = timeline[index]
    if (entry.actionId !== undefined) reveal(entry.actionId, entry.line ?? null)
  }, [timeline, setStep, reveal])

  const onStepKey = (key: StepKey) => {
    if (key === 'exit') setStep(null)
    else if (key === 'back' && previous !== null) goTo(previous)
    else if (key === 'forward' && next !== null) goTo(next)
  }

  const toggleKind = (kind: TimelineKind) => {
    const shown = new Set(kinds)
    if (!shown.delete(kind)) shown.add(kind)
    setKinds(shown)
  }

  const shownAt = step === null ? -1 : visible.indexOf(step)
  return (
    <div data-testid="timeline" className="flex h-full min-h-0 flex-col">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-2 py-1.5 dark:border-slate-800">
        <TimelineFilters
          kinds={kinds}
          counts={counts}
          actions={actions}
          actionId={actionId}
          query={query}
          shown={visible.length}
          total={timeline.length}
          onToggleKind={toggleKind}
          onAction={setChosenAction}
          onQuery={setQuery}
        />
        <StepControls
          stepping={step !== null}
          position={shownAt >= 0 ? `${shownAt + 1} of ${visible.length}` : 'hidden by the filters'}
          canStart={visible.length > 0}
          canBack={previous !== null}
          canForward={next !== null}
          onStart={() => onStepKey('forward')}
          onBack={() => onStepKey('back')}
          onForward={() => onStepKey('forward')}
          onExit={() => onStepKey('exit')}
        />
      </div>
      <TimelineList
        timeline={timeline}
        rows={rows}
        rowOfEntry={rowOfEntry}
        step={step}
        emptyText={timeline.length === 0 ? 'The run recorded nothing.' : 'No entries match the filters.'}
        onSelect={goTo}
        onStepKey={onStepKey}
      />
    </div>
  )
}
