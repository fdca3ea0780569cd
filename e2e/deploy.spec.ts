import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { strToU8, unzipSync, zipSync } from 'fflate'
import { createDefaultEvent } from '../src/triggers/post-login/defaultEvent.ts'
import { flowOrder } from './helpers.ts'

const storeDoc = (page: Page) => page.evaluate(() => (({ playgrounds }) => playgrounds.byId[playgrounds.currentId].doc)(window.__playgroundStore!.getState()))
const code = (claim: string) => `exports.onExecutePostLogin = async (event, api) => {\n  api.idToken.setCustomClaim('https://x.test/${claim}', true);\n};\n`

/** A Deploy CLI directory as a0deploy export writes it: the actions' files in name order, the tenant's order in triggers.json. */
function tenantFiles(): Record<string, string> {
  const files: Record<string, string> = {}
  for (const [name, secrets] of [['A roles', ['API_KEY']], ['B audit', []], ['C deny', []], ['D unbound', []]] as const) {
    files[`actions/${name}.json`] = JSON.stringify({
      name, code: `./actions/${name}/code.js`, runtime: 'node22', dependencies: [], deployed: true,
      secrets: secrets.map((secret) => ({ name: secret, value: `##${secret}##` })), supported_triggers: [{ id: 'post-login', version: 'v3' }],
    })
    files[`actions/${name}/code.js`] = code(name)
  }
  files['triggers/triggers.json'] = JSON.stringify({ 'post-login': ['C deny', 'A roles', 'B audit'].map((name) => ({ action_name: name, display_name: name })) })
  return files
}

async function choose(page: Page, item: string, files: Parameters<import('@playwright/test').FileChooser['setFiles']>[0]) {
  await page.getByRole('button', { name: 'Menu' }).click()
  const choosing = page.waitForEvent('filechooser')
  await page.getByRole('menuitem', { name: item }).click()
  await (await choosing).setFiles(files)
}

test("a Deploy CLI zip imports as a new playground, its actions in the tenant's post-login order, code inline", async ({ page }) => {
  await page.goto('/?example=starter')
  const zip = zipSync(Object.fromEntries(Object.entries(tenantFiles()).map(([path, text]) => [`dev-tenant/${path}`, strToU8(text)])))
  await choose(page, 'Import a zip (Deploy CLI or flow)…', { name: 'dev-tenant.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) })
  await expect(page.getByTestId('notice')).toContainText("Imported the Auth0 Deploy CLI directory dev-tenant from dev-tenant.zip as a new playground: 4 actions in the tenant's post-login order")
  await expect(page.getByTestId('notice')).toContainText('"D unbound"')
  await expect(page.getByTestId('missing-secrets')).toContainText('A roles: API_KEY')
  await expect(page.getByTestId('flow-name')).toHaveValue('dev-tenant')
  await expect.poll(() => flowOrder(page)).toEqual(['C deny', 'A roles', 'B audit', 'D unbound'])
  const doc = await storeDoc(page)
  expect(doc.actions.map((action) => [action.name, action.enabled, action.code])).toEqual([
    ['C deny', true, code('C deny')], ['A roles', true, code('A roles')], ['B audit', true, code('B audit')], ['D unbound', false, code('D unbound')],
  ])
  expect(doc.actions[1].secrets).toEqual({ API_KEY: '' })
  expect(doc.event).toEqual(createDefaultEvent())
})

test("the Deploy CLI export warns that it replaces the tenant's binding list, and its zip imports back as the same flow", async ({ page }) => {
  await page.goto('/?example=starter')
  await expect(page.locator('[data-testid^="action-node-"]')).toHaveCount(3)
  const original = await storeDoc(page)
  await page.getByRole('button', { name: 'Menu' }).click()
  const downloading = page.waitForEvent('download')
  await page.getByRole('menuitem', { name: 'Export for the Auth0 Deploy CLI (.zip)' }).click()
  const download = await downloading
  await expect(page.getByTestId('notice')).toContainText("Importing it replaces the tenant's whole post-login binding list")
  const file = await download.path()
  expect(Object.keys(unzipSync(readFileSync(file))).some((path) => path.endsWith('/config.json.example'))).toBe(true)

  await choose(page, 'Import a zip (Deploy CLI or flow)…', { name: download.suggestedFilename(), mimeType: 'application/zip', buffer: readFileSync(file) })
  await expect(page.getByTestId('notice')).toContainText('Imported the Auth0 Deploy CLI directory')
  const imported = await storeDoc(page)
  expect(imported.name).toBe(original.name)
  const enabledFirst = [...original.actions.filter((action) => action.enabled), ...original.actions.filter((action) => !action.enabled)]
  expect(imported.actions.map((action) => [action.name, action.code, action.enabled, Object.keys(action.secrets)]))
    .toEqual(enabledFirst.map((action) => [action.name, action.code, action.enabled, Object.keys(action.secrets)]))
})

test('a flow file naming code files says to use the CLI or import its folder; the folder imports with the code inline', async ({ page }) => {
  await page.goto('/?example=starter')
  const dir = mkdtempSync(join(tmpdir(), 'flow-folder-'))
  const files = {
    'my-flow/flow.json': JSON.stringify({ version: 1, trigger: 'post-login', name: 'With code files', event: createDefaultEvent(), actions: [
      { id: 'a', name: 'Second file', codeFile: './actions/b.js', enabled: true },
      { id: 'b', name: 'First file', codeFile: './actions/a.js', enabled: true },
    ] }),
    'my-flow/actions/a.js': code('a'),
    'my-flow/actions/b.js': code('b'),
    'my-flow/node_modules/ignored/index.js': 'not read',
  }
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  await choose(page, 'Import a flow file…', join(dir, 'my-flow/flow.json'))
  await expect(page.getByTestId('notice')).toHaveAttribute('data-tone', 'error')
  await expect(page.getByTestId('notice')).toContainText('flow.json cannot open on its own: its actions take their code from files ("Second file": ./actions/b.js, "First file": ./actions/a.js), which the browser app cannot read: run it with the CLI')
  await expect(page.getByTestId('flow-name')).not.toHaveValue('With code files')

  await choose(page, 'Import a folder (Deploy CLI or flow)…', join(dir, 'my-flow'))
  await expect(page.getByTestId('notice')).toContainText('Opened my-flow/flow.json from my-flow as a new playground, its code files inline.')
  await expect.poll(() => flowOrder(page)).toEqual(['Second file', 'First file'])
  const doc = await storeDoc(page)
  expect(doc.actions.map((action) => action.code)).toEqual([code('b'), code('a')])
  expect(doc.actions[0]).not.toHaveProperty('codeFile')
})
