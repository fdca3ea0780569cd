import { expect, test } from '@playwright/test'
import { openDesigner } from './helpers.ts'

test('the designer paints its canvas before Monaco has loaded, without errors', async ({ page }) => {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()) })
  // Hold back every lazy chunk (Monaco lives there) until the canvas is checked: every script but the entry
  // and what index.html preloads with it, and the example flows, which `?example=` opens (they load on their own).
  const html = await (await page.request.get('/')).text()
  const initial = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((match) => match[1])
  expect(initial.some((path) => path.startsWith('assets/index-'))).toBe(true)
  const examples = /\/assets\/(catalog|templates)-[\w-]+\.js$/
  let release: () => void = () => {}
  const held = new Promise<void>((resolve) => { release = resolve })
  await page.route(/\/assets\/.*\.js$/, async (route) => {
    const url = route.request().url()
    if (!initial.some((path) => url.endsWith(path)) && !examples.test(url)) await held
    await route.continue()
  })
  await page.goto('/?example=starter')
  await expect(page).toHaveTitle('Actions Playground')
  const canvas = page.getByTestId('flow-canvas')
  await expect(canvas.locator('.react-flow__node[data-id="start"]')).toBeVisible()
  await expect(page.locator('[data-testid^="action-node-"]')).toHaveCount(3)
  await expect(canvas.getByText('User logged in')).toBeVisible()
  await expect(page.locator('.monaco-editor')).toHaveCount(0)
  release()
  await expect(page.getByTestId('code-editor').locator('.monaco-editor')).toBeVisible({ timeout: 20_000 })
  expect(errors).toEqual([])
})

test('at 1280x720 nothing overflows the window', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await openDesigner(page)
  await expect(page.getByTestId('code-editor').locator('.monaco-editor')).toBeVisible({ timeout: 20_000 })
  const overflow = await page.evaluate(() => ({ x: document.documentElement.scrollWidth - innerWidth, y: document.documentElement.scrollHeight - innerHeight }))
  expect(overflow).toEqual({ x: 0, y: 0 })
  for (const id of ['palette', 'flow-canvas', 'inspector', 'run']) {
    const box = await page.getByTestId(id).boundingBox()
    expect(box!.x + box!.width, id).toBeLessThanOrEqual(1280)
    expect(box!.y + box!.height, id).toBeLessThanOrEqual(720)
  }
})
