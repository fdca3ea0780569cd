/** Changing the current playground in place: the one copy of its document is in `playgrounds.byId`. */
import type { FlowDocument } from '../engine/flowDocument.ts'
import type { PlaygroundState } from './index.ts'
import type { Playground } from './playgroundsSlice.ts'

/** The state change that replaces the current playground with `next(current)`; none when it returns it unchanged. */
export function updateCurrent(state: Pick<PlaygroundState, 'playgrounds'>, next: (current: Playground) => Playground): Partial<PlaygroundState> {
  const { playgrounds } = state
  const current = playgrounds.byId[playgrounds.currentId]
  const updated = next(current)
  if (updated === current) return {}
  if (updated.eventDraft === undefined && 'eventDraft' in updated) delete (updated as { eventDraft?: string }).eventDraft
  return { playgrounds: { ...playgrounds, byId: { ...playgrounds.byId, [playgrounds.currentId]: updated } } }
}

/** The state change that replaces the current document with `next(doc)`. */
export function updateDoc(state: Pick<PlaygroundState, 'playgrounds'>, next: (doc: FlowDocument) => FlowDocument): Partial<PlaygroundState> {
  return updateCurrent(state, (current) => {
    const doc = next(current.doc)
    return doc === current.doc ? current : { ...current, doc }
  })
}
