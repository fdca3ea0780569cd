import { describe, expect, it } from 'vitest'
import { CODE_WIDTH, INSPECTOR_MIN_WIDTH, inspectorWidth } from './sizes.ts'

describe('default panel sizes', () => {
  it('gives the inspector what the code needs from 1280 px on', () => {
    expect(inspectorWidth(1280)).toBe(CODE_WIDTH)
    expect(inspectorWidth(2560)).toBe(CODE_WIDTH)
  })

  it('leaves the palette and the canvas their room in a narrower window', () => {
    expect(inspectorWidth(1024)).toBe(1024 - 200 - 176 - 8)
    expect(inspectorWidth(600)).toBe(INSPECTOR_MIN_WIDTH)
  })
})
