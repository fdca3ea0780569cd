import { expect, test, type Page } from '@playwright/test'

const title = (page: Page) => page.getByTestId('walk-step-title')
const stepButton = (page: Page) => page.getByRole('button', { name: 'Step ▶' })
const statePanel = (page: Page) => page.getByRole('region', { name: 'State at this step' })

/** Steps forward until the step's title has the text; fails past `limit` steps. */
async function stepUntil(page: Page, text: string | RegExp, limit = 40) {
  for (let i = 0; i < limit; i++) {
    if (await title(page).filter({ hasText: text }).count()) return
    await stepButton(page).click()
  }
  await expect(title(page)).toContainText(text)
}

test('stepping through the favorite-color redirect, line by line, across the pause and /continue, and back', async ({ page }) => {
  await page.goto('/?example=favorite-color-redirect')
  await expect(page.locator('[data-testid^="action-node-"]').first()).toBeVisible()
  await page.getByTestId('run').click()
  await page.getByRole('tab', { name: 'Step through' }).click()
  await page.getByRole('button', { name: 'Step through the code' }).click()

  await expect(page.getByRole('status').filter({ hasText: /^Step 1 of \d+$/ })).toBeVisible({ timeout: 25_000 })
  await expect(title(page)).toHaveText("Auth0 calls Ask for a favorite color's onExecutePostLogin")
  await expect(page.getByTestId('action-node-ask-for-a-favorite-color')).toHaveClass(/outline-amber/)

  // The if that decided the redirect: its branch is skipped, and dimmed in the editor.
  await stepUntil(page, 'line 7')
  await expect(page.getByRole('region', { name: 'This step' }).getByText('if (event.user.user_metadata.favorite_color) {', { exact: true })).toBeVisible()
  await expect(page.getByTestId('walk-branch')).toHaveText('The condition is false: line 8 is skipped.')
  await expect(page.locator('.playground-skipped-lines')).toHaveCount(1)
  await expect(page.locator('.playground-focus-line')).toHaveCount(1)

  // The queued metadata, before the pause: nothing written yet.
  await stepUntil(page, 'line 11')
  await expect(page.getByTestId('walk-entry').first()).toContainText('api.user.setAppMetadata("color_prompts", 1)')
  await expect(page.getByTestId('walk-explanation').first()).toContainText('queues the change')
  const queued = statePanel(page).getByTestId('walk-state-pending')
  await expect(queued).toContainText('app_metadata.color_prompts')
  await expect(queued).toContainText('changed at this step')
  await expect(queued).toContainText('No write yet.')

  await stepUntil(page, 'Auth0 writes the queued metadata before the user leaves')
  await expect(statePanel(page).getByTestId('walk-state-pending')).toContainText('1 write so far')

  // The pause is a step of its own, with what Auth0 waits for.
  await stepUntil(page, 'The flow pauses: the user leaves for https://my-app.example.com/?session_token=')
  await expect(page.getByText(/^Auth0 waits for \/continue with state=[\w-]+$/)).toBeVisible()
  await expect(page.getByTestId('walk-explanation')).toContainText('Auth0 waits for them to come back to /continue')
  const redirect = statePanel(page).getByTestId('walk-state-redirect')
  await expect(redirect).toContainText('state')
  await expect(redirect).toContainText('session_token')
  await expect(stepButton(page)).toBeDisabled()

  // The way back to /continue is right there; the walk goes on through the continued run.
  await page.getByTestId('token-payload').fill('{ "favorite_color": "teal" }')
  await page.getByTestId('continue').click()
  await expect(stepButton(page)).toBeEnabled({ timeout: 25_000 })
  // The module's own code runs again for the request at /continue, and the step says why that matters.
  await stepUntil(page, 'after /continue · line 5 · top level')
  await expect(page.getByRole('region', { name: 'This step', exact: true })).toContainText('Top-level code runs again')
  await stepUntil(page, 'after /continue · line 35')
  await expect(page.getByTestId('walk-entry')).toContainText('api.user.setUserMetadata("favorite_color", "teal")')
  await expect(statePanel(page).getByTestId('walk-state-pending')).toContainText('user_metadata.favorite_color')

  await stepUntil(page, 'Auth0 writes the queued metadata, once')
  await expect(page.getByTestId('walk-explanation')).toContainText('in one update of the user profile')
  await expect(statePanel(page).getByTestId('walk-state-user')).toContainText('"favorite_color":"teal"')
  await stepUntil(page, 'Auth0 issues the tokens')

  // Backwards, with the arrow key as well as the button.
  await page.getByRole('button', { name: '◀ Back' }).click()
  await expect(title(page)).toHaveText('Auth0 writes the queued metadata, once')
  await page.keyboard.press('ArrowLeft')
  await expect(title(page)).not.toHaveText('Auth0 writes the queued metadata, once')
})

test('presenter mode sets the step\'s explanation large and keeps the secret the step passed masked', async ({ page }) => {
  const secret = 'a-shared-secret-for-the-color-site'
  await page.goto('/?example=favorite-color-redirect')
  await page.getByTestId('run').click()
  await expect(page.getByTestId('status-banner')).toHaveAttribute('data-status', 'suspended', { timeout: 25_000 })
  await page.getByRole('tab', { name: 'Step through' }).click()
  await page.getByRole('button', { name: 'Step through the code' }).click()
  await stepUntil(page, 'line 12')
  const entry = page.getByTestId('walk-entry')
  await expect(entry).toContainText('api.redirect.encodeToken({"secret":"•••• (MY_SHARED_SECRET)"')
  const explanation = page.getByTestId('walk-explanation')
  const size = () => explanation.evaluate((element) => parseFloat(getComputedStyle(element).fontSize))
  const before = await size()

  await page.getByRole('button', { name: 'Presenter' }).click()
  await expect(page.getByRole('button', { name: 'Presenter' })).toHaveAttribute('aria-pressed', 'true')
  expect(await size()).toBeGreaterThan(before * 1.5)
  await expect(entry).toContainText('•••• (MY_SHARED_SECRET)')
  expect(await page.content()).not.toContain(secret)
})

test('stepping through an endless loop stopped at the time limit ends in the loop it was stuck in', async ({ page }) => {
  await page.goto('/?example=endless-loop')
  await page.getByRole('button', { name: 'Menu' }).click()
  await page.getByTestId('time-limit').fill('2')
  await page.keyboard.press('Escape')
  await page.getByTestId('run').click()
  await expect(page.getByTestId('status-banner')).toHaveAttribute('data-status', 'failed', { timeout: 15_000 })
  await page.getByRole('tab', { name: 'Step through' }).click()
  await page.getByRole('button', { name: 'Step through the code' }).click()
  await expect(page.getByRole('status').filter({ hasText: /^Step 1 of \d+$/ })).toBeVisible({ timeout: 15_000 })
  await expect(page.getByTestId('status-banner')).toContainText('time limit')
  await expect(title(page)).toHaveText("Auth0 calls Endless loop's onExecutePostLogin")

  await page.getByRole('button', { name: 'Step ▶' }).focus()
  await page.keyboard.press('End')
  await expect(title(page)).toHaveText('The flow ends: failed (access_denied)')
  await page.getByRole('button', { name: '◀ Back' }).click()
  await expect(title(page)).toHaveText('Endless loop ends: failed')
  await page.getByRole('button', { name: '◀ Back' }).click()
  await expect(title(page)).toHaveText(/^Endless loop · execute · line 8 · [\d,]+th time$/)
  await expect(page.getByRole('region', { name: 'This step', exact: true }).getByText('attempts++;', { exact: true })).toBeVisible()
})
