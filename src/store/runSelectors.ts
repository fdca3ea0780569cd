/** What the current playground shows of runs: its latest run, whether a run is its own, whether the result is out of date. */
import type { FlowDocument } from '../engine/flowDocument.ts'
import type { PlaygroundState } from './index.ts'
import type { FinishedRun } from './runSlice.ts'
import { selectDoc } from './selectors.ts'

export function currentRun(state: PlaygroundState): FinishedRun | null {
  return state.runs[state.playgrounds.currentId] ?? null
}

/** Whether the run in progress was started by the current playground. */
export function runsHere(state: PlaygroundState): boolean {
  return state.activeRun?.playgroundId === state.playgrounds.currentId
}

/** The document a run executes: the flow, or with `only` that action alone and enabled, as Auth0's dashboard tests one Action. */
export function docToRun(doc: FlowDocument, only: string | null): FlowDocument {
  if (only === null) return doc
  return { ...doc, actions: doc.actions.filter((action) => action.id === only).map((action) => ({ ...action, enabled: true })) }
}

const changed = (before: unknown, after: unknown) => before !== after && JSON.stringify(before) !== JSON.stringify(after)

/** Whether running `current` could give another result than running `ran`: names do not count. */
function runsDiffer(ran: FlowDocument, current: FlowDocument): boolean {
  if (ran.actions.length !== current.actions.length) return true
  const actionChanged = ran.actions.some((action, index) => {
    const now = current.actions[index]
    return action.id !== now.id || action.code !== now.code || action.enabled !== now.enabled || changed(action.secrets, now.secrets)
  })
  return actionChanged || changed(ran.event, current.event) || changed(ran.mocks, current.mocks)
}

// Every node reads this on every change: compare once per pair of run and document (per run, so per store).
const compared = new WeakMap<FinishedRun, { current: FlowDocument; outOfDate: boolean }>()

/**
 * Whether the code, the order, an enabled flag, a secret, the event or the mocks changed since the current playground's latest
 * run, in what that run ran (one action alone only cares about that action and the event).
 */
export function isOutOfDate(state: PlaygroundState): boolean {
  const run = currentRun(state)
  if (!run) return false
  const doc = selectDoc(state)
  let last = compared.get(run)
  if (last?.current !== doc) {
    last = { current: doc, outOfDate: runsDiffer(run.doc, docToRun(doc, run.only)) }
    compared.set(run, last)
  }
  return last.outOfDate
}
