import { describe, expect, it } from 'vitest'
import { indexAt, rowY, slotAt, slotY } from './layout.ts'

describe('pipeline layout', () => {
  it('maps a y position to the nearest insertion slot', () => {
    expect(slotAt(rowY(0), 3)).toBe(0)
    expect(slotAt(slotY(1), 3)).toBe(1)
    expect(slotAt(rowY(2) + 5, 3)).toBe(2)
    expect(slotAt(-500, 3)).toBe(0)
    expect(slotAt(5000, 3)).toBe(3)
  })

  it('draws a slot in the middle of the gap below the node above it, however tall that node is', () => {
    expect(slotY(1)).toBe((rowY(1) + rowY(2)) / 2)
    expect(slotY(1, 40)).toBe((rowY(1) + 40 + rowY(2)) / 2)
  })

  it('maps a dragged action to the row it is dropped on', () => {
    expect(indexAt(rowY(1), 3)).toBe(0)
    expect(indexAt(rowY(3) + 10, 3)).toBe(2)
    expect(indexAt(rowY(9), 3)).toBe(2)
    expect(indexAt(rowY(0), 3)).toBe(0)
  })
})
