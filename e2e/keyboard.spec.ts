/**
 * The main loop with the keyboard alone: not one mouse event from the first key to the last step. Areas are
 * reached with F6 (as the shortcuts help says), controls with Tab, tabs with the arrow keys.
 */
import { expect, test, type Page } from '@playwright/test'
import { flowOrder, goToLineEnd } from './helpers.ts'

// Test ids only where nothing visible names the element: `code-editor` and `event-json-editor` are the hosts of
// Monaco's own DOM, `status-banner` carries the outcome as data-status (its sentence changes with the flow),
// `token-payload-id` is the decoded payload, a code block without a name, and `action-node-*` carry a node's
// run status and enabled flag as data attributes.

/** Where the focus is: the accessible label of its area, its own name, whether it shows an outline. */
const focused = (page: Page) => page.evaluate(() => {
  const element = document.activeElement as HTMLElement | null
  const style = element ? getComputedStyle(element) : null
  return {
    area: element?.closest('[data-region]')?.getAttribute('aria-label') ?? element?.closest('[data-region]')?.tagName.toLowerCase() ?? null,
    name: element?.getAttribute('aria-label') ?? element?.textContent?.trim().slice(0, 60) ?? '',
    inEditor: !!element?.closest('.monaco-editor'),
    inTabPanel: !!element?.closest('[role="tabpanel"]'),
    outlined: !!style && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
  }
})

async function pressUntil(page: Page, key: string, done: (focus: Awaited<ReturnType<typeof focused>>) => boolean, most = 40) {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press(key)
    const focus = await focused(page)
    if (done(focus)) return focus
  }
  throw new Error(`${key} never reached the element: focus is on ${JSON.stringify(await focused(page))}`)
}

test('add a template, reorder, disable, edit code, leave the editor, run, read a claim and step, from the keyboard alone', async ({ page }) => {
  await page.goto('/?example=roles-into-tokens')
  await expect(page.getByTestId('code-editor').locator('.monaco-editor')).toBeVisible({ timeout: 20_000 })
  await page.evaluate(() => {
    const counter = window as unknown as { pointerEvents: number }
    counter.pointerEvents = 0
    for (const type of ['pointerdown', 'mousedown', 'wheel']) addEventListener(type, () => { counter.pointerEvents++ }, true)
  })

  // Add a template: F6 to the palette, search it, Tab to its Add button, Enter.
  await pressUntil(page, 'F6', (focus) => focus.area === 'Action palette')
  await pressUntil(page, 'Tab', (focus) => focus.name === 'Search the palette')
  await page.keyboard.type('weekdays')
  const add = await pressUntil(page, 'Tab', (focus) => focus.name === 'Add Weekdays only')
  expect(add.outlined).toBe(true)
  await page.keyboard.press('Enter')
  await expect.poll(() => flowOrder(page)).toEqual(['Roles into tokens', 'Weekdays only'])

  // Reorder and disable the new, selected action.
  await page.keyboard.press('Alt+ArrowUp')
  await expect.poll(() => flowOrder(page)).toEqual(['Weekdays only', 'Roles into tokens'])
  await page.keyboard.press('ControlOrMeta+Shift+D')
  await expect(page.getByTestId('action-node-weekdays-only')).toHaveAttribute('data-enabled', 'false')

  // Select the other action on the canvas and edit its code.
  await pressUntil(page, 'F6', (focus) => focus.area === 'Login flow')
  const node = await pressUntil(page, 'Tab', (focus) => focus.name.startsWith('Roles into tokens'))
  expect(node.outlined).toBe(true)
  await page.keyboard.press('Enter')
  await expect(page.getByLabel('Action name')).toHaveValue('Roles into tokens')
  await page.keyboard.press('ControlOrMeta+E')
  await expect.poll(async () => (await focused(page)).inEditor).toBe(true)
  const code = await page.evaluate(() => window.__playgroundEditor!.getValue())
  const handlerLine = code.split('\n').findIndex((line) => line.startsWith('exports.onExecutePostLogin')) + 1
  await goToLineEnd(page, handlerLine)
  await page.keyboard.press('Enter')
  await page.keyboard.type("api.idToken.setCustomClaim('https://example.com/keyboard', 'yes');")

  // Leave the editor the way the UI says (F6), and run; the focus stays where it was.
  await expect(page.getByText('F6 leaves the editor')).toBeVisible()
  await page.keyboard.press('F6')
  const before = await focused(page)
  expect(before.inEditor).toBe(false)
  await page.keyboard.press('ControlOrMeta+Enter')
  await expect(page.getByTestId('status-banner')).toHaveAttribute('data-status', 'completed', { timeout: 25_000 })
  expect(await focused(page)).toEqual(before)
  await expect(page.getByRole('status').filter({ hasText: /Login/ })).toContainText('Login completed')

  // Read the claim: F6 to the results, the tabs with the arrow keys, Tab into the panel.
  await pressUntil(page, 'F6', (focus) => focus.area === 'Run results')
  await pressUntil(page, 'Tab', (focus) => focus.name === 'Summary')
  await pressUntil(page, 'ArrowRight', (focus) => focus.name === 'Tokens')
  await expect(page.getByRole('tab', { name: 'Tokens' })).toHaveAttribute('aria-selected', 'true')
  await pressUntil(page, 'Tab', (focus) => focus.inTabPanel)
  await expect(page.getByTestId('token-payload-id')).toContainText('https://example.com/keyboard')
  await expect(page.getByTestId('token-payload-id')).toBeInViewport()

  // Step through the timeline.
  await pressUntil(page, 'Shift+Tab', (focus) => focus.name === 'Tokens')
  await page.keyboard.press('ArrowLeft')
  await expect(page.getByRole('tab', { name: /Timeline/ })).toHaveAttribute('aria-selected', 'true')
  await pressUntil(page, 'Tab', (focus) => focus.name === 'Start stepping')
  await page.keyboard.press('Enter')
  await expect.poll(async () => (await focused(page)).name).toBe('Step ▶')
  const position = page.getByText(/^\d+ of \d+$/)
  const first = await position.textContent()
  await page.keyboard.press('Enter')
  await expect(position).not.toHaveText(first!)

  expect(await page.evaluate(() => (window as unknown as { pointerEvents: number }).pointerEvents)).toBe(0)
})

test('menus take the focus, move with the arrow keys, keep Tab inside and close on Escape back to their button', async ({ page }) => {
  await page.goto('/?example=roles-into-tokens')
  await expect(page.locator('[data-testid^="action-node-"]')).toHaveCount(1)
  const button = page.getByRole('button', { name: 'Menu' })
  await button.focus()
  await page.keyboard.press('Enter')
  const menu = page.getByRole('menu', { name: 'Menu' })
  await expect(menu).toBeVisible()
  // Undo and Redo are disabled in a fresh flow: the first item that can be used has the focus.
  await expect(menu.getByRole('menuitem', { name: /Keyboard shortcuts/ })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(menu.getByRole('menuitem', { name: 'New playground' })).toBeFocused()
  await page.keyboard.press('End')
  await expect(menu.getByRole('menuitem', { name: 'Export for the Auth0 Deploy CLI (.zip)' })).toBeFocused()
  await page.keyboard.press('Tab')
  expect(await page.evaluate(() => !!document.activeElement?.closest('[role="menu"]'))).toBe(true)
  await page.keyboard.press('Escape')
  await expect(menu).toHaveCount(0)
  await expect(button).toBeFocused()

  // An item that opens a dialog: the dialog gives the focus back to the menu's button.
  await page.keyboard.press('Enter')
  await menu.getByRole('menuitem', { name: 'Examples…' }).focus()
  await page.keyboard.press('Enter')
  const gallery = page.getByRole('dialog', { name: 'Explore Auth0 Actions flows' })
  await expect(gallery).toBeVisible()
  await expect(gallery.getByRole('button', { name: 'Open' }).first()).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(gallery).toHaveCount(0)
  await expect(button).toBeFocused()
})
