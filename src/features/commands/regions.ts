/**
 * The page's areas (header, palette, canvas, inspector, results), marked with `data-region`: F6 and
 * Shift+F6 move the focus from one to the next, out of an editor too, as in browsers and code editors.
 */
export const REGION_ATTRIBUTE = 'data-region'

/** Spread on an area's element: marked as a region, and focusable by script only. */
export const REGION = { [REGION_ATTRIBUTE]: '', tabIndex: -1 } as const

export function focusRegion(step: 1 | -1) {
  const regions = [...document.querySelectorAll<HTMLElement>(`[${REGION_ATTRIBUTE}]`)].filter((region) => region.getClientRects().length > 0)
  if (!regions.length) return
  const current = regions.findIndex((region) => region.contains(document.activeElement))
  const next = current < 0 ? (step > 0 ? 0 : regions.length - 1) : (current + step + regions.length) % regions.length
  regions[next].focus()
}
