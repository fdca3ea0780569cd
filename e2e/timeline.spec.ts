import { expect, test } from '@playwright/test'

test('a 10,000-entry timeline scrolls, renders only what is visible, and filters', async ({ page }) => {
  await page.goto('/?example=roles-into-tokens')
  // The example loads on its own after the page: its action is there before the store is changed.
  await expect(page.locator('[data-testid^="action-node-"]').first()).toBeVisible()
  await page.evaluate(() => {
    const store = window.__playgroundStore!
    const [action] = (({ playgrounds }) => playgrounds.byId[playgrounds.currentId].doc)(store.getState()).actions
    store.getState().setCode(action.id, 'exports.onExecutePostLogin = async (event, api) => {\n  for (let i = 0; i < 10000; i++) api.cache.get("k" + (i % 10))\n};\n')
  })
  await page.getByTestId('run').click()
  await expect(page.getByTestId('status-banner')).toHaveAttribute('data-status', 'completed', { timeout: 20_000 })
  await page.getByTestId('results-tab-timeline').click()
  await expect(page.getByTestId('timeline-count')).toContainText(/of 100\d\d entries/)
  const rendered = await page.getByTestId('timeline-row').count()
  expect(rendered).toBeGreaterThan(3)
  expect(rendered).toBeLessThan(120)
  // Scroll to the end: the last entries are drawn, still only a window of them.
  const list = page.getByTestId('timeline-scroll')
  await list.evaluate((element) => { element.scrollTop = element.scrollHeight })
  await expect(page.getByTestId('timeline-row').filter({ hasText: 'flow ended' })).toBeVisible()
  expect(await page.getByTestId('timeline-row').count()).toBeLessThan(120)
  await page.getByTestId('timeline-filter-api').click()
  await expect(page.getByTestId('timeline-count')).not.toHaveText(/^100\d\d of/)
})

test('step mode walks through the timeline, highlighting the action and its line', async ({ page }) => {
  await page.goto('/?example=deny-skips-later-actions')
  await page.getByTestId('run').click()
  await expect(page.getByTestId('status-banner')).toHaveAttribute('data-status', 'denied', { timeout: 20_000 })
  await page.getByTestId('results-tab-timeline').click()
  await page.getByTestId('step-start').click()
  const current = page.getByTestId('timeline-current')
  await expect(current).toHaveAttribute('data-seq', '0')
  await expect(page.getByTestId('action-node-record-the-login')).toHaveClass(/outline-amber/)
  await page.getByTestId('step-forward').click()
  await page.getByTestId('step-forward').click()
  await expect(current).toHaveAttribute('data-seq', '2')
  await expect(page.getByTestId('code-editor').locator('.active-line-number')).toHaveText('7')
  await page.getByTestId('step-back').click()
  await expect(current).toHaveAttribute('data-seq', '1')
  await page.getByTestId('step-exit').click()
  await expect(current).toHaveCount(0)
})
