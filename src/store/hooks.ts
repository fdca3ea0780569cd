/** Small selector hooks: components read only what they show. */
import type { FlowAction } from '../engine/flowDocument.ts'
import { findAction } from './actionLookup.ts'
import { usePlayground } from './index.ts'
import { currentRun, isOutOfDate, runsHere } from './runSelectors.ts'

export const useActions = () => usePlayground((state) => state.doc.actions)
export const useFlowName = () => usePlayground((state) => state.doc.name)
export const useSelectedId = () => usePlayground((state) => state.selectedId)
export const useSelectedAction = (): FlowAction | undefined =>
  usePlayground((state) => findAction(state.doc.actions, state.selectedId))
export const useEventError = () => usePlayground((state) => state.eventError)
/** The current playground's latest result, and the document that ran. */
export const useResult = () => usePlayground((state) => currentRun(state)?.result ?? null)
export const useRunDoc = () => usePlayground((state) => currentRun(state)?.doc ?? null)
/** Whether the run in progress is the current playground's. */
export const useRunningHere = () => usePlayground(runsHere)
export const useOutOfDate = () => usePlayground(isOutOfDate)
