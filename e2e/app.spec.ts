import { expect, test } from '@playwright/test'

test('the playground page loads with its flow canvas', async ({ page }) => {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()) })
  await page.goto('/')
  await expect(page).toHaveTitle('Actions Playground')
  await expect(page.getByTestId('app-title')).toHaveCSS('font-weight', '700')
  const canvas = page.getByTestId('flow-canvas')
  await expect(canvas.locator('.react-flow__node')).toHaveCount(2)
  await expect(canvas.getByText('Start: user logged in')).toBeVisible()
  expect(errors).toEqual([])
})
