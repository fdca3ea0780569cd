/**
 * The Login flow drawn as a vertical pipeline: Start, the actions in order, Complete. Positions come from
 * the order and are never stored; a y position maps back to the slot an action would be inserted at.
 */
export const NODE_WIDTH = 220
export const ROW_GAP = 96

/** y of the row: 0 is Start, 1..n the actions, n + 1 Complete. */
export function rowY(row: number): number {
  return row * ROW_GAP
}

/** The insertion slot (0..count) nearest to a y position: slot i goes before action i. */
export function slotAt(y: number, count: number): number {
  return Math.max(0, Math.min(count, Math.round(y / ROW_GAP - 0.5)))
}

/** The y of the middle of the gap where slot i is drawn, below the node above it (`aboveHeight` tall: names wrap). */
export function slotY(slot: number, aboveHeight = 0): number {
  return (rowY(slot) + aboveHeight + rowY(slot + 1)) / 2
}

/** The index a dragged action lands at when dropped with its top at y. */
export function indexAt(y: number, count: number): number {
  return Math.max(0, Math.min(count - 1, Math.round(y / ROW_GAP) - 1))
}
