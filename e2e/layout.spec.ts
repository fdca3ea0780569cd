import { expect, test, type Locator, type Page } from '@playwright/test'
import { TEMPLATES } from '../src/examples/templates.ts'
import { openDesigner } from './helpers.ts'

// Test ids only where nothing visible names the element: `code-editor` and `event-json-editor` are the hosts of
// Monaco's own DOM, `status-banner` carries the outcome as data-status (its sentence changes with the flow),
// `token-payload-id` is the decoded payload, a code block without a name, and `action-node-*` carry a node's
// run status and enabled flag as data attributes.

test.use({ viewport: { width: 1280, height: 720 } })

const palette = (page: Page) => page.getByRole('region', { name: 'Action palette' })
const inspector = (page: Page) => page.getByRole('region', { name: 'Inspector' })
const results = (page: Page) => page.getByRole('region', { name: 'Run results' })

async function box(locator: Locator) {
  const found = await locator.boundingBox()
  expect(found).not.toBeNull()
  return found!
}

/** The box lies wholly inside the window, and nothing clips it: the user sees it without scrolling. */
async function expectInView(page: Page, locator: Locator) {
  await expect(locator).toBeInViewport({ ratio: 1 })
  const { x, y, width, height } = await box(locator)
  const viewport = page.viewportSize()!
  expect(x).toBeGreaterThanOrEqual(0)
  expect(y).toBeGreaterThanOrEqual(0)
  expect(x + width).toBeLessThanOrEqual(viewport.width)
  expect(y + height).toBeLessThanOrEqual(viewport.height)
}

/** Runs the flow and waits for the headline of its outcome. */
async function run(page: Page, headline: RegExp) {
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(results(page).getByText(headline)).toBeVisible({ timeout: 15_000 })
}

const COMPLETED = /^Login completed/
const SUSPENDED = /^Suspended:/

test.describe('panels', () => {
  test.beforeEach(async ({ page }) => openDesigner(page))

  test('the palette resizes by keyboard and keeps its width after a reload', async ({ page }) => {
    const before = (await box(palette(page))).width
    const separator = page.getByRole('separator', { name: 'Resize the palette' })
    await separator.focus()
    for (let i = 0; i < 3; i++) await separator.press('ArrowRight')
    const wider = (await box(palette(page))).width
    expect(wider).toBeGreaterThan(before + 100)
    await separator.press('ArrowLeft')
    const after = (await box(palette(page))).width
    expect(after).toBeLessThan(wider)
    expect(after).toBeGreaterThan(before)
    await page.reload()
    await expect(palette(page)).toBeVisible()
    expect((await box(palette(page))).width).toBeCloseTo(after, 0)
  })

  test('the inspector resizes by mouse and keeps its width after a reload', async ({ page }) => {
    const before = (await box(inspector(page))).width
    const handle = await box(page.getByRole('separator', { name: 'Resize the inspector' }))
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2)
    await page.mouse.down()
    await page.mouse.move(handle.x + handle.width / 2 + 120, handle.y + handle.height / 2, { steps: 8 })
    await page.mouse.up()
    const after = (await box(inspector(page))).width
    expect(after).toBeCloseTo(before - 120, -1)
    await page.reload()
    await expect(inspector(page)).toBeVisible()
    expect((await box(inspector(page))).width).toBeCloseTo(after, 0)
  })

  test('the separators have a visible focus ring', async ({ page }) => {
    for (const name of ['Resize the palette', 'Resize the inspector']) {
      const separator = page.getByRole('separator', { name })
      const unfocused = await separator.evaluate((element) => getComputedStyle(element).boxShadow)
      await separator.focus()
      // Tailwind's ring is a box-shadow.
      await expect(separator).not.toHaveCSS('box-shadow', unfocused)
      await expect(separator).toHaveCSS('box-shadow', /0px 0px 0px 2px/)
    }
  })

  test('the palette and the inspector collapse and open again, by mouse and by keyboard, and stay collapsed after a reload', async ({ page }) => {
    const paletteWidth = (await box(palette(page))).width
    await page.getByRole('button', { name: 'Hide the palette' }).click()
    await expect(palette(page)).toBeHidden()
    await page.reload()
    await expect(page.getByRole('button', { name: 'Show the palette' })).toBeVisible()
    await expect(palette(page)).toBeHidden()
    await page.getByRole('button', { name: 'Show the palette' }).click()
    await expect(palette(page)).toBeVisible()
    expect((await box(palette(page))).width).toBeCloseTo(paletteWidth, 0)

    // The keyboard: the inspector's button, and Enter on the palette's separator.
    await page.getByRole('button', { name: 'Hide the inspector' }).focus()
    await page.keyboard.press('Enter')
    await expect(inspector(page)).toBeHidden()
    await page.getByRole('button', { name: 'Show the inspector' }).focus()
    await page.keyboard.press('Enter')
    await expect(inspector(page)).toBeVisible()
    const separator = page.getByRole('separator', { name: 'Resize the palette' })
    await separator.focus()
    await separator.press('Enter')
    await expect(palette(page)).toBeHidden()
    await separator.press('Enter')
    await expect(palette(page)).toBeVisible()
  })
})

test('the results resize by mouse, collapse and open again, and keep their height for the next run after a reload', async ({ page }) => {
  await page.goto('/?example=roles-into-tokens')
  await run(page, COMPLETED)
  const before = (await box(results(page))).height
  const handle = await box(page.getByRole('separator', { name: 'Resize the results' }))
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2)
  await page.mouse.down()
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2 + 80, { steps: 8 })
  await page.mouse.up()
  const after = (await box(results(page))).height
  expect(after).toBeCloseTo(before - 80, -1)

  await page.getByRole('button', { name: 'Hide the results' }).click()
  await expect(results(page)).toBeHidden()
  await page.getByRole('button', { name: 'Show the results' }).click()
  await expect(results(page)).toBeVisible()
  expect((await box(results(page))).height).toBeCloseTo(after, 0)

  await page.reload()
  await run(page, COMPLETED)
  expect((await box(results(page))).height).toBeCloseTo(after, 0)
})

test('at 1280×720 the Continue button of a suspended redirect is in view without scrolling', async ({ page }) => {
  await page.goto('/?example=favorite-color-redirect')
  await run(page, SUSPENDED)
  await expectInView(page, page.getByRole('button', { name: 'Continue', exact: true }))
})

test('at 1280×720 the first custom claim of a completed run is in view without scrolling', async ({ page }) => {
  await page.goto('/?example=roles-into-tokens')
  await run(page, COMPLETED)
  await page.getByRole('tab', { name: 'Tokens' }).click()
  const idToken = page.getByRole('region', { name: 'ID token' })
  await expectInView(page, idToken.getByText('"https://my-app.example.com/roles"'))
})

test('at 1280×720 the longest line of every template fits in the code editor, with word wrap off', async ({ page }) => {
  await openDesigner(page)
  await expect(page.getByRole('checkbox', { name: 'Word wrap' })).not.toBeChecked()
  const templates = page.getByRole('region', { name: 'Templates' })
  for (const template of TEMPLATES) {
    await templates.getByRole('button', { name: `Add ${template.name}`, exact: true }).click()
    await expect.poll(() => page.evaluate(() => window.__playgroundEditor?.getValue())).toBe(template.code)
    // Monaco measures the lines it has drawn: show the end of the code too.
    await page.getByTestId('code-editor').click()
    await page.keyboard.press('ControlOrMeta+End')
    const { scrollWidth, contentWidth } = await page.evaluate(() => window.__playgroundEditor!.getWidths())
    expect(scrollWidth, template.slug).toBeLessThanOrEqual(contentWidth)
  }
})

test('the word-wrap toggle wraps long lines in the code editor and is remembered', async ({ page }) => {
  await openDesigner(page)
  await expect(page.getByTestId('code-editor').locator('.monaco-editor')).toBeVisible({ timeout: 20_000 })
  // A narrower inspector, where the template's longest line no longer fits.
  const separator = page.getByRole('separator', { name: 'Resize the inspector' })
  await separator.focus()
  for (let i = 0; i < 4; i++) await separator.press('ArrowRight')
  const widths = () => page.evaluate(() => window.__playgroundEditor!.getWidths())
  await expect.poll(async () => { const { scrollWidth, contentWidth } = await widths(); return scrollWidth > contentWidth }).toBe(true)

  const toggle = page.getByRole('checkbox', { name: 'Word wrap' })
  await toggle.check()
  await expect.poll(async () => { const { scrollWidth, contentWidth } = await widths(); return scrollWidth <= contentWidth }).toBe(true)
  await page.reload()
  await expect(page.getByTestId('code-editor').locator('.monaco-editor')).toBeVisible({ timeout: 20_000 })
  await expect(page.getByRole('checkbox', { name: 'Word wrap' })).toBeChecked()
  await page.getByRole('checkbox', { name: 'Word wrap' }).uncheck()
  await expect.poll(async () => { const { scrollWidth, contentWidth } = await widths(); return scrollWidth > contentWidth }).toBe(true)
})

test('a long action name is readable in full: two lines on its node, the whole name as its title and accessible name', async ({ page }) => {
  await openDesigner(page)
  const name = 'Record the login and the application it came from, for audit'
  expect(name.length).toBeGreaterThanOrEqual(60)
  await page.getByRole('group', { name: 'Record the login' }).click()
  await page.getByLabel('Action name').fill(name)
  await page.getByLabel('Action name').press('Enter')
  const node = page.getByRole('group', { name })
  await expect(node).toBeVisible()
  const shown = node.getByTitle(name)
  await expect(shown).toHaveText(name)
  const lines = await shown.evaluate((element) => element.clientHeight / parseFloat(getComputedStyle(element).lineHeight))
  expect(lines).toBe(2)
})
