/**
 * Runs and what they show: the run in progress, the latest result (with the document it ran, for
 * continuing and for the metadata diff), the timeline entry being stepped through, and where the
 * editor should point.
 */
import type { StateCreator } from 'zustand'
import { DEFAULT_TIME_LIMIT_MS } from '../engine/limits.ts'
import type { FlowDocument } from '../engine/flowDocument.ts'
import type { RunResult } from '../engine/types.ts'
import type { PlaygroundState } from './index.ts'

/** A request to show an action's line in the editor; `seq` makes a repeated request for the same line count. */
export interface CodeFocus {
  actionId: string
  line: number | null
  seq: number
}

export interface RunSlice {
  running: boolean
  runningActionId: string | null
  result: RunResult | null
  /** The document the result came from. */
  runDoc: FlowDocument | null
  /** The action that ran alone ("Run this action only"), or null for a run of the whole flow. */
  runOnly: string | null
  timeLimitMs: number
  /** Index in the result's timeline while stepping through it; null when not stepping. */
  step: number | null
  focus: CodeFocus | null
  runStarted(doc: FlowDocument, only?: string | null): void
  runProgress(actionId: string | null): void
  runFinished(result: RunResult): void
  setTimeLimit(ms: number): void
  setStep(step: number | null): void
  /** Selects the action, opens its code and scrolls to the line. */
  reveal(actionId: string, line: number | null): void
}

export const createRunSlice: StateCreator<PlaygroundState, [], [], RunSlice> = (set, get) => ({
  running: false,
  runningActionId: null,
  result: null,
  runDoc: null,
  runOnly: null,
  timeLimitMs: DEFAULT_TIME_LIMIT_MS,
  step: null,
  focus: null,
  runStarted: (doc, only = null) => set({ running: true, runningActionId: null, runDoc: doc, runOnly: only, step: null }),
  runProgress: (actionId) => set({ runningActionId: actionId }),
  runFinished: (result) => set({ running: false, runningActionId: null, result }),
  setTimeLimit: (ms) => set({ timeLimitMs: ms }),
  setStep: (step) => set({ step }),
  reveal: (actionId, line) => {
    if (!get().doc.actions.some((action) => action.id === actionId)) return
    set({ selectedId: actionId, inspectorTab: 'code', focus: { actionId, line, seq: (get().focus?.seq ?? 0) + 1 } })
  },
})
