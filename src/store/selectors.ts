/**
 * What is derived from the store's state, computed from the facts stored once: the current playground and its
 * document, the event text and its error, the number of playgrounds, the selected action.
 * The ones that build a new value keep their last answer, so a component reading them re-renders only when
 * the answer changes.
 */
import type { FlowAction, FlowDocument } from '../engine/flowDocument.ts'
import { findAction } from './actionLookup.ts'
import { formatEvent, readEvent } from './eventSlice.ts'
import type { PlaygroundState } from './index.ts'
import type { Playground } from './playgroundsSlice.ts'

type State = Pick<PlaygroundState, 'playgrounds'>

export const selectCurrentId = (state: State): string => state.playgrounds.currentId
export const selectCurrent = (state: State): Playground => state.playgrounds.byId[state.playgrounds.currentId]
/** The document being designed: the current playground's. */
export const selectDoc = (state: State): FlowDocument => selectCurrent(state).doc
export const selectActions = (state: State): FlowAction[] => selectDoc(state).actions
export const selectFlowName = (state: State): string => selectDoc(state).name
export const selectSelectedAction = (state: State & Pick<PlaygroundState, 'selectedId'>): FlowAction | undefined =>
  findAction(selectActions(state), state.selectedId)

/** The event as typed: the draft when there is one, else the document's event as formatted. */
export const selectEventText = (state: State): string => {
  const current = selectCurrent(state)
  return current.eventDraft ?? formatEvent(current.doc.event)
}

let lastDraft: { draft: string; error: string | null } | null = null

/** Why the event text is not a usable event; null when it is. A draft is parsed once, however often this is asked. */
export const selectEventError = (state: State): string | null => {
  const draft = selectCurrent(state).eventDraft
  if (draft === undefined) return null
  if (lastDraft?.draft !== draft) lastDraft = { draft, error: readEvent(draft).error }
  return lastDraft.error
}

export const selectPlaygroundCount = (state: State): number => state.playgrounds.order.length
