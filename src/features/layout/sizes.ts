/** The designer's default panel sizes, in pixels unless a string says otherwise. */

export const PALETTE_WIDTH = 200
export const CANVAS_MIN_WIDTH = 176
export const INSPECTOR_MIN_WIDTH = 320
const SEPARATORS_WIDTH = 2 * 4

/**
 * What the code editor needs so that the longest line of a template fits without scrolling: 105 columns of
 * 13 px monospace (7.83 px each: the line and one column after it), the gutter (49 px) and the scrollbar (10 px).
 */
export const CODE_WIDTH = 888

// A share of the window: enough at 1280×720 for the Continue button and the first custom claim of a token.
export const RESULTS_HEIGHT = '55%'

/** The inspector's default width: what the code needs, but not so much that the palette would have to collapse. */
export function inspectorWidth(windowWidth: number): number {
  return Math.max(INSPECTOR_MIN_WIDTH, Math.min(CODE_WIDTH, windowWidth - PALETTE_WIDTH - CANVAS_MIN_WIDTH - SEPARATORS_WIDTH))
}
