import { expect, test } from '@playwright/test'

// Test ids only where nothing visible names the element: `code-editor` and `event-json-editor` are the hosts of
// Monaco's own DOM, `status-banner` carries the outcome as data-status (its sentence changes with the flow),
// `token-payload-id` is the decoded payload, a code block without a name, and `action-node-*` carry a node's
// run status and enabled flag as data attributes.

test('"Run this action only" runs one action, from its node or from the inspector, with the same results views', async ({ page }) => {
  await page.goto('/?example=deny-skips-later-actions')
  const nodes = page.locator('[data-testid^="action-node-"]')
  await expect(nodes).toHaveCount(3)
  const roles = page.getByTestId('action-node-roles-into-tokens')
  await roles.click()
  // The node's toolbar (React Flow renders it outside the node).
  await page.locator('.react-flow__node-toolbar').getByRole('button', { name: 'Run this action only' }).click()
  const banner = page.getByTestId('status-banner')
  await expect(banner).toHaveAttribute('data-status', 'completed', { timeout: 25_000 })
  await expect(banner).toContainText('This action alone: Roles into tokens')
  await expect(roles).toHaveAttribute('data-status', 'ok')
  // Its node says so to a screen reader too.
  await expect(page.getByRole('group', { name: 'Roles into tokens, action 3 of 3, last run: ok', exact: true })).toBeVisible()
  // The deny before it did not run, so the login completed.
  await expect(page.getByTestId('action-node-deny-example-com-on-my-spa')).toHaveAttribute('data-status', 'none')
  await page.getByRole('tab', { name: 'Tokens' }).click()
  await expect(page.getByTestId('token-payload-id')).toContainText('https://my-app.example.com/roles')

  await page.getByTestId('action-node-deny-example-com-on-my-spa').click()
  await page.getByRole('region', { name: 'Inspector' }).getByRole('button', { name: 'Run this action only' }).click()
  await expect(banner).toHaveAttribute('data-status', 'denied', { timeout: 25_000 })
  await expect(banner).toContainText('This action alone: Deny example.com on My SPA')
  await expect(roles).toHaveAttribute('data-status', 'none')

  // The whole flow again: the banner says nothing about one action.
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(banner).toHaveAttribute('data-status', 'denied', { timeout: 25_000 })
  await expect(banner).not.toContainText('This action alone')
  await expect(roles).toHaveAttribute('data-status', 'skipped')
})

test('the shortcuts help lists every command with keys, and the keys work', async ({ page }) => {
  await page.goto('/?example=deny-skips-later-actions')
  await expect(page.locator('[data-testid^="action-node-"]')).toHaveCount(3)
  await page.locator('body').press('?')
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(help).toBeVisible()
  for (const [label, keys] of [['Run the flow', 'Ctrl+Enter'], ['Run this action only', 'Ctrl+Shift+Enter'], ['Undo', 'Ctrl+Z'], ['Move down', 'Alt+↓'], ['Disable', 'Ctrl+Shift+D']]) {
    await expect(help.getByRole('term').filter({ hasText: label }).first()).toBeVisible()
    await expect(help).toContainText(keys)
  }
  await help.getByRole('button', { name: 'Close' }).click()
  await expect(help).toHaveCount(0)

  const record = page.getByTestId('action-node-record-the-login')
  await record.click()
  await page.keyboard.press('ControlOrMeta+Shift+D')
  await expect(record).toHaveAttribute('data-enabled', 'false')
  await page.keyboard.press('ControlOrMeta+z')
  await expect(record).toHaveAttribute('data-enabled', 'true')
})
