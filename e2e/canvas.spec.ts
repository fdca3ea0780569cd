import { expect, test } from '@playwright/test'
import { flowOrder, openDesigner, selectNode } from './helpers.ts'

test.beforeEach(async ({ page }) => openDesigner(page))

test('a template dragged from the palette lands between the two actions it is dropped between', async ({ page }) => {
  expect(await flowOrder(page)).toEqual(['Record the login', 'Roles into tokens', 'Deny example.com on My SPA'])
  const canvas = page.getByTestId('flow-canvas')
  const first = await page.getByTestId('action-node-record-the-login').boundingBox()
  const second = await page.getByTestId('action-node-roles-into-tokens').boundingBox()
  const canvasBox = await canvas.boundingBox()
  const target = { x: first!.x + first!.width / 2 - canvasBox!.x, y: (first!.y + first!.height + second!.y) / 2 - canvasBox!.y }
  await page.getByTestId('palette-template-weekdays-only').dragTo(canvas, { targetPosition: target })
  await expect(page.locator('[data-testid^="action-node-"]')).toHaveCount(4)
  expect(await flowOrder(page)).toEqual(['Record the login', 'Weekdays only', 'Roles into tokens', 'Deny example.com on My SPA'])
  await expect(page.getByTestId('action-name')).toHaveValue('Weekdays only')
})

test('the insertion marker shows where a palette item would land', async ({ page }) => {
  const canvas = page.getByTestId('flow-canvas')
  const dataTransfer = await page.evaluateHandle(() => new DataTransfer())
  await page.getByTestId('palette-blank').dispatchEvent('dragstart', { dataTransfer })
  const last = await page.getByTestId('action-node-deny-example-com-on-my-spa').boundingBox()
  await canvas.dispatchEvent('dragover', { dataTransfer, clientX: last!.x + 20, clientY: last!.y + last!.height + 30 })
  const marker = page.getByTestId('insertion-marker')
  await expect(marker).toBeVisible()
  // Measured again with the marker: the canvas may have moved since (a card loading above it refits the flow).
  const markerBox = await marker.boundingBox()
  const lastNow = await page.getByTestId('action-node-deny-example-com-on-my-spa').boundingBox()
  expect(markerBox!.y).toBeGreaterThan(lastNow!.y + lastNow!.height - 5)
  await canvas.dispatchEvent('drop', { dataTransfer, clientX: last!.x + 20, clientY: last!.y + last!.height + 30 })
  await expect(marker).toHaveCount(0)
  expect(await flowOrder(page)).toEqual(['Record the login', 'Roles into tokens', 'Deny example.com on My SPA', 'New action'])
})

test('actions reorder by dragging a node and by keyboard', async ({ page }) => {
  const last = page.getByTestId('action-node-deny-example-com-on-my-spa')
  const first = await page.getByTestId('action-node-record-the-login').boundingBox()
  const box = await last.boundingBox()
  await page.mouse.move(box!.x + 40, box!.y + box!.height / 2)
  await page.mouse.down()
  await page.mouse.move(box!.x + 40, first!.y - 10, { steps: 12 })
  await expect(page.getByTestId('insertion-marker')).toBeVisible()
  await page.mouse.up()
  await expect.poll(() => flowOrder(page)).toEqual(['Deny example.com on My SPA', 'Record the login', 'Roles into tokens'])

  await selectNode(page, 'Record the login')
  await page.keyboard.press('Alt+ArrowDown')
  await expect.poll(() => flowOrder(page)).toEqual(['Deny example.com on My SPA', 'Roles into tokens', 'Record the login'])
  await page.getByRole('button', { name: 'Move up' }).first().click()
  await expect.poll(() => flowOrder(page)).toEqual(['Deny example.com on My SPA', 'Record the login', 'Roles into tokens'])
})

test('a removed action comes back with undo, in its place', async ({ page }) => {
  await selectNode(page, 'Roles into tokens')
  await page.keyboard.press('Delete')
  await expect.poll(() => flowOrder(page)).toEqual(['Record the login', 'Deny example.com on My SPA'])
  await page.keyboard.press('ControlOrMeta+z')
  await expect.poll(() => flowOrder(page)).toEqual(['Record the login', 'Roles into tokens', 'Deny example.com on My SPA'])
  await page.keyboard.press('ControlOrMeta+Shift+z')
  await expect.poll(() => flowOrder(page)).toEqual(['Record the login', 'Deny example.com on My SPA'])
})

test('the node buttons duplicate, disable and rename through the inspector, with undo', async ({ page }) => {
  await selectNode(page, 'Roles into tokens')
  await page.getByRole('button', { name: 'Duplicate' }).first().click()
  await expect.poll(() => flowOrder(page)).toEqual(['Record the login', 'Roles into tokens', 'Roles into tokens (2)', 'Deny example.com on My SPA'])
  await page.getByRole('button', { name: 'Disable' }).click()
  await expect(page.getByTestId('action-node-roles-into-tokens')).toHaveAttribute('data-enabled', 'false')
  const name = page.getByTestId('action-name')
  await name.fill('Roles as claims')
  await name.press('Enter')
  await expect(page.getByTestId('action-node-roles-into-tokens')).toContainText('Roles as claims')
  await page.getByTestId('flow-canvas').click({ position: { x: 10, y: 10 } })
  await page.keyboard.press('ControlOrMeta+z')
  await expect(page.getByTestId('action-node-roles-into-tokens')).toContainText('Roles into tokens')
})

test('the palette search filters the templates', async ({ page }) => {
  await page.getByLabel('Search the palette').fill('redirect')
  await expect(page.getByTestId('palette-template-favorite-color-redirect')).toBeVisible()
  await expect(page.getByTestId('palette-template-weekdays-only')).toHaveCount(0)
  await page.getByLabel('Search the palette').fill('zzzz')
  await expect(page.getByText('Nothing matches')).toBeVisible()
})

test('the menu switches the theme and shows the shortcuts; clicking a node opens its code', async ({ page }) => {
  await page.getByRole('button', { name: 'Menu' }).click()
  await page.getByRole('menu').getByLabel('Theme').selectOption('dark')
  await expect(page.locator('html')).toHaveClass(/dark/)
  await page.getByRole('menuitem', { name: 'Keyboard shortcuts' }).click()
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Ctrl+Enter')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0)
  await page.getByTestId('tab-event').click()
  await selectNode(page, 'Roles into tokens')
  await expect(page.getByTestId('tab-code')).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByTestId('action-name')).toHaveValue('Roles into tokens')
})
