import { useMemo, type KeyboardEvent } from 'react'
import type { FlowDocument } from '../../engine/flowDocument.ts'
import type { JsonObject, RunResult, TimelineEntry } from '../../engine/types.ts'
import { useResult, useRunningHere, useStoreApi, useWalkPosition } from '../../store/hooks.ts'
import { compactArgs, compactJson } from '../../engine/compact.ts'
import { branchTaken, walkOf, type WalkItem } from '../../engine/walk.ts'
import { branchText, eventHeadline, sourceLine, stepNotes, stepPlace } from '../../engine/walkNarration.ts'
import { ContinuePanel } from '../results/ContinuePanel.tsx'
import { KIND_BADGE } from '../results/timelineKinds.ts'
import { walkCurrentFlow } from '../run/runFlow.ts'
import { useTrigger } from '../triggers/triggerCatalog.ts'
import { Explained } from './Explained.tsx'
import { showWalkStep } from './showWalkStep.ts'
import { StatePanel } from './StatePanel.tsx'
import { changedKeys, stateAt } from './walkState.ts'

const button = 'rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-40 dark:border-slate-600 dark:hover:bg-slate-800'
const primary = 'rounded-md bg-indigo-600 px-3 py-1.5 text-xs font-semibold text-white hover:bg-indigo-500 disabled:opacity-40'
const PAUSES = new Set(['redirect', 'prompt.render', 'mfa.challenge', 'mfa.enroll'])

/** Line-by-line stepping through the last run: each statement with what it did, what Auth0 does, and the state beside it. */
export function WalkView({ result, doc }: { result: RunResult; doc: FlowDocument }) {
  const walk = walkOf(result)
  const position = useWalkPosition()
  const store = useStoreApi()
  const running = useRunningHere()
  if (!walk || walk.length === 0) {
    return (
      <div className="space-y-2 p-3 text-sm">
        <p className="text-slate-700 dark:text-slate-300">Step through every statement the actions run, in order and across a redirect, with what Auth0 does at each step and the state the next action will see.</p>
        <button type="button" className={primary} disabled={running} onClick={() => void walkCurrentFlow(store)}>Step through the code</button>
        <p className="text-xs text-slate-600 dark:text-slate-400">Runs the flow again, recording every statement.</p>
      </div>
    )
  }
  if (position === null) {
    return (
      <div className="flex items-center gap-2 p-3">
        <button type="button" className={primary} onClick={() => showWalkStep(store, walk, 0)}>Start at the first step</button>
        <button type="button" className={button} disabled={running} onClick={() => void walkCurrentFlow(store)}>Record again</button>
      </div>
    )
  }
  return <Walking walk={walk} index={Math.min(position, walk.length - 1)} result={result} doc={doc} />
}

function Walking({ walk, index, result, doc }: { walk: WalkItem[]; index: number; result: RunResult; doc: FlowDocument }) {
  const store = useStoreApi()
  const running = useRunningHere()
  const trigger = useTrigger(doc.trigger)
  // The way back to /continue needs the result as it is (its state): the one shown here has its secrets masked.
  const raw = useResult()
  const item = walk[index]
  const event = doc.event as JsonObject
  const { sections, changed } = useMemo(() => {
    const before = index === 0 ? 0 : walk[index - 1].through
    const after = stateAt(event, result.timeline, item.through)
    return { sections: after, changed: changedKeys(stateAt(event, result.timeline, before), after) }
  }, [event, result, walk, index, item])

  const goTo = (next: number) => showWalkStep(store, walk, next)
  const onKeyDown = (keyEvent: KeyboardEvent) => {
    if ((keyEvent.target as HTMLElement).closest('input, textarea, select')) return
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: walk.length - 1 }
    if (keyEvent.key in moves) {
      keyEvent.preventDefault()
      goTo(moves[keyEvent.key])
    }
  }
  const paused = item.kind === 'event' && PAUSES.has(item.entry.call) && result.status === 'suspended' && index === walk.length - 1

  return (
    <div data-testid="walk" onKeyDown={onKeyDown} className="flex h-full min-h-0 flex-col">
      <div className="flex flex-wrap items-center gap-1.5 border-b border-slate-200 px-2 py-1.5 dark:border-slate-800">
        <button type="button" className={button} disabled={index === 0} onClick={() => goTo(0)}>« First</button>
        <button type="button" className={button} disabled={index === 0} onClick={() => goTo(index - 1)}>◀ Back</button>
        <button type="button" className={`${button} border-sky-500 text-sky-700 dark:border-sky-400 dark:text-sky-300`} disabled={index === walk.length - 1} onClick={() => goTo(index + 1)}>Step ▶</button>
        <span role="status" className="text-xs text-slate-600 tabular-nums dark:text-slate-400">Step {index + 1} of {walk.length}</span>
        <span className="flex-1" />
        <button type="button" className={button} disabled={running} onClick={() => void walkCurrentFlow(store)}>Record again</button>
        <button type="button" className={button} onClick={() => store.getState().setWalk(null)}>Exit steps</button>
      </div>
      <div className="grid min-h-0 flex-1 overflow-y-auto lg:grid-cols-[minmax(0,3fr)_minmax(16rem,2fr)]">
        <section aria-label="This step" className="space-y-2 p-3 text-sm">
          {item.kind === 'line'
            ? <LineStep walk={walk} index={index} doc={doc} trigger={doc.trigger} />
            : <EventStep entry={item.entry} doc={doc} handlers={trigger?.handlers ?? { execute: 'handler' }} />}
          {paused && raw && <div className="border-t border-slate-200 pt-3 dark:border-slate-800"><ContinuePanel result={raw} /></div>}
        </section>
        <div className="border-t border-slate-200 lg:border-t-0 lg:border-l dark:border-slate-800">
          <StatePanel sections={sections} changed={changed} />
        </div>
      </div>
    </div>
  )
}

function LineStep({ walk, index, doc, trigger }: { walk: WalkItem[]; index: number; doc: FlowDocument; trigger: string }) {
  const item = walk[index] as Extract<WalkItem, { kind: 'line' }>
  const { step } = item
  const taken = branchTaken(walk, index)
  const notes = stepNotes(walk, index)
  return (
    <>
      <h3 data-testid="walk-step-title" className="text-xs text-slate-600 dark:text-slate-400">
        {stepPlace(doc, item)}
      </h3>
      <pre className="overflow-x-auto rounded bg-slate-100 px-2 py-1 font-mono text-xs dark:bg-slate-900"><code>{sourceLine(doc, step.actionId, step.line) || '(the code changed since this run)'}</code></pre>
      {taken && <p data-testid="walk-branch" className="text-slate-800 dark:text-slate-200">{branchText(taken)}</p>}
      {notes.map((note) => <p key={note} className="text-slate-700 dark:text-slate-300">{note}</p>)}
      {item.entries.length > 0 && (
        <ul className="space-y-2">
          {item.entries.map((entry) => <EntryItem key={entry.seq} entry={entry} trigger={trigger} />)}
        </ul>
      )}
    </>
  )
}

function EntryItem({ entry, trigger }: { entry: TimelineEntry; trigger: string }) {
  const text = entry.kind === 'console' ? String(entry.args[0] ?? '') : compactArgs(entry.args)
  return (
    <li data-testid="walk-entry" className="space-y-0.5">
      <p className="font-mono text-xs break-all">
        <span className={`mr-1.5 rounded px-1 font-sans text-[11px] ${KIND_BADGE[entry.kind]}`}>{entry.kind}</span>
        {entry.call}({text})
        {entry.returned !== undefined && <span className="text-slate-600 dark:text-slate-400"> → {compactJson(entry.returned)}</span>}
        {entry.error !== undefined && <span className="text-red-700 dark:text-red-400"> threw {entry.error}</span>}
      </p>
      {entry.kind === 'api' && <Explained trigger={trigger} call={entry.call} />}
    </li>
  )
}

function EventStep({ entry, doc, handlers }: { entry: TimelineEntry; doc: FlowDocument; handlers: { execute: string; continue?: string } }) {
  const { title, detail } = eventHeadline(entry, doc, handlers)
  return (
    <>
      <h3 data-testid="walk-step-title" className="font-semibold text-slate-900 break-all dark:text-slate-100">{title}</h3>
      {detail && <p className="font-mono text-xs break-all text-slate-700 dark:text-slate-300">{detail}</p>}
      <Explained trigger={doc.trigger} call={entry.call} />
    </>
  )
}
