import { expect, test, type Page } from '@playwright/test'
import type { FlowDocument } from '../src/engine/flowDocument.ts'
import { encodeShareLink } from '../src/engine/shareCodec.ts'
import { createDefaultEvent } from '../src/triggers/post-login/defaultEvent.ts'

async function open(page: Page, example: string) {
  await page.goto(`/?example=${example}`)
  await expect(page.locator('[data-testid^="action-node-"]').first()).toBeVisible()
}

async function run(page: Page) {
  await page.getByTestId('run').click()
  await expect(page.getByTestId('status-banner')).not.toHaveAttribute('data-status', 'running', { timeout: 25_000 })
}

const node = (page: Page, id: string) => page.getByTestId(`action-node-${id}`)

test('a completed run shows its claims in the decoded tokens, verified against the JWKS', async ({ page }) => {
  await open(page, 'roles-into-tokens')
  await run(page)
  await expect(page.getByTestId('status-banner')).toHaveAttribute('data-status', 'completed')
  await expect(node(page, 'roles-into-tokens')).toHaveAttribute('data-status', 'ok')
  await expect(node(page, 'roles-into-tokens').getByTestId('run-summary')).toHaveText('2 claims')
  await page.getByTestId('results-tab-tokens').click()
  for (const token of ['id', 'access']) {
    await expect(page.getByTestId(`token-payload-${token}`)).toContainText('https://my-app.example.com/roles')
    await expect(page.getByTestId(`token-payload-${token}`)).toContainText('editor')
    await expect(page.getByTestId(`token-verified-${token}`)).toContainText('verified')
  }
})

test('a deny skips the later actions and still writes the metadata', async ({ page }) => {
  await open(page, 'deny-skips-later-actions')
  await run(page)
  await expect(page.getByTestId('status-banner')).toHaveAttribute('data-status', 'denied')
  await expect(page.getByTestId('error-code')).toHaveText('access_denied')
  await expect(page.getByTestId('error-description')).toHaveText('Access to My SPA is not allowed.')
  await expect(node(page, 'record-the-login')).toHaveAttribute('data-status', 'ok')
  await expect(node(page, 'deny-example-com-on-my-spa')).toHaveAttribute('data-status', 'denied')
  await expect(node(page, 'roles-into-tokens')).toHaveAttribute('data-status', 'skipped')
  await expect(page.getByTestId('diff-app_metadata-last_login_app')).toHaveAttribute('data-change', 'added')
  await expect(page.getByTestId('profile-writes')).toContainText('1')
})

test('the favorite-color redirect goes round through the external site and onContinuePostLogin writes the color', async ({ page }) => {
  await open(page, 'favorite-color-redirect')
  await run(page)
  await expect(page.getByTestId('status-banner')).toHaveAttribute('data-status', 'suspended')
  await expect(node(page, 'ask-for-a-favorite-color')).toHaveAttribute('data-status', 'suspended')
  await expect(node(page, 'record-the-login')).toHaveAttribute('data-status', 'pending')
  const url = new URL((await page.getByTestId('redirect-url').textContent())!)
  expect(url.origin).toBe('https://my-app.example.com')
  expect(url.searchParams.get('state')).toBeTruthy()
  await expect(page.getByTestId('decoded-session_token')).toContainText('j+smith@example.com')
  await page.getByTestId('token-payload').fill('{ "favorite_color": "teal" }')
  await page.getByTestId('continue').click()
  await expect(page.getByTestId('status-banner')).toHaveAttribute('data-status', 'completed', { timeout: 15_000 })
  await expect(page.getByTestId('diff-user_metadata-favorite_color')).toHaveAttribute('data-change', 'added')
  await expect(page.getByTestId('diff-user_metadata-favorite_color')).toContainText('teal')
  await expect(node(page, 'ask-for-a-favorite-color')).toHaveAttribute('data-status', 'ok')
  await expect(node(page, 'record-the-login')).toHaveAttribute('data-status', 'ok')
  await page.getByTestId('results-tab-timeline').click()
  await expect(page.getByTestId('timeline-group').filter({ hasText: 'continue' })).toHaveCount(1)
})

test('continuing with a wrong state fails with invalid_request; an expired token fails validateToken', async ({ page }) => {
  await open(page, 'favorite-color-redirect')
  await run(page)
  await page.getByTestId('continue-wrong-state').click()
  await expect(page.getByTestId('status-banner')).toHaveAttribute('data-status', 'failed', { timeout: 15_000 })
  await expect(page.getByTestId('error-code')).toHaveText('invalid_request')
  await run(page)
  await page.getByTestId('continue-expired').click()
  await expect(page.getByTestId('error-description')).toHaveText('The session token is invalid: the token has expired', { timeout: 15_000 })
})

test('an endless loop is stopped by the time limit, and the next run works without reloading', async ({ page }) => {
  await open(page, 'endless-loop')
  await page.getByRole('button', { name: 'Menu' }).click()
  await page.getByTestId('time-limit').fill('2')
  await page.keyboard.press('Escape')
  const started = Date.now()
  await page.getByTestId('run').click()
  await expect(page.getByTestId('status-banner')).toHaveAttribute('data-status', 'running')
  // The page stays responsive while the worker loops.
  await page.getByTestId('tab-secrets').click()
  await expect(page.getByTestId('secrets-panel')).toBeVisible()
  await expect(page.getByTestId('status-banner')).toHaveAttribute('data-status', 'failed', { timeout: 10_000 })
  expect(Date.now() - started).toBeLessThan(9_000)
  await expect(page.getByTestId('status-banner')).toContainText('time limit')
  await expect(node(page, 'endless-loop')).toHaveAttribute('data-status', 'failed')
  await expect(node(page, 'endless-loop').getByTestId('run-summary')).toContainText('time limit')

  await node(page, 'endless-loop').click()
  await page.getByRole('button', { name: 'Disable' }).click()
  await run(page)
  await expect(page.getByTestId('status-banner')).toHaveAttribute('data-status', 'completed')
})

test('Stop ends a running flow at once, and the next run works', async ({ page }) => {
  await open(page, 'endless-loop')
  await page.getByTestId('run').click()
  await expect(page.getByTestId('status-banner')).toHaveAttribute('data-status', 'running')
  await expect(page.getByTestId('node-running')).toBeVisible()
  const stopped = Date.now()
  await page.getByTestId('stop').click()
  await expect(page.getByTestId('status-banner')).toHaveAttribute('data-status', 'failed', { timeout: 3_000 })
  expect(Date.now() - stopped).toBeLessThan(3_000)
  await expect(page.getByTestId('error-description')).toContainText('stopped')
  await expect(node(page, 'endless-loop')).toHaveAttribute('data-status', 'failed')
  await node(page, 'endless-loop').click()
  await page.getByRole('button', { name: 'Disable' }).click()
  await run(page)
  await expect(page.getByTestId('status-banner')).toHaveAttribute('data-status', 'completed')
})

test('clicking a timeline entry reveals the line that made the call', async ({ page }) => {
  await open(page, 'roles-into-tokens')
  await run(page)
  await page.getByTestId('results-tab-timeline').click()
  const row = page.getByTestId('timeline-row').filter({ hasText: 'accessToken.setCustomClaim' })
  await expect(row).toContainText('line 9')
  await row.click()
  const editor = page.getByTestId('code-editor').locator('.monaco-editor')
  await expect(editor.locator('.playground-focus-line')).toHaveCount(1)
  await expect(editor.locator('.active-line-number')).toHaveText('9')
})

test('a thrown error is shown in the banner, on its node and as a marker on its line', async ({ page }) => {
  await open(page, 'throw-fails-login')
  await run(page)
  await expect(page.getByTestId('error-description')).toHaveText("Cannot read properties of undefined (reading 'favorite_color')")
  await expect(page.getByTestId('status-banner')).toContainText('line 7')
  await node(page, 'read-a-missing-field').click()
  await expect.poll(() => page.evaluate(() => window.__playgroundEditor?.getMarkers().filter((marker) => marker.owner === 'run').map((marker) => marker.line))).toEqual([7])
})

test('warnings show where they belong: a dropped claim under its token, a console past its limit in the details', async ({ page }) => {
  const action = (id: string, body: string) => ({ id, name: id, enabled: true, secrets: {}, code: `exports.onExecutePostLogin = async (event, api) => {\n${body}\n};\n` })
  const doc: FlowDocument = {
    version: 1, trigger: 'post-login', name: 'Warnings', event: createDefaultEvent(), mocks: { http: [] },
    actions: [
      action('claims', 'api.idToken.setCustomClaim("https://tenant.auth0.com/role", "admin"); api.idToken.setCustomClaim("https://my-app.example.com/plan", "pro")'),
      action('chatty', 'console.log("x".repeat(300000)); console.log("after the limit")'),
    ],
  }
  await page.goto(`/#${encodeShareLink(doc)}`)
  await run(page)
  const results = page.getByRole('region', { name: 'Run results' })
  await results.getByRole('tab', { name: /^Tokens/ }).click()
  const idWarnings = page.getByTestId('token-warnings-id')
  await expect(idWarnings).toContainText('https://tenant.auth0.com/role')
  await expect(idWarnings.getByRole('listitem')).toHaveCount(1)
  await expect(page.getByTestId('token-payload-id')).toContainText('https://my-app.example.com/plan')
  await results.getByRole('tab', { name: /^Details/ }).click()
  await expect(results.getByText('chatty: console output past 256 KiB was dropped, as Auth0 does.')).toBeVisible()
  await expect(results.getByText(/Auth0 drops the claim/)).toHaveCount(0)
})
