import { expect, test } from '@playwright/test'
import { goToLineEnd, openDesigner } from './helpers.ts'

/** Opens the designer on a Login flow. */
async function start(page: import('@playwright/test').Page) {
  await openDesigner(page)
  await expect(page.getByLabel('Trigger')).toHaveValue('post-login')
}

test('pre-user-registration: pick the trigger, add templates, run, read who is created and who is denied', async ({ page }) => {
  await start(page)
  await page.getByLabel('Trigger').selectOption('pre-user-registration')
  await expect(page.getByText(/Opened a new Pre User Registration flow/)).toBeVisible()
  await expect(page.locator('[data-testid^="action-node-"]')).toHaveCount(0)

  await page.getByRole('button', { name: 'Add Deny disposable email domains' }).click()
  await page.getByRole('button', { name: 'Add Set a default plan' }).click()
  await expect(page.locator('[data-testid^="action-node-"]')).toHaveCount(2)

  await page.getByTestId('run').click()
  await expect(page.getByTestId('status-banner')).toHaveAttribute('data-status', 'completed')
  // No tokens from a signup: its results have no Tokens tab, and the metadata the user is created with.
  await expect(page.getByTestId('results-tab-tokens')).toHaveCount(0)
  await expect(page.getByTestId('results-panel')).toContainText('plan')

  await page.getByRole('tab', { name: 'Event' }).click()
  await page.getByRole('button', { name: 'Disposable email', exact: true }).click()
  await page.getByTestId('run').click()
  await expect(page.getByTestId('status-banner')).toHaveAttribute('data-status', 'denied')
  await expect(page.getByTestId('error-user-message')).not.toBeEmpty()
})

test('credentials-exchange: pick the trigger, add a template, run, read the claim in the access token', async ({ page }) => {
  await start(page)
  await page.getByLabel('Trigger').selectOption('credentials-exchange')
  await expect(page.getByText(/Opened a new Machine to Machine flow/)).toBeVisible()
  await page.getByRole('button', { name: 'Add Claims from client metadata' }).click()
  await expect(page.locator('[data-testid^="action-node-"]')).toHaveCount(1)

  await page.getByTestId('run').click()
  await expect(page.getByTestId('status-banner')).toHaveAttribute('data-status', 'completed')
  await page.getByTestId('results-tab-tokens').click()
  const payload = page.getByTestId('token-payload-access')
  await expect(payload).toContainText('client-credentials')
  await expect(payload).toContainText('@clients')
  await expect(page.getByTestId('token-verified-access')).toHaveAttribute('data-state', 'verified')
  await expect(page.getByText('No ID token')).toHaveCount(0)

  await page.getByRole('tab', { name: 'Event' }).click()
  await page.getByRole('button', { name: 'Untrusted client', exact: true }).click()
  await page.getByRole('button', { name: 'Add Deny untrusted clients', exact: true }).click()
  await page.getByTestId('run').click()
  await expect(page.getByTestId('status-banner')).toHaveAttribute('data-status', 'denied')
  await expect(page.getByTestId('error-code')).toHaveText(/invalid_request|invalid_scope|server_error/)
})

test('credentials-exchange: an action typed key by key into the editor adds its claim to the token', async ({ page }) => {
  await start(page)
  await page.getByLabel('Trigger').selectOption('credentials-exchange')
  await page.getByRole('button', { name: 'Add Blank action' }).click()
  const editor = page.getByTestId('code-editor').locator('.monaco-editor')
  await expect(editor).toBeVisible({ timeout: 20_000 })
  await editor.click()
  await goToLineEnd(page, 7)
  await page.keyboard.press('Enter')
  await page.keyboard.type('api.accessToken.setCustomClaim("https://example.com/typed", "by hand");')
  await page.getByTestId('run').click()
  await expect(page.getByTestId('status-banner')).toHaveAttribute('data-status', 'completed')
  await page.getByTestId('results-tab-tokens').click()
  await expect(page.getByTestId('token-payload-access')).toContainText('by hand')
})
