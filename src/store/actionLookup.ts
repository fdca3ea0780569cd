/**
 * Finding an action by id in constant time. Every node, toolbar button and header looks its action up each
 * time the store changes (a run reports each action): with 1,000 actions, a search of the list each time
 * would be a million steps per change. The index is made once per list of actions.
 */
import type { FlowAction } from '../engine/flowDocument.ts'

const indexes = new WeakMap<readonly { id: string }[], Map<string, number>>()

/** The index of the item with that id, or -1. */
export function indexById(items: readonly { id: string }[], id: string | null | undefined): number {
  let index = indexes.get(items)
  if (!index) {
    index = new Map(items.map((item, position) => [item.id, position]))
    indexes.set(items, index)
  }
  return id == null ? -1 : index.get(id) ?? -1
}

export function findAction(actions: readonly FlowAction[], id: string | null | undefined): FlowAction | undefined {
  return actions[indexById(actions, id)]
}
