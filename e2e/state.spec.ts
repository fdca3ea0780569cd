import { expect, test, type Page } from '@playwright/test'
import { flowOrder, openDesigner, selectNode } from './helpers.ts'

const OUT_OF_DATE = 'Out of date: run again'

const runButton = (page: Page) => page.getByRole('button', { name: 'Run', exact: true })
const results = (page: Page) => page.getByRole('region', { name: 'Run results' })
const canvas = (page: Page) => page.getByRole('region', { name: 'Login flow' })
// The action nodes are named by nothing visible that sets them apart from the palette's entries of the same name.
const actionNodes = (page: Page) => page.locator('[data-testid^="action-node-"]')

/** Runs the flow and waits for it to end: while it runs, the button is "Running…". */
async function run(page: Page) {
  await runButton(page).click()
  await expect(runButton(page)).toBeEnabled({ timeout: 20_000 })
}

async function choosePlaygroundItem(page: Page, name: string | RegExp) {
  await page.getByRole('button', { name: /^Playgrounds/ }).click()
  await page.getByRole('menuitem', { name }).click()
}

/** Monaco draws its text in `.view-lines`: clicking it puts the caret in the editor. */
const eventJson = (page: Page) => page.getByRole('region', { name: 'Event JSON' }).locator('.view-lines')
const eventError = (page: Page) => page.getByRole('region', { name: 'Event JSON' }).getByRole('alert')
const codeEditor = (page: Page) => page.getByRole('region', { name: 'Inspector' }).locator('.monaco-editor .view-lines')
const addTemplate = (page: Page, name: string) => page.getByRole('region', { name: 'Templates' }).getByRole('button', { name: `Add ${name}` }).click()

test('the results are out of date after a change of code, order, enabled flag or event, until the next run', async ({ page }) => {
  await openDesigner(page)
  await run(page)
  await expect(results(page).getByText('Login denied')).toBeVisible()
  const marker = results(page).getByText(OUT_OF_DATE)
  const nodeMarkers = canvas(page).getByText(`(${OUT_OF_DATE})`)
  await expect(marker).toHaveCount(0)

  // Renaming the flow or an action changes nothing a run does.
  await page.getByRole('textbox', { name: 'Action name' }).fill('Record the login time')
  await page.getByRole('textbox', { name: 'Action name' }).press('Enter')
  await page.getByRole('textbox', { name: 'Flow name' }).fill('Renamed flow')
  await page.getByRole('textbox', { name: 'Flow name' }).press('Enter')
  await expect(canvas(page).getByText('Record the login time')).toBeVisible()
  await expect(marker).toHaveCount(0)

  // The code, typed in the editor.
  await expect(codeEditor(page)).toBeVisible({ timeout: 20_000 })
  await codeEditor(page).click()
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.type('// changed')
  await expect(marker).toBeVisible()
  await expect(nodeMarkers).toHaveCount(3)
  await run(page)
  await expect(marker).toHaveCount(0)
  await expect(nodeMarkers).toHaveCount(0)

  // The order.
  await selectNode(page, 'Roles into tokens')
  await page.keyboard.press('Alt+ArrowUp')
  await expect.poll(() => flowOrder(page)).toEqual(['Roles into tokens', 'Record the login time', 'Deny example.com on My SPA'])
  await expect(marker).toBeVisible()
  await run(page)
  await expect(marker).toHaveCount(0)

  // An enabled flag.
  await selectNode(page, 'Deny example.com on My SPA')
  await page.getByRole('checkbox', { name: 'Enabled' }).uncheck()
  await expect(marker).toBeVisible()
  await expect(nodeMarkers).toHaveCount(3)
  await run(page)
  await expect(results(page).getByText('Login completed')).toBeVisible()
  await expect(marker).toHaveCount(0)

  // The event.
  await page.getByRole('tab', { name: 'Event' }).click()
  await page.getByRole('button', { name: 'User from Europe' }).click()
  await expect(marker).toBeVisible()
  await run(page)
  await expect(marker).toHaveCount(0)
})

test('invalid event JSON is kept as typed across a reload and a playground switch', async ({ page }) => {
  await openDesigner(page)
  await page.getByRole('tab', { name: 'Event' }).click()
  await expect(eventJson(page)).toBeVisible({ timeout: 20_000 })
  await eventJson(page).click()
  await page.keyboard.press('ControlOrMeta+Home')
  await page.keyboard.type('oops')
  const invalid = async () => {
    await expect(eventError(page)).toContainText('Invalid JSON')
    await expect(eventJson(page)).toContainText('oops{')
    await expect(runButton(page)).toBeDisabled()
    await expect(runButton(page)).toHaveAttribute('title', /Fix the event first: Invalid JSON/)
  }
  await invalid()

  await page.reload()
  await page.getByRole('tab', { name: 'Event' }).click()
  await invalid()

  // Another playground has its own event; the typed text waits with its playground, also across a reload.
  await choosePlaygroundItem(page, 'New playground')
  await expect(page.getByRole('textbox', { name: 'Flow name' })).toHaveValue('My Login flow')
  await expect(eventJson(page)).toContainText('"tenant"')
  await expect(eventError(page)).toHaveCount(0)
  await expect(runButton(page)).toBeEnabled()
  await page.reload()
  await choosePlaygroundItem(page, 'A starter Login flow')
  await page.getByRole('tab', { name: 'Event' }).click()
  await invalid()
})

test('a run lands on the playground that started it, even when another one is shown', async ({ page }) => {
  await openDesigner(page)
  await selectNode(page, 'Record the login')
  await expect(codeEditor(page)).toBeVisible({ timeout: 20_000 })
  await codeEditor(page).click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.insertText('exports.onExecutePostLogin = async (event, api) => { await new Promise((r) => setTimeout(r, 4000)) };')
  await page.keyboard.press('Escape')
  await expect(codeEditor(page)).toContainText('setTimeout(r, 4000)')

  await runButton(page).click()
  await expect(page.getByRole('button', { name: 'Running…' })).toBeDisabled()
  await choosePlaygroundItem(page, 'New playground')
  await expect(page.getByRole('textbox', { name: 'Flow name' })).toHaveValue('My Login flow')
  // B cannot run while A does, and says why; it shows nothing of A's run.
  await expect(runButton(page)).toBeDisabled()
  await expect(runButton(page)).toHaveAttribute('title', /“A starter Login flow” is running/)
  await expect(results(page)).toHaveCount(0)
  await page.getByRole('textbox', { name: 'Flow name' }).fill('Playground B')
  await page.getByRole('textbox', { name: 'Flow name' }).press('Enter')
  await expect(runButton(page)).toBeEnabled({ timeout: 20_000 })
  await expect(results(page)).toHaveCount(0)

  await choosePlaygroundItem(page, 'A starter Login flow')
  await expect(results(page).getByText('Login denied')).toBeVisible()
  await expect(canvas(page).getByText('denied ·')).toBeVisible()
  await expect(results(page).getByText(OUT_OF_DATE)).toHaveCount(0)

  await choosePlaygroundItem(page, 'Playground B')
  await expect(results(page)).toHaveCount(0)
})

test.describe('a new playground', () => {
  test('is empty, with a hint where actions go, from either menu and after deleting the last one', async ({ page }) => {
    await openDesigner(page)
    const hint = canvas(page).getByText('Drag an action here or press + in the palette')
    await expect(hint).toHaveCount(0)
    const empty = async () => {
      await expect(page.getByRole('textbox', { name: 'Flow name' })).toHaveValue('My Login flow')
      await expect(actionNodes(page)).toHaveCount(0)
      await expect(canvas(page).getByText('User logged in')).toBeVisible()
      await expect(hint).toBeVisible()
    }
    await choosePlaygroundItem(page, 'New playground')
    await empty()

    await page.getByRole('button', { name: 'Menu' }).click()
    await page.getByRole('menuitem', { name: 'New playground' }).click()
    await empty()
    await page.getByRole('button', { name: /^Playgrounds/ }).click()
    // The browser's first playground, and the two new ones.
    await expect(page.getByRole('menuitem', { name: /My Login flow/ })).toHaveCount(3)
    await page.keyboard.press('Escape')

    for (const name of ['My Login flow', 'My Login flow', 'My Login flow', 'A starter Login flow']) {
      await page.getByRole('button', { name: /^Playgrounds/ }).click()
      await page.getByRole('button', { name: `Delete ${name}` }).first().click()
    }
    await expect(page.getByRole('button', { name: 'Playgrounds (1) ▾' })).toBeVisible()
    await empty()
    await addTemplate(page, 'Weekdays only')
    await expect(hint).toHaveCount(0)
  })

})

test.describe('a browser\'s very first visit', () => {
  test.use({ storageState: { cookies: [], origins: [] } })

  test('starts with an empty playground behind the examples', async ({ page }) => {
    await page.goto('/')
    await expect(page.getByRole('dialog', { name: 'Explore Auth0 Actions flows' })).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(canvas(page).getByText('Drag an action here or press + in the palette')).toBeVisible()
    await expect(actionNodes(page)).toHaveCount(0)
  })
})

test('the examples dialog takes the focus, keeps Tab inside, and closes on Escape and with its close button', async ({ page }) => {
  await openDesigner(page)
  const playgrounds = page.getByRole('button', { name: /^Playgrounds/ })
  const dialog = page.getByRole('dialog', { name: 'Explore Auth0 Actions flows' })
  await choosePlaygroundItem(page, 'Examples…')
  await expect(dialog).toBeVisible()
  await expect(dialog).toHaveAttribute('aria-modal', 'true')
  const open = dialog.getByRole('button', { name: 'Open' })
  await expect(open.first()).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(playgrounds).toBeFocused()

  await choosePlaygroundItem(page, 'Examples…')
  await expect(open.first()).toBeFocused()
  // Back past the first button (Close) wraps to the last one, and forward from there to the first again.
  const closeButton = dialog.getByRole('button', { name: 'Close', exact: true })
  await page.keyboard.press('Shift+Tab')
  await expect(dialog.getByRole('button', { name: 'Start with my own flow' })).toBeFocused()
  await page.keyboard.press('Shift+Tab')
  await expect(closeButton).toBeFocused()
  await page.keyboard.press('Shift+Tab')
  await expect(open.last()).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(closeButton).toBeFocused()
  await closeButton.click()
  await expect(dialog).toHaveCount(0)
  await expect(playgrounds).toBeFocused()

  // The starter flow is one click away there.
  await choosePlaygroundItem(page, 'Examples…')
  await dialog.getByRole('listitem').filter({ hasText: 'A starter Login flow' }).getByRole('button', { name: 'Open' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(actionNodes(page)).toHaveCount(3)
})

test('action names stay unique: the same template added twice, and a rename to a taken name', async ({ page }) => {
  await page.goto('/')
  await addTemplate(page, 'Weekdays only')
  await addTemplate(page, 'Weekdays only')
  await expect.poll(() => flowOrder(page)).toEqual(['Weekdays only', 'Weekdays only (2)'])
  const name = page.getByRole('textbox', { name: 'Action name' })
  await expect(name).toHaveValue('Weekdays only (2)')
  await name.fill('Office hours')
  await name.press('Enter')
  await expect.poll(() => flowOrder(page)).toEqual(['Weekdays only', 'Office hours'])
  await name.fill('Weekdays only')
  await name.press('Enter')
  await expect.poll(() => flowOrder(page)).toEqual(['Weekdays only', 'Weekdays only (2)'])
  await expect(name).toHaveValue('Weekdays only (2)')
})
