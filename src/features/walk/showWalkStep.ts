import type { PlaygroundStore } from '../../store/index.ts'
import type { WalkItem } from '../../engine/walk.ts'

/** Shows a step of the walk: its action marked on the canvas, its line in the editor. */
export function showWalkStep(store: PlaygroundStore, walk: readonly WalkItem[], index: number): void {
  const item = walk[index]
  if (!item) return
  const actionId = (item.kind === 'line' ? item.step.actionId : item.entry.actionId) ?? null
  const state = store.getState()
  state.setWalk({ index, actionId })
  if (actionId !== null) state.reveal(actionId, item.kind === 'line' ? item.step.line : null)
}
