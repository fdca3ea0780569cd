/**
 * The list of playgrounds, as the switcher's menu shows it: with that menu, it loads on first use, not with the
 * page's first JavaScript.
 */
import { useStore } from './context.tsx'
import type { PlaygroundState } from './index.ts'
import type { Playgrounds } from './playgroundsSlice.ts'

export interface PlaygroundListItem {
  id: string
  name: string
}

// Kept per list of ids (each store has its own): a new `order` comes only with a playground added, removed or moved.
const lists = new WeakMap<readonly string[], { playgrounds: Playgrounds; list: PlaygroundListItem[] }>()

/** The playgrounds in order with their names, as the switcher lists them: the same array until an id or a name changes. */
export const selectPlaygroundList = (state: Pick<PlaygroundState, 'playgrounds'>): PlaygroundListItem[] => {
  const { byId, order } = state.playgrounds
  const last = lists.get(order)
  if (last?.playgrounds === state.playgrounds) return last.list
  const same = !!last && order.every((id, index) => last.list[index].name === byId[id].doc.name)
  const list = same ? last.list : order.map((id) => ({ id, name: byId[id].doc.name }))
  lists.set(order, { playgrounds: state.playgrounds, list })
  return list
}

export const usePlaygroundList = () => useStore(selectPlaygroundList)
