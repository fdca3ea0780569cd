/**
 * axe-core on the designer, a suspended run, the tokens, the timeline and stepping through the code, in light and dark: no serious or
 * critical violation. Contrast is checked on what is on screen, so each state is shown, not only rendered.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { expect, test, type Page } from '@playwright/test'

// Test ids only where nothing visible names the element: `code-editor` and `event-json-editor` are the hosts of
// Monaco's own DOM, `status-banner` carries the outcome as data-status (its sentence changes with the flow),
// `token-payload-id` is the decoded payload, a code block without a name, and `action-node-*` carry a node's
// run status and enabled flag as data attributes.

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

interface Violation { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] }

async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated over DevTools: the page's CSP (rightly) refuses an injected script tag.
  await page.evaluate(AXE_SOURCE)
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } }).axe
    return (await axe.run(document, { resultTypes: ['violations'] })).violations
  })
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help}\n${violation.nodes.slice(0, 5).map((node) => `  ${node.target.join(' ')}: ${node.failureSummary ?? ''}`).join('\n')}`)
}

async function openExample(page: Page, slug: string, theme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme: theme })
  await page.goto(`/?example=${slug}`)
  await expect(page.locator('[data-testid^="action-node-"]').first()).toBeVisible()
  await expect(page.getByTestId('code-editor').locator('.monaco-editor')).toBeVisible({ timeout: 20_000 })
}

async function run(page: Page, status: string) {
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(page.getByTestId('status-banner')).toHaveAttribute('data-status', status, { timeout: 25_000 })
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test('the designer has no serious or critical accessibility violation', async ({ page }) => {
      await openExample(page, 'roles-into-tokens', theme)
      expect(await seriousViolations(page)).toEqual([])
    })

    test('a suspended run and its external-site form', async ({ page }) => {
      await openExample(page, 'favorite-color-redirect', theme)
      await run(page, 'suspended')
      await expect(page.getByRole('button', { name: 'Continue', exact: true })).toBeVisible()
      expect(await seriousViolations(page)).toEqual([])
    })

    test('the tokens view', async ({ page }) => {
      await openExample(page, 'roles-into-tokens', theme)
      await run(page, 'completed')
      await page.getByRole('tab', { name: 'Tokens' }).click()
      await expect(page.getByTestId('token-payload-id')).toBeVisible()
      expect(await seriousViolations(page)).toEqual([])
    })

    test('the timeline while stepping', async ({ page }) => {
      await openExample(page, 'deny-skips-later-actions', theme)
      await run(page, 'denied')
      await page.getByRole('tab', { name: /Timeline/ }).click()
      await page.getByRole('button', { name: 'Start stepping' }).click()
      await expect(page.getByRole('button', { name: /Step/ }).first()).toBeVisible()
      expect(await seriousViolations(page)).toEqual([])
    })

    test('stepping through the code, with the state panel', async ({ page }) => {
      await openExample(page, 'favorite-color-redirect', theme)
      await run(page, 'suspended')
      await page.getByRole('tab', { name: 'Step through' }).click()
      await page.getByRole('button', { name: 'Step through the code' }).click()
      for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Step ▶' }).click()
      await expect(page.getByRole('region', { name: 'State at this step' })).toBeVisible()
      expect(await seriousViolations(page)).toEqual([])
    })
  })
}
