/**
 * Runs and what they show: the run in progress, each playground's latest result (with the document it
 * ran, for continuing, the metadata diff and knowing when it is out of date), the timeline entry being
 * stepped through, and where the editor should point.
 */
import type { StateCreator } from 'zustand'
import { DEFAULT_TIME_LIMIT_MS } from '../engine/limits.ts'
import type { FlowDocument } from '../engine/flowDocument.ts'
import type { RunResult } from '../engine/types.ts'
import type { PlaygroundState } from './index.ts'
import { selectActions } from './selectors.ts'

/** A request to show an action's line in the editor; `seq` makes a repeated request for the same line count. */
export interface CodeFocus {
  actionId: string
  line: number | null
  seq: number
}

/** A step of the walk through a run (walk.ts), and the action it belongs to, for the canvas to mark. */
export interface WalkPosition {
  index: number
  actionId: string | null
}

/** What a run ran: the document, and the action it ran alone ("Run this action only") or null for the whole flow. */
export interface RunInput {
  doc: FlowDocument
  only: string | null
}

/** The one run in progress (the runner is shared): the playground that started it and what it runs. */
export interface ActiveRun extends RunInput {
  playgroundId: string
  /** The action running now. */
  actionId: string | null
}

/** A playground's latest run: its result and what ran. */
export interface FinishedRun extends RunInput {
  result: RunResult
}

export interface RunSlice {
  activeRun: ActiveRun | null
  /** The latest run of each playground, by playground id; kept in memory only. */
  runs: Record<string, FinishedRun>
  timeLimitMs: number
  /** Index in the result's timeline while stepping through it; null when not stepping. */
  step: number | null
  /** The step shown of the walk through a stepping run's statements (walk.ts) and its action; null when not walking. */
  walk: WalkPosition | null
  focus: CodeFocus | null
  /** Starts a run of `doc` (of the action `only` alone, when set) for the current playground. */
  runStarted(doc: FlowDocument, only?: string | null): void
  /** The action that started running now. */
  runProgress(actionId: string): void
  /** Files the result under the playground that started the run, whichever one is shown now. */
  runFinished(result: RunResult): void
  /** A finished run's tokens, signed after its outcome was shown: replaces that result, if it is still the playground's. */
  runSigned(unsigned: RunResult, signed: RunResult): void
  setTimeLimit(ms: number): void
  setStep(step: number | null): void
  setWalk(walk: WalkPosition | null): void
  /** Selects the action, opens its code and scrolls to the line. */
  reveal(actionId: string, line: number | null): void
}

export const createRunSlice: StateCreator<PlaygroundState, [], [], RunSlice> = (set, get) => ({
  activeRun: null,
  runs: {},
  timeLimitMs: DEFAULT_TIME_LIMIT_MS,
  step: null,
  walk: null,
  focus: null,
  runStarted: (doc, only = null) => set({ activeRun: { playgroundId: get().playgrounds.currentId, doc, only, actionId: null }, step: null, walk: null }),
  runProgress: (actionId) => {
    const { activeRun } = get()
    if (activeRun && activeRun.actionId !== actionId) set({ activeRun: { ...activeRun, actionId } })
  },
  runFinished: (result) => {
    const { activeRun, runs } = get()
    if (activeRun) set({ activeRun: null, runs: { ...runs, [activeRun.playgroundId]: { doc: activeRun.doc, only: activeRun.only, result } } })
  },
  runSigned: (unsigned, signed) => {
    const { runs } = get()
    const entry = Object.entries(runs).find(([, run]) => run.result === unsigned)
    if (entry) set({ runs: { ...runs, [entry[0]]: { ...entry[1], result: signed } } })
  },
  setTimeLimit: (ms) => set({ timeLimitMs: ms }),
  setStep: (step) => set({ step }),
  setWalk: (walk) => set({ walk }),
  reveal: (actionId, line) => {
    if (!selectActions(get()).some((action) => action.id === actionId)) return
    set({ selectedId: actionId, inspectorTab: 'code', focus: { actionId, line, seq: (get().focus?.seq ?? 0) + 1 } })
  },
})
