import { expect, test, type Page } from '@playwright/test'
import { openDesigner } from './helpers.ts'

function collectErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()) })
  return errors
}

const markers = (page: Page) => page.evaluate(() => window.__playgroundEditor?.getMarkers() ?? [])

test('the code editor completes the action\'s secrets and marks a syntax error', async ({ page }) => {
  const errors = collectErrors(page)
  await openDesigner(page)
  await page.getByTestId('tab-secrets').click()
  await page.getByTestId('secret-name').fill('SLACK_TOKEN')
  await page.getByTestId('secret-value').fill('xoxb-1')
  await page.getByRole('button', { name: 'Add secret' }).click()
  await page.getByTestId('tab-code').click()
  const editor = page.getByTestId('code-editor').locator('.monaco-editor')
  await expect(editor).toBeVisible({ timeout: 20_000 })

  // A new line right after the handler's first line, inside its body.
  const code = await page.evaluate(() => window.__playgroundEditor!.getValue())
  const handlerLine = code.split('\n').findIndex((line) => line.startsWith('exports.onExecutePostLogin')) + 1
  await editor.locator('.view-lines').click()
  await page.keyboard.press('ControlOrMeta+Home')
  for (let line = 1; line < handlerLine; line++) await page.keyboard.press('ArrowDown')
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')
  await page.keyboard.type('event.secrets.')
  const suggestions = page.locator('.suggest-widget .monaco-list-row')
  await expect(suggestions.first()).toBeVisible({ timeout: 20_000 })
  await expect(suggestions).toHaveCount(1)
  await expect(suggestions.first()).toContainText('SLACK_TOKEN')
  await page.keyboard.press('Escape')
  await page.keyboard.type('SLACK_TOKEN;')
  await expect.poll(() => markers(page)).toEqual([])

  await page.keyboard.press('Enter')
  await page.keyboard.type('const = 1;')
  await expect.poll(() => markers(page)).toEqual([expect.objectContaining({ owner: 'playground', severity: 'error', message: 'SyntaxError: Unexpected token', line: handlerLine + 2 })])
  await expect(editor.locator('.squiggly-error')).toHaveCount(1)
  expect(errors).toEqual([])
})

test('the event tab: presets, the form and the JSON stay in step, and invalid JSON is kept', async ({ page }) => {
  const errors = collectErrors(page)
  await openDesigner(page)
  await page.getByTestId('tab-event').click()
  await page.getByTestId('preset-google').click()
  await expect(page.getByTestId('event-form-email')).toHaveValue('jane.doe@gmail.com')
  const json = page.getByTestId('event-json-editor').locator('.monaco-editor')
  await expect(json).toBeVisible({ timeout: 20_000 })
  await expect(json.locator('.view-lines')).toContainText('"tenant"')

  await page.getByTestId('event-form-country').selectOption('JP')
  await expect(page.getByTestId('event-form-continent')).toHaveValue('AS')
  await page.getByTestId('event-form-roles').fill('admin, ')
  await expect(page.getByTestId('event-form-roles')).toHaveValue('admin, ')

  await json.locator('.view-lines').click()
  await page.keyboard.press('ControlOrMeta+Home')
  await page.keyboard.type('x')
  await expect(page.getByTestId('event-error')).toContainText('Invalid JSON')
  await expect(page.getByTestId('event-form-email')).toBeDisabled()
  await expect(json.locator('.view-lines')).toContainText('x{')
  await page.keyboard.press('Backspace')
  await expect(page.getByTestId('event-error')).toHaveCount(0)
  await expect(page.getByTestId('event-form-email')).toBeEnabled()
  expect(errors).toEqual([])
})

test('code typed into Monaco shows a syntax error as a marker and a node badge, until it is fixed', async ({ page }) => {
  await openDesigner(page)
  const node = page.getByTestId('action-node-record-the-login')
  await node.click()
  const editor = page.getByTestId('code-editor').locator('.monaco-editor')
  await expect(editor).toBeVisible({ timeout: 20_000 })
  // insertText goes through Monaco's typing (auto-closing brackets), so each text is balanced on one line.
  await editor.locator('.view-lines').click()
  const replaceCode = async (code: string) => {
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.insertText(code)
    await page.keyboard.press('Escape')
    await expect.poll(() => page.evaluate(() => window.__playgroundEditor!.getValue())).toBe(code)
  }
  await replaceCode('exports.onExecutePostLogin = async (event, api) => { const = event.user.app_metadata.plan };')
  await expect(node.getByTestId('problem-badge')).toHaveText('1 problem')
  await expect.poll(() => markers(page)).toEqual([expect.objectContaining({ severity: 'error', message: 'SyntaxError: Unexpected token', line: 1 })])
  await replaceCode('exports.onExecutePostLogin = async (event, api) => { const plan = event.user.app_metadata.plan; api.idToken.setCustomClaim("https://my-app.example.com/plan", plan) };')
  await expect(node.getByTestId('problem-badge')).toHaveCount(0)
  await expect.poll(() => markers(page)).toEqual([])
  // A handler that is not async is refused by Auth0's loader: shown before any run.
  await replaceCode('exports.onExecutePostLogin = (event, api) => {};')
  await expect(node.getByTestId('problem-badge')).toBeVisible()
  await expect.poll(() => markers(page)).toEqual([expect.objectContaining({ message: expect.stringContaining('Invalid function signature') })])
})

test('a preset fills the form and the JSON alike; invalid JSON disables Run with the reason', async ({ page }) => {
  await openDesigner(page)
  await page.getByTestId('tab-event').click()
  await page.getByTestId('preset-europe').click()
  const json = page.getByTestId('event-json-editor').locator('.monaco-editor')
  await expect(json).toBeVisible({ timeout: 20_000 })
  const country = await page.getByTestId('event-form-country').inputValue()
  const continent = await page.getByTestId('event-form-continent').inputValue()
  expect(continent).toBe('EU')
  const text = await page.evaluate(() => window.__playgroundEventJson?.() ?? '')
  const event = JSON.parse(text)
  expect(event.request.geoip.countryCode).toBe(country)
  expect(event.request.geoip.continentCode).toBe(continent)

  await json.locator('.view-lines').click()
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.type(',')
  await expect(page.getByTestId('event-error')).toBeVisible()
  await expect(page.getByTestId('run')).toBeDisabled()
  await expect(page.getByTestId('run')).toHaveAttribute('title', /Fix the event first: Invalid JSON/)
  await page.keyboard.press('Backspace')
  await expect(page.getByTestId('run')).toBeEnabled()
})

test('event and api complete in an action without Auth0\'s JSDoc header', async ({ page }) => {
  await page.goto('/?example=roles-into-tokens')
  const editor = page.getByTestId('code-editor').locator('.monaco-editor')
  await expect(editor).toBeVisible({ timeout: 20_000 })
  await editor.locator('.view-lines').click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type('exports.onExecutePostLogin = async (event, api) => {')
  await page.keyboard.press('Enter')
  await page.keyboard.type('api.')
  const suggestions = page.locator('.suggest-widget .monaco-list-row')
  await expect(suggestions.filter({ hasText: 'idToken' })).toHaveCount(1, { timeout: 20_000 })
  await expect(suggestions.filter({ hasText: 'accessToken' })).toHaveCount(1)
  await page.keyboard.press('Escape')
  await page.keyboard.type('idToken;')
  await page.keyboard.press('Enter')
  await page.keyboard.type('event.')
  await expect(suggestions.filter({ hasText: 'authorization' })).toHaveCount(1, { timeout: 20_000 })
  expect(await page.evaluate(() => window.__playgroundEditor!.getValue())).not.toContain('@param')
})
