/**
 * Typing as a person does: real key events (`page.keyboard.type`, `press`), one key at a time, into both
 * Monaco editors, with Monaco's own help (auto-indent, auto-closed brackets and quotes) doing what it does.
 */
import { expect, test, type Page } from '@playwright/test'
import { goToLineEnd } from './helpers.ts'

// Test ids only where nothing visible names the element: `code-editor` and `event-json-editor` are the hosts of
// Monaco's own DOM, `status-banner` carries the outcome as data-status (its sentence changes with the flow),
// `token-payload-id` is the decoded payload, a code block without a name, and `action-node-*` carry a node's
// run status and enabled flag as data attributes.

const editorText = (page: Page) => page.evaluate(() => window.__playgroundEditor!.getValue())

/**
 * The code a person means, and how they type it: each line without its indentation (Monaco indents), and
 * where Monaco already closed a block on Enter, the arrow keys to step past that closing brace.
 */
const INTENDED = [
  '// Greets the user in the ID token and tags their plan',
  'exports.onExecutePostLogin = async (event, api) => {',
  "  const name = event.user.name ?? 'there';",
  '  const plan = event.user.app_metadata.plan || "free";',
  '  const greeting = `Hello, ${name}!`;',
  "  if (plan !== 'enterprise') {",
  "    api.idToken.setCustomClaim('https://example.com/greeting', greeting);",
  '  }',
  "  api.idToken.setCustomClaim('https://example.com/plan', plan);",
  '  console.log(`greeted ${name} on the ${plan} plan`);',
  '};',
].join('\n')

async function typeIntendedCode(page: Page) {
  const lines = INTENDED.split('\n')
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index].trim()
    if (line.startsWith('}')) {
      // The closing brace is already there, on the line below: step onto it and type what follows it.
      await page.keyboard.press('ArrowDown')
      await page.keyboard.press('End')
      await page.keyboard.type(line.slice(1))
    } else {
      await page.keyboard.type(line)
    }
    const next = lines[index + 1]?.trim()
    if (next === undefined || next.startsWith('}')) continue
    // A person reads the completion list before pressing Enter, and dismisses it when it is not wanted.
    if (await page.locator('.suggest-widget.visible').count()) await page.keyboard.press('Escape')
    await page.keyboard.press('Enter')
  }
}

test('a multi-line action and an event change typed key by key arrive as typed, and the run shows the typed claim', async ({ page }) => {
  // Typing some 600 keys takes longer than a test's usual 30 s on a busy machine.
  test.setTimeout(120_000)
  await page.goto('/?example=roles-into-tokens')
  await expect(page.getByTestId('code-editor').locator('.monaco-editor')).toBeVisible({ timeout: 20_000 })
  await page.getByTestId('code-editor').locator('.view-lines').click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('Delete')
  await typeIntendedCode(page)
  await expect.poll(() => editorText(page)).toBe(INTENDED)

  // The event: go to the user's name with Monaco's Go to Line, replace the value by typing it.
  await page.getByRole('tab', { name: 'Event' }).click()
  const json = page.getByTestId('event-json-editor').locator('.monaco-editor')
  await expect(json).toBeVisible({ timeout: 20_000 })
  const eventText = await page.evaluate(() => window.__playgroundEventJson!())
  const nameLine = eventText.split('\n').findIndex((line) => line.trim() === '"name": "John Smith",') + 1
  await json.locator('.view-lines').click()
  await goToLineEnd(page, nameLine)
  await page.keyboard.press('Shift+Home')
  await page.keyboard.press('Backspace')
  await page.keyboard.type('"name": "Ada Lovelace",')
  await expect.poll(async () => JSON.parse(await page.evaluate(() => window.__playgroundEventJson!())).user.name).toBe('Ada Lovelace')
  const typedEvent = await page.evaluate(() => window.__playgroundEventJson!())
  expect(typedEvent.split('\n')[nameLine - 1]).toBe('    "name": "Ada Lovelace",')

  // Ctrl/Cmd+Enter from inside the editor runs the flow (Monaco would otherwise insert a line).
  await page.keyboard.press('ControlOrMeta+Enter')
  await expect(page.getByTestId('status-banner')).toHaveAttribute('data-status', 'completed', { timeout: 25_000 })
  expect(await page.evaluate(() => window.__playgroundEventJson!())).toBe(typedEvent)
  await page.getByRole('tab', { name: 'Tokens' }).click()
  await expect(page.getByTestId('token-payload-id')).toContainText('Hello, Ada Lovelace!')
  await expect(page.getByTestId('token-payload-id')).toContainText('https://example.com/plan')
})

test('Space, Delete and Backspace in an editor never reach the canvas', async ({ page }) => {
  await page.goto('/?example=deny-skips-later-actions')
  const nodes = page.locator('[data-testid^="action-node-"]')
  await expect(nodes).toHaveCount(3)
  await nodes.nth(1).click()
  await expect(page.getByTestId('code-editor').locator('.monaco-editor')).toBeVisible({ timeout: 20_000 })
  await page.getByTestId('code-editor').locator('.view-lines').click()
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.press('Enter')
  await page.keyboard.type('// a b  c')
  await page.keyboard.press('Backspace')
  await page.keyboard.press('Delete')
  await page.keyboard.press('Tab')
  await expect.poll(async () => (await editorText(page)).split('\n').at(-1)).toBe('// a b    ')
  // The selected action is still there: the keys were the editor's.
  await expect(nodes).toHaveCount(3)
})
