import { expect, test, type Page } from '@playwright/test'
import { openDesigner, selectNode } from './helpers.ts'

/** Opens the starter flow's "Roles into tokens" in the code editor and types `text` at its first line, key by key. */
async function typeAtTheTop(page: Page, text: string) {
  await openDesigner(page)
  await selectNode(page, 'Roles into tokens')
  const editor = page.getByTestId('code-editor').locator('.monaco-editor')
  await expect(editor).toBeVisible({ timeout: 20_000 })
  await editor.click()
  await page.keyboard.press('ControlOrMeta+Home')
  await page.keyboard.type(text)
}

test('an action\'s npm dependencies are added, versioned and removed in the Dependencies tab, and a share link carries them', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await openDesigner(page)
  await selectNode(page, 'Roles into tokens')
  await page.getByRole('tab', { name: 'Dependencies' }).click()
  const panel = page.getByTestId('dependencies-panel')
  await expect(panel).toContainText('No dependencies yet.')

  await panel.getByLabel('New dependency name').click()
  await page.keyboard.type('Json Web Token')
  await expect(panel.getByRole('alert')).toContainText('lowercase')
  await expect(panel.getByRole('button', { name: 'Add dependency' })).toBeDisabled()
  await panel.getByLabel('New dependency name').fill('')
  await page.keyboard.type('jsonwebtoken')
  await panel.getByLabel('New dependency version').fill('')
  await page.keyboard.type('9.0.2')
  await page.keyboard.press('Enter')
  await panel.getByLabel('New dependency name').click()
  await page.keyboard.type('ipaddr.js')
  await panel.getByRole('button', { name: 'Add dependency' }).click()

  const list = panel.getByRole('list', { name: 'Dependencies' })
  await expect(list.getByRole('listitem')).toHaveCount(2)
  await expect(panel.getByLabel('Version of ipaddr.js')).toHaveValue('latest')
  await panel.getByLabel('Version of ipaddr.js').fill('2.2.0')
  const dependencies = () => page.evaluate(() => (({ playgrounds }) => playgrounds.byId[playgrounds.currentId].doc)(window.__playgroundStore!.getState()).actions.find((action) => action.name === 'Roles into tokens')!.dependencies)
  expect(await dependencies()).toEqual([{ name: 'jsonwebtoken', version: '9.0.2' }, { name: 'ipaddr.js', version: '2.2.0' }])

  await page.getByTestId('share').click()
  const link = await page.getByTestId('share-link').inputValue()
  await page.keyboard.press('Escape')
  await panel.getByRole('button', { name: 'Remove jsonwebtoken' }).click()
  expect(await dependencies()).toEqual([{ name: 'ipaddr.js', version: '2.2.0' }])

  const other = await context.newPage()
  await other.goto(link)
  const shared = await other.evaluate(() => (({ playgrounds }) => playgrounds.byId[playgrounds.currentId].doc)(window.__playgroundStore!.getState()).actions.find((action) => action.name === 'Roles into tokens')!.dependencies)
  expect(shared).toEqual([{ name: 'jsonwebtoken', version: '9.0.2' }, { name: 'ipaddr.js', version: '2.2.0' }])
})

test('a require of an undeclared package is a problem with a one-click fix, and the run then loads the package offline', async ({ page }) => {
  await typeAtTheTop(page, "const { v5: uuidv5 } = require('uuid')\n")
  const node = page.getByTestId('action-node-roles-into-tokens')
  await expect(node).toContainText('1 problem')

  await page.getByRole('tab', { name: 'Dependencies' }).click()
  const fix = page.getByRole('group', { name: 'Required but not declared' })
  await expect(fix).toContainText('not dependencies')
  await fix.getByRole('button', { name: 'Add uuid' }).click()
  await expect(fix).toHaveCount(0)
  await expect(node).not.toContainText('problem')
  await expect(page.getByLabel('Version of uuid')).toHaveValue('latest')

  await page.getByRole('button', { name: 'Run', exact: true }).click()
  const banner = page.getByTestId('status-banner')
  await expect(banner).toHaveAttribute('data-status', /denied|completed/, { timeout: 25_000 })
  const result = await page.evaluate(() => { const state = window.__playgroundStore!.getState(); return state.runs[state.playgrounds.currentId]?.result ?? null })
  expect(result?.error?.description ?? '').not.toMatch(/Cannot find module|not a dependency|could not be loaded/)
  expect(result?.actions.map((action: { status: string }) => action.status)).toEqual(['ok', 'ok', 'denied'])
})

test('a module mock typed in Monaco replaces a package for the run', async ({ page }) => {
  await typeAtTheTop(page, "console.log('id', require('uuid').v4())\n")
  await page.getByRole('tab', { name: 'Dependencies' }).click()
  await page.getByRole('button', { name: 'Add uuid' }).click()

  await page.getByRole('tab', { name: 'Module mocks' }).click()
  const panel = page.getByTestId('module-mocks-panel')
  await panel.getByLabel('Package to mock').fill('uuid')
  await panel.getByRole('button', { name: 'Add module mock' }).click()
  const mockEditor = panel.getByTestId('module-mock-editor').locator('.monaco-editor')
  await expect(mockEditor).toBeVisible({ timeout: 20_000 })
  await mockEditor.click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('Delete')
  await page.keyboard.type("module.exports = { v4: () => 'mocked-id' }")
  await expect.poll(() => page.evaluate(() => (({ playgrounds }) => playgrounds.byId[playgrounds.currentId].doc)(window.__playgroundStore!.getState()).mocks.modules?.uuid)).toBe("module.exports = { v4: () => 'mocked-id' }")

  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(page.getByTestId('status-banner')).toHaveAttribute('data-status', /denied|completed/, { timeout: 25_000 })
  const logs = await page.evaluate(() => {
    const state = window.__playgroundStore!.getState()
    return state.runs[state.playgrounds.currentId]?.result?.actions.find((action) => action.name === 'Roles into tokens')?.logs.map((log) => log.message)
  })
  expect(logs).toEqual(['id mocked-id'])
})
