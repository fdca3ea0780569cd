/** Flow operations that touch more than one slice: adding a palette item, removing the selected action. */
import { usePlayground } from '../../store/index.ts'
import { loadedTemplates, newActionFor, type PaletteItem } from '../palette/paletteItems.ts'

/**
 * Inserts a palette item at `index` (the end by default), adds the mocks it needs, and selects it; the templates
 * it is made from load first if they are not here yet.
 */
export async function addPaletteItem(item: PaletteItem, index?: number) {
  const templates = await loadedTemplates(usePlayground.getState().doc.trigger)
  const state = usePlayground.getState()
  const created = newActionFor(item, state.doc, templates)
  if (!created) return
  state.insertAction(index ?? state.doc.actions.length, created.action)
  if (created.mocks.length) state.setMocks([...state.doc.mocks.http, ...created.mocks])
  usePlayground.setState({ selectedId: created.action.id, inspectorTab: 'code' })
}

export function removeAction(id: string) {
  const state = usePlayground.getState()
  state.removeAction(id)
  if (state.selectedId === id) state.select(null)
}

/** Moves an action one place up (-1) or down (+1). */
export function nudgeAction(id: string, by: -1 | 1) {
  const state = usePlayground.getState()
  const index = state.doc.actions.findIndex((action) => action.id === id)
  if (index >= 0) state.moveAction(id, index + by)
}
