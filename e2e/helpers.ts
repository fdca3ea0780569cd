import { expect, type Page } from '@playwright/test'

/** The names of the flow's action nodes, top to bottom, as drawn on the canvas (the name's title holds it in full). */
export async function flowOrder(page: Page): Promise<string[]> {
  const nodes = page.locator('.react-flow__node-action')
  const count = await nodes.count()
  const rows: { y: number; name: string }[] = []
  for (let i = 0; i < count; i++) {
    const node = nodes.nth(i)
    const box = await node.boundingBox()
    rows.push({ y: box?.y ?? 0, name: (await node.locator('span[title]').first().getAttribute('title')) ?? '' })
  }
  return rows.sort((a, b) => a.y - b.y).map((row) => row.name)
}

/** Opens the designer with the starter example (three actions) as a new playground and waits for the canvas. */
export async function openDesigner(page: Page) {
  await page.goto('/?example=starter')
  await expect(page.locator('[data-testid^="action-node-"]')).toHaveCount(3)
  await expect(page.locator('.react-flow__node').first()).toHaveCSS('visibility', 'visible')
}

/** Clicks an action node by its name. */
export async function selectNode(page: Page, name: string) {
  await page.locator('[data-testid^="action-node-"]', { hasText: name }).click()
}

/** In a focused Monaco editor, goes to the end of line `line` with Go to Line (Ctrl/Cmd+G), as a person would. */
export async function goToLineEnd(page: Page, line: number) {
  await page.keyboard.press('ControlOrMeta+G')
  await page.keyboard.type(String(line))
  await page.keyboard.press('Enter')
  await page.keyboard.press('End')
}
