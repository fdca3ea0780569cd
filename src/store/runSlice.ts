/** The latest run: whether one is in progress, which action is running, and the result. */
import type { StateCreator } from 'zustand'
import type { RunResult } from '../engine/types.ts'
import type { PlaygroundState } from './index.ts'

export interface RunSlice {
  running: boolean
  runningActionId: string | null
  result: RunResult | null
  runStarted(): void
  runProgress(actionId: string | null): void
  runFinished(result: RunResult): void
}

export const createRunSlice: StateCreator<PlaygroundState, [], [], RunSlice> = (set) => ({
  running: false,
  runningActionId: null,
  result: null,
  runStarted: () => set({ running: true, runningActionId: null }),
  runProgress: (actionId) => set({ runningActionId: actionId }),
  runFinished: (result) => set({ running: false, runningActionId: null, result }),
})
