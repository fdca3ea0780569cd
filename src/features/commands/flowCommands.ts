/** Flow operations that touch more than one slice: adding a palette item, removing the selected action. */
import type { PlaygroundStore } from '../../store/index.ts'
import { selectDoc } from '../../store/selectors.ts'
import { loadedTemplates, newActionFor, type PaletteItem } from '../palette/paletteItems.ts'

/**
 * Inserts a palette item at `index` (the end by default), adds the mocks it needs, and selects it; the templates
 * it is made from load first if they are not here yet.
 */
export async function addPaletteItem(store: PlaygroundStore, item: PaletteItem, index?: number) {
  const templates = await loadedTemplates(selectDoc(store.getState()).trigger)
  const state = store.getState()
  const doc = selectDoc(state)
  const created = newActionFor(item, doc, templates)
  if (!created) return
  state.insertAction(index ?? doc.actions.length, created.action)
  if (created.mocks.length) state.setMocks([...selectDoc(store.getState()).mocks.http, ...created.mocks])
  store.setState({ selectedId: created.action.id, inspectorTab: 'code' })
}

export function removeAction(store: PlaygroundStore, id: string) {
  const state = store.getState()
  state.removeAction(id)
  if (state.selectedId === id) state.select(null)
}

/** Moves an action one place up (-1) or down (+1). */
export function nudgeAction(store: PlaygroundStore, id: string, by: -1 | 1) {
  const state = store.getState()
  const index = selectDoc(state).actions.findIndex((action) => action.id === id)
  if (index >= 0) state.moveAction(id, index + by)
}
