import { expect, test } from '@playwright/test'

test.use({ viewport: { width: 1440, height: 860 } })

test('the designer with a three-action flow @screenshots', async ({ page }) => {
  await page.goto('/?example=starter')
  await page.getByTestId('action-node-roles-into-tokens').click()
  await expect(page.getByTestId('code-editor').locator('.monaco-editor')).toBeVisible({ timeout: 20_000 })
  await page.waitForTimeout(800)
  await page.screenshot({ path: 'e2e/screenshots/designer.png' })
})

test('the results of a run @screenshots', async ({ page }) => {
  await page.goto('/?example=favorite-color-redirect')
  await page.getByTestId('run').click()
  await page.getByTestId('token-payload').fill('{ "favorite_color": "teal" }')
  await page.getByTestId('continue').click()
  await expect(page.getByTestId('status-banner')).toHaveAttribute('data-status', 'completed', { timeout: 15_000 })
  await page.getByTestId('action-node-record-the-login').click()
  await page.getByTestId('results-tab-timeline').click()
  await page.waitForTimeout(800)
  await page.screenshot({ path: 'e2e/screenshots/results.png' })
  await page.getByTestId('results-tab-tokens').click()
  await page.waitForTimeout(500)
  await page.screenshot({ path: 'e2e/screenshots/results-tokens.png' })
})
