/** The README's images, at 1280×720 in light and dark (`npm run screenshots`). */
import { expect, test } from '@playwright/test'

test.use({ viewport: { width: 1280, height: 720 } })

for (const theme of ['light', 'dark'] as const) {
  test(`the designer and the results of a run, ${theme} @screenshots`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme })
    await page.goto('/?example=starter')
    await page.getByTestId('action-node-roles-into-tokens').click()
    await expect(page.getByTestId('code-editor').locator('.monaco-editor')).toBeVisible({ timeout: 20_000 })
    await page.waitForTimeout(800)
    await page.screenshot({ path: `e2e/screenshots/designer-${theme}.png` })

    await page.goto('/?example=favorite-color-redirect')
    await page.getByRole('button', { name: 'Run', exact: true }).click()
    await page.getByTestId('token-payload').fill('{ "favorite_color": "teal" }')
    await page.getByRole('button', { name: 'Continue', exact: true }).click()
    await expect(page.getByTestId('status-banner')).toHaveAttribute('data-status', 'completed', { timeout: 15_000 })
    await page.getByTestId('action-node-record-the-login').click()
    await page.getByRole('tab', { name: /Timeline/ }).click()
    await page.waitForTimeout(800)
    await page.screenshot({ path: `e2e/screenshots/results-${theme}.png` })
    await page.getByRole('tab', { name: 'Tokens' }).click()
    await page.waitForTimeout(500)
    await page.screenshot({ path: `e2e/screenshots/results-tokens-${theme}.png` })
  })
}

for (const theme of ['light', 'dark'] as const) {
  for (const viewport of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
    test(`a pre-user-registration flow denied with its user message, ${theme} ${viewport.width} @screenshots`, async ({ page }) => {
      await page.setViewportSize(viewport)
      await page.emulateMedia({ colorScheme: theme })
      await page.goto('/?example=deny-disposable-email')
      await expect(page.getByLabel('Trigger')).toHaveValue('pre-user-registration')
      await page.getByRole('tab', { name: 'Event' }).click()
      await page.getByRole('button', { name: 'Disposable email', exact: true }).click()
      await page.getByRole('button', { name: 'Run', exact: true }).click()
      await expect(page.getByTestId('status-banner')).toHaveAttribute('data-status', 'denied')
      await page.waitForTimeout(500)
      await page.screenshot({ path: `e2e/screenshots/trigger-signup-${theme}-${viewport.width}.png` })
    })
  }
}

for (const theme of ['light', 'dark'] as const) {
  for (const viewport of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
    test(`stepping through the favorite-color redirect with the state panel, ${theme} ${viewport.width} @screenshots`, async ({ page }) => {
      await page.setViewportSize(viewport)
      await page.emulateMedia({ colorScheme: theme })
      await page.goto('/?example=favorite-color-redirect')
      await page.getByRole('button', { name: 'Run', exact: true }).click()
      await page.getByRole('tab', { name: 'Step through' }).click()
      await page.getByRole('button', { name: 'Step through the code' }).click()
      const title = page.getByTestId('walk-step-title')
      for (let i = 0; i < 20 && !(await title.filter({ hasText: 'line 11' }).count()); i++) await page.getByRole('button', { name: 'Step ▶' }).click()
      await expect(title).toContainText('line 11')
      await expect(page.getByTestId('code-editor').locator('.monaco-editor')).toBeVisible({ timeout: 20_000 })
      await page.waitForTimeout(800)
      await page.screenshot({ path: `e2e/screenshots/stepping-${theme}-${viewport.width}.png` })
    })

    test(`presenter mode stepping through a redirect, ${theme} ${viewport.width} @screenshots`, async ({ page }) => {
      await page.setViewportSize(viewport)
      await page.emulateMedia({ colorScheme: theme })
      await page.goto('/?example=favorite-color-redirect')
      await page.getByTestId('action-node-ask-for-a-favorite-color').click()
      await page.getByRole('button', { name: 'Presenter' }).click()
      await page.getByRole('button', { name: 'Run', exact: true }).click()
      await expect(page.getByTestId('status-banner')).toHaveAttribute('data-status', 'suspended', { timeout: 15_000 })
      await page.getByRole('tab', { name: 'Step through' }).click()
      await page.getByRole('button', { name: 'Step through the code' }).click()
      const title = page.getByTestId('walk-step-title')
      for (let i = 0; i < 20 && !(await title.filter({ hasText: 'line 12' }).count()); i++) await page.getByRole('button', { name: 'Step ▶' }).click()
      await expect(page.getByTestId('code-editor').locator('.view-line').first()).toBeVisible({ timeout: 20_000 })
      await page.waitForTimeout(800)
      await page.screenshot({ path: `e2e/screenshots/presenter-${theme}-${viewport.width}.png` })
    })
  }
}
