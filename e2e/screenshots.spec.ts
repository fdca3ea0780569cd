import { expect, test } from '@playwright/test'

test.use({ viewport: { width: 1440, height: 860 } })

test('the designer with a three-action flow @screenshots', async ({ page }) => {
  await page.goto('/')
  await page.getByTestId('action-node-roles-into-tokens').click()
  await expect(page.getByTestId('code-editor').locator('.monaco-editor')).toBeVisible({ timeout: 20_000 })
  await page.waitForTimeout(800)
  await page.screenshot({ path: 'e2e/screenshots/designer.png' })
})
