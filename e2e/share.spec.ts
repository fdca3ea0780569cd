import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate'
import { checksum } from '../src/engine/shareCodec.ts'
import { SHARE_PIECES_V2 } from '../src/engine/shareDictionary.ts'
import { openDesigner } from './helpers.ts'

const storeDoc = (page: Page) => page.evaluate(() => (({ playgrounds }) => playgrounds.byId[playgrounds.currentId].doc)(window.__playgroundStore!.getState()))
/** A `#v2.` link made again with its JSON changed: the same pieces, a checksum that matches, so only the change is wrong. */
function changedLink(link: string, change: (wire: Record<string, any>) => void): string {
  const [base, payload] = link.split('#v2.')
  const bytes = Buffer.from(payload, 'base64url')
  const pieces = [...bytes.subarray(1, 1 + bytes[0])]
  const dictionary = strToU8(pieces.map((index) => SHARE_PIECES_V2[index]).join(''))
  const wire = JSON.parse(strFromU8(inflateSync(bytes.subarray(1 + pieces.length, bytes.length - 4), { dictionary })))
  change(wire)
  const json = strToU8(JSON.stringify(wire))
  return `${base}#v2.${Buffer.concat([bytes.subarray(0, 1 + pieces.length), deflateSync(json, { dictionary }), checksum(json)]).toString('base64url')}`
}
const nodeNames = (page: Page) => page.locator('[data-testid^="action-node-"] span.font-medium').allTextContents()

test('a shared link opens the same flow in a fresh browser, without secret values and without running', async ({ page, browser, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto('/?example=favorite-color-redirect')
  await expect(page.getByTestId('flow-name')).toHaveValue('Favorite color redirect')
  const original = await storeDoc(page)
  expect(original.actions[0].secrets.MY_SHARED_SECRET).not.toBe('')
  await page.getByTestId('share').click()
  const link = await page.getByTestId('share-link').inputValue()
  expect(link).toMatch(/#v2\.[\w-]+$/)
  // `actions-playground link` on the example's flow file prints the very same link.
  const cli = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'link', 'src/examples/flows/favorite-color-redirect.json', '--base', new URL('/', baseURL).href], { encoding: 'utf8' })
  expect(cli.trim()).toBe(link)
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link)
  await expect(page.getByTestId('share-length')).toContainText(`${link.length.toLocaleString('en-US')} characters`)
  await expect(page.getByTestId('share-long')).toHaveCount(0)
  expect(link).not.toContain(original.actions[0].secrets.MY_SHARED_SECRET)

  const fresh = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } })
  const other = await fresh.newPage()
  await other.goto(link)
  await expect(other.getByTestId('flow-name')).toHaveValue('Favorite color redirect')
  await expect(other.getByTestId('notice')).toContainText('came from a link')
  await expect(other.getByTestId('missing-secrets')).toContainText('MY_SHARED_SECRET')
  await expect(other.getByTestId('gallery')).toHaveCount(0)
  expect(await nodeNames(other)).toEqual(await nodeNames(page))
  const opened = await storeDoc(other)
  expect(opened.actions.map((action) => action.code)).toEqual(original.actions.map((action) => action.code))
  expect(opened.actions[0].secrets).toEqual({ MY_SHARED_SECRET: '' })
  expect(opened.event).toEqual(original.event)
  await expect(other.getByTestId('status-banner')).toHaveCount(0)
  expect(await other.evaluate(() => { const state = window.__playgroundStore!.getState(); return state.runs[state.playgrounds.currentId] ?? null })).toBeNull()
  await fresh.close()
})

test('a damaged link opens nothing and says what was wrong; the playground is untouched', async ({ page }) => {
  await page.goto('/')
  await page.getByTestId('flow-name').fill('My edited flow')
  await page.getByTestId('flow-name').press('Enter')
  const before = await page.evaluate(() => window.__playgroundStore!.getState().playgrounds.order.length)
  await page.getByTestId('share').click()
  const link = await page.getByTestId('share-link').inputValue()
  for (const [damaged, message] of [
    [link.slice(0, Math.floor(link.length * 0.6)), /could not be opened/],
    [`${link.split('#')[0]}#v2.%%%not-base64`, /could not be opened/],
    [`${link.split('#')[0]}#v9.${link.split('#v2.')[1]}`, /newer version/],
  ] as const) {
    await page.goto('about:blank')
    await page.goto(damaged)
    await expect(page.getByTestId('notice')).toHaveAttribute('data-tone', 'error')
    await expect(page.getByTestId('notice')).toContainText(message)
    await expect(page.getByTestId('flow-name')).toHaveValue('My edited flow')
    expect(await page.evaluate(() => window.__playgroundStore!.getState().playgrounds.order.length)).toBe(before)
  }
})

test('a link whose event preset this version does not know says so, opens nothing and stays in the address bar', async ({ page }) => {
  await page.goto('/?example=favorite-color-redirect')
  await expect(page.getByTestId('flow-name')).toHaveValue('Favorite color redirect')
  const before = await page.evaluate(() => window.__playgroundStore!.getState().playgrounds.order.length)
  await page.getByTestId('share').click()
  const link = await page.getByTestId('share-link').inputValue()
  const tampered = changedLink(link, (wire) => { wire.eventFrom.preset = 'moonlight@0badc0de' })
  await page.goto('about:blank')
  await page.goto(tampered)
  await expect(page.getByText('starts from an event preset this version of the playground does not know ("moonlight" for post-login trigger)')).toBeVisible()
  await expect(page.getByText('Your playgrounds are unchanged.')).toBeVisible()
  await expect(page.getByTestId('flow-name')).toHaveValue('Favorite color redirect')
  expect(await page.evaluate(() => window.__playgroundStore!.getState().playgrounds.order.length)).toBe(before)
  expect(page.url()).toBe(tampered)
})

test('a link over 2,000 characters warns that chat tools may cut it', async ({ page }) => {
  await page.goto('/?example=favorite-color-redirect')
  // Text deflate cannot shorten: each character drawn from 64 by a fixed generator.
  let seed = 7
  const noise = Array.from({ length: 2500 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[Math.floor((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 16) % 64]).join('')
  await page.getByTestId('flow-name').fill(noise)
  await page.getByTestId('flow-name').press('Enter')
  await page.getByTestId('share').click()
  const link = await page.getByTestId('share-link').inputValue()
  expect(link.length).toBeGreaterThan(2000)
  await expect(page.getByTestId('share-long')).toContainText('Over 2,000 characters: some chat tools cut long links.')
})

test('a reload in the middle of an edit finds the edit', async ({ page }) => {
  await openDesigner(page)
  const editor = page.getByTestId('code-editor').locator('.monaco-editor')
  await expect(editor).toBeVisible({ timeout: 20_000 })
  await editor.locator('.view-lines').click()
  await page.keyboard.press('ControlOrMeta+A')
  const code = 'exports.onExecutePostLogin = async (event, api) => { api.user.setAppMetadata("reloaded", true) };'
  await page.keyboard.insertText(code)
  await page.getByTestId('flow-name').fill('Edited before reload')
  await page.getByTestId('flow-name').press('Enter')
  await page.reload()
  await expect(page.getByTestId('flow-name')).toHaveValue('Edited before reload')
  await expect.poll(() => page.evaluate(() => (({ playgrounds }) => playgrounds.byId[playgrounds.currentId].doc)(window.__playgroundStore!.getState()).actions[0].code)).toBe(code)
})

test.describe('a first visit', () => {
  test.use({ storageState: { cookies: [], origins: [] } })

  test('opens the gallery; two examples open as playgrounds and the user switches between them', async ({ page }) => {
    await page.goto('/')
    await expect(page.getByTestId('gallery')).toBeVisible()
    await page.getByTestId('example-lazy-migration').getByRole('button', { name: 'Open' }).click()
    await expect(page.getByTestId('gallery')).toHaveCount(0)
    await expect(page.getByTestId('flow-name')).toHaveValue('Lazy migration: fetch legacy metadata')
    await page.getByTestId('playgrounds').click()
    await page.getByRole('menuitem', { name: 'Examples…' }).click()
    await page.getByTestId('example-roles-after-redirect').getByRole('button', { name: 'Open' }).click()
    await expect(page.getByTestId('flow-name')).toHaveValue('Roles added after a redirect')
    expect(await nodeNames(page)).toEqual(['Ask for a favorite color', 'Roles into tokens'])
    await page.getByTestId('playgrounds').click()
    await page.getByRole('menuitem', { name: /Lazy migration/ }).click()
    await expect(page.getByTestId('flow-name')).toHaveValue('Lazy migration: fetch legacy metadata')
    expect(await nodeNames(page)).toEqual(['Fetch legacy metadata', 'Plan into tokens'])
    // Deleting one can be undone.
    await page.getByTestId('playgrounds').click()
    await page.getByRole('button', { name: 'Delete Lazy migration: fetch legacy metadata' }).click()
    await expect(page.getByTestId('flow-name')).not.toHaveValue('Lazy migration: fetch legacy metadata')
    await page.getByTestId('deleted-notice').getByRole('button', { name: 'Undo' }).click()
    await expect(page.getByTestId('flow-name')).toHaveValue('Lazy migration: fetch legacy metadata')
  })
})

test('an exported flow file imports back as the same document; an invalid file is refused with the reason', async ({ page }) => {
  await page.goto('/?example=lazy-migration')
  await page.getByRole('button', { name: 'Menu' }).click()
  const downloading = page.waitForEvent('download')
  await page.getByRole('menuitem', { name: 'Export the flow file' }).click()
  const file = await (await downloading).path()
  const exported = JSON.parse(readFileSync(file, 'utf8'))
  const original = await storeDoc(page)
  const blank = (doc: typeof original) => ({ ...doc, actions: doc.actions.map((action) => ({ ...action, secrets: Object.fromEntries(Object.keys(action.secrets).map((name) => [name, ''])) })) })
  expect(exported).toEqual(blank(original))

  const importFile = async (files: Parameters<import('@playwright/test').FileChooser['setFiles']>[0]) => {
    await page.getByRole('button', { name: 'Menu' }).click()
    const choosing = page.waitForEvent('filechooser')
    await page.getByRole('menuitem', { name: 'Import a flow file…' }).click()
    await (await choosing).setFiles(files)
  }
  await importFile(file)
  await expect(page.getByTestId('notice')).toContainText('Opened')
  expect(await storeDoc(page)).toEqual(exported)
  expect(await page.evaluate(() => window.__playgroundStore!.getState().playgrounds.order.length)).toBeGreaterThanOrEqual(2)

  await importFile({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 1, "actions": [{"id": 3}]}') })
  await expect(page.getByTestId('notice')).toHaveAttribute('data-tone', 'error')
  await expect(page.getByTestId('notice')).toContainText('broken.json is not a flow document')
  await expect(page.getByTestId('notice')).toContainText('actions[0]')
})
