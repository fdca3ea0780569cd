import { expect, test, type Page } from '@playwright/test'

/** The favorite-color example's secret (src/examples/templates.ts), passed to encodeToken and validateToken. */
const SECRET = 'a-shared-secret-for-the-color-site'
const MASKED = '•••• (MY_SHARED_SECRET)'

const fontSize = (page: Page, selector: string) => page.locator(selector).first().evaluate((element) => parseFloat(getComputedStyle(element).fontSize))

/** Nowhere in the page: its text, its attributes and its fields' values. */
async function expectSecretNowhere(page: Page) {
  expect(await page.content()).not.toContain(SECRET)
  const values = await page.locator('input, textarea').evaluateAll((fields) => fields.map((field) => (field as HTMLInputElement).value))
  expect(values.filter((value) => value.includes(SECRET))).toEqual([])
}

test('secrets are masked in the results until revealed; presenter mode enlarges the type and hides them everywhere', async ({ page }) => {
  await page.goto('/?example=favorite-color-redirect')
  await page.getByTestId('action-node-ask-for-a-favorite-color').click()
  const code = page.getByTestId('code-editor').locator('.view-lines')
  await expect(code).toBeVisible({ timeout: 20_000 })
  const codeTextSize = await fontSize(page, '[data-testid="code-editor"] .view-lines')
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(page.getByTestId('status-banner')).toHaveAttribute('data-status', 'suspended', { timeout: 15_000 })

  await page.getByRole('tab', { name: /Timeline/ }).click()
  const encodeToken = page.getByTestId('timeline-row').filter({ hasText: 'api.redirect.encodeToken' })
  await expect(encodeToken).toContainText(MASKED)
  await expect(encodeToken).not.toContainText(SECRET)
  const reveal = page.getByRole('button', { name: 'Reveal secrets' })
  await expect(reveal).toHaveAttribute('aria-pressed', 'false')
  const rowTextSize = await fontSize(page, '[data-testid="timeline-row"]')

  await reveal.click()
  await expect(reveal).toHaveAttribute('aria-pressed', 'true')
  await expect(encodeToken).toContainText(SECRET)

  // The command's key (the focus is on the toggle, not in a field).
  await page.keyboard.press('Shift+P')
  await expect(page.getByRole('button', { name: 'Presenter' })).toHaveAttribute('aria-pressed', 'true')
  await expect(reveal).toHaveCount(0)
  await expect(encodeToken).toContainText(MASKED)
  expect(await fontSize(page, 'html')).toBe(20)
  expect(await fontSize(page, '[data-testid="timeline-row"]')).toBeGreaterThan(rowTextSize)
  expect(await fontSize(page, '[data-testid="code-editor"] .view-lines')).toBeGreaterThan(codeTextSize)
  await expectSecretNowhere(page)

  // The rest of the round trip: validateToken gets the secret too.
  await page.getByRole('tab', { name: 'Summary' }).click()
  await page.getByTestId('token-payload').fill('{ "favorite_color": "teal" }')
  await page.getByRole('button', { name: 'Continue', exact: true }).click()
  await expect(page.getByTestId('status-banner')).toHaveAttribute('data-status', 'completed', { timeout: 15_000 })
  await expectSecretNowhere(page)
  await page.getByRole('tab', { name: /Timeline/ }).click()
  const validateToken = page.getByTestId('timeline-row').filter({ hasText: 'api.redirect.validateToken' })
  await validateToken.getByRole('button', { name: 'Expand' }).click()
  await expect(validateToken).toContainText(MASKED)
  await expectSecretNowhere(page)
  for (const tab of ['Tokens', 'Console', 'Details']) {
    await page.getByRole('tab', { name: tab }).click()
    await expectSecretNowhere(page)
  }

  // The inspector's Secrets tab: the value is not in the page, and cannot be shown.
  await page.getByRole('tab', { name: 'Secrets' }).click()
  await expect(page.getByLabel('Value of MY_SHARED_SECRET')).toHaveText('••••••')
  await expect(page.getByRole('button', { name: 'Show' })).toHaveCount(0)
  await expectSecretNowhere(page)

  // Leaving presenter mode: the type is as before, and the secret masked until revealed again.
  await page.getByRole('button', { name: 'Presenter' }).click()
  await expect(page.getByRole('button', { name: 'Presenter' })).toHaveAttribute('aria-pressed', 'false')
  expect(await fontSize(page, 'html')).toBe(16)
  await expect(page.getByLabel('Value of MY_SHARED_SECRET')).toHaveValue(SECRET)
})

test('an example opened from the gallery shows its lesson with the steps to watch for, and it collapses', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Menu' }).click()
  await page.getByRole('menuitem', { name: 'Examples…' }).click()
  await page.getByTestId('example-favorite-color-redirect').getByRole('button', { name: 'Open' }).click()

  const lesson = page.getByRole('complementary', { name: 'Lesson' })
  const toggle = lesson.getByRole('button', { name: 'Lesson: Favorite color redirect' })
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  await expect(lesson).toContainText('sendUserTo suspends the flow')
  await expect(lesson.getByRole('heading', { name: 'Watch for' })).toBeVisible()
  await expect(lesson.getByRole('listitem')).toHaveCount(7)
  await expect(lesson.getByRole('listitem').nth(3)).toContainText('waits for /continue')

  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await expect(lesson.getByRole('listitem')).toHaveCount(0)
  // The canvas is still there, below the card.
  await expect(page.getByTestId('action-node-ask-for-a-favorite-color')).toBeVisible()

  // A playground not opened from an example has no lesson.
  await page.getByRole('button', { name: 'Menu' }).click()
  await page.getByRole('menuitem', { name: 'New playground' }).click()
  await expect(lesson).toHaveCount(0)
})
