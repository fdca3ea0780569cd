/**
 * What is derived from the store's state, computed from the facts stored once: the current playground and its
 * document, the event text and its error, the list of playgrounds, the state to save, the selected action.
 * The ones that build a new value keep their last answer, so a component reading them re-renders only when
 * the answer changes.
 */
import type { FlowAction, FlowDocument } from '../engine/flowDocument.ts'
import { findAction } from './actionLookup.ts'
import { formatEvent, readEvent } from './eventSlice.ts'
import type { PlaygroundState } from './index.ts'
import type { SavedState } from './persistence.ts'
import type { Playground, Playgrounds } from './playgroundsSlice.ts'

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

export interface PlaygroundListItem {
  id: string
  name: string
}

// Kept per list of ids (each store has its own): a new `order` comes only with a playground added, removed or moved.
const lists = new WeakMap<readonly string[], { playgrounds: Playgrounds; list: PlaygroundListItem[] }>()

/** The playgrounds in order with their names, as the switcher lists them: the same array until an id or a name changes. */
export const selectPlaygroundList = (state: State): PlaygroundListItem[] => {
  const { byId, order } = state.playgrounds
  const last = lists.get(order)
  if (last?.playgrounds === state.playgrounds) return last.list
  const same = !!last && order.every((id, index) => last.list[index].name === byId[id].doc.name)
  const list = same ? last.list : order.map((id) => ({ id, name: byId[id].doc.name }))
  lists.set(order, { playgrounds: state.playgrounds, list })
  return list
}

export const selectPlaygroundCount = (state: State): number => state.playgrounds.order.length

/** What is saved in this browser (persistence.ts): every playground, named after its document. */
export const selectSavedState = (state: State & Pick<PlaygroundState, 'rememberSecrets'>): SavedState => {
  const { byId, order, currentId } = state.playgrounds
  return {
    currentId,
    rememberSecrets: state.rememberSecrets,
    playgrounds: order.map((id) => {
      const { updatedAt, doc, eventDraft } = byId[id]
      return { id, name: doc.name, updatedAt, doc, ...(eventDraft === undefined ? {} : { eventDraft }) }
    }),
  }
}
