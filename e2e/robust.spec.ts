/**
 * Input that is too big or too odd never breaks the page: huge values, huge flows, a million console lines,
 * an oversized playground, an empty signing secret, a link pasted into an open tab.
 */
import { expect, test, type Locator, type Page } from '@playwright/test'
import { createDefaultEvent } from '../src/engine/defaultEvent.ts'
import type { FlowDocument } from '../src/engine/flowDocument.ts'

/** A page answers a click within this, measured in the page (see `clickLatency`). */
const CLICK_BUDGET_MS = 100

declare global {
  interface Window {
    __clickLatency?: Promise<number>
  }
}

const runButton = (page: Page) => page.getByRole('button', { name: /Run|Running/ }).first()
const results = (page: Page) => page.getByRole('region', { name: 'Run results' })
const inspector = (page: Page) => page.getByRole('region', { name: 'Inspector' })

function flowDocument(name: string, codes: string[], event: Record<string, unknown> = createDefaultEvent()): FlowDocument {
  return {
    version: 1,
    trigger: 'post-login',
    name,
    actions: codes.map((code, index) => ({ id: `action-${index + 1}`, name: `Action ${index + 1}`, code, enabled: true, secrets: {} })),
    event,
    mocks: { http: [] },
  }
}

const handler = (body: string) => `exports.onExecutePostLogin = async (event, api) => {\n${body}\n};\n`

/** Opens a flow as a new playground the way a person would: Menu → Import a flow file…. */
async function importFlow(page: Page, doc: FlowDocument) {
  await page.getByRole('button', { name: 'Menu' }).click()
  const choosing = page.waitForEvent('filechooser')
  await page.getByRole('menuitem', { name: 'Import a flow file…' }).click()
  await (await choosing).setFiles({ name: 'big.flow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) })
  await expect(page.getByText(`Opened big.flow.json as a new playground.`)).toBeVisible({ timeout: 60_000 })
}

/**
 * How long the page takes to answer a click on `target`: from the click event's own time stamp (when the
 * browser made the event, so the time Playwright takes to deliver it does not count, while the time the
 * page's main thread keeps it waiting does) to the first frame after the tab named `tabName` is selected.
 */
async function tabClickLatency(page: Page, target: Locator, tabName: string): Promise<number> {
  await page.evaluate((name) => {
    window.__clickLatency = new Promise((resolve) => {
      addEventListener('click', (event) => {
        const start = event.timeStamp
        const selected = () => [...document.querySelectorAll('[role="tab"][aria-selected="true"]')].some((tab) => tab.textContent?.startsWith(name))
        const observer = new MutationObserver(() => {
          if (!selected()) return
          observer.disconnect()
          requestAnimationFrame(() => resolve(performance.now() - start))
        })
        observer.observe(document.body, { subtree: true, childList: true, attributes: true })
      }, { capture: true, once: true })
    })
  }, tabName)
  await target.click()
  return page.evaluate(() => window.__clickLatency!)
}

/** Switches between two inspector tabs a few times and returns the slowest answer. */
async function slowestTabSwitch(page: Page): Promise<number> {
  const latencies: number[] = []
  for (const name of ['HTTP mocks', 'Secrets', 'HTTP mocks', 'Secrets']) {
    latencies.push(await tabClickLatency(page, inspector(page).getByRole('tab', { name }), name))
  }
  return Math.max(...latencies)
}

/** Clicks between inspector tabs while the flow runs (it must still be running after them) and after it: the slowest answer of each. */
async function clickLatenciesDuringAndAfterRun(page: Page) {
  await inspector(page).getByRole('tab', { name: 'Secrets' }).click()
  await runButton(page).click()
  const running = results(page).getByText(/^Running/)
  await expect(running).toBeVisible()
  const during = await slowestTabSwitch(page)
  await expect(running, 'the clicks measured during the run were all made while it ran').toBeVisible()
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled({ timeout: 180_000 })
  return { during, after: await slowestTabSwitch(page) }
}

/** Busy for `ms` milliseconds, so that a run lasts long enough to click during it. */
const busy = (ms: number) => `const until = Date.now() + ${ms}; while (Date.now() < until) {}`

test('a 1,000-action flow runs with the page answering clicks within 100 ms, during the run and after it', async ({ page }) => {
  test.setTimeout(300_000)
  await page.goto('/')
  const codes = Array.from({ length: 1000 }, (_, index) => handler(`api.user.setAppMetadata("a${index}", ${index}); console.log("action ${index}"); ${busy(5)}`))
  await importFlow(page, flowDocument('A thousand actions', codes))
  await expect(page.getByRole('group', { name: /^Action 1, action 1 of 1000/ })).toBeVisible()

  const { during, after } = await clickLatenciesDuringAndAfterRun(page)
  console.log(`1,000 actions: slowest click ${during.toFixed(0)} ms during the run, ${after.toFixed(0)} ms after it`)
  expect(during).toBeLessThan(CLICK_BUDGET_MS)
  expect(after).toBeLessThan(CLICK_BUDGET_MS)
  await expect(results(page).getByText('Login completed')).toBeVisible()
  await expect(page.getByRole('group', { name: 'Action 1, action 1 of 1000, last run: ok' })).toBeVisible()
})

test('an action making 100,000 api calls keeps the page answering clicks within 100 ms; its timeline shows what is in view', async ({ page }) => {
  test.setTimeout(300_000)
  await page.goto('/')
  await importFlow(page, flowDocument('A hundred thousand calls', [handler(`for (let i = 0; i < 100000; i++) api.user.setAppMetadata("counter", i)\n${busy(3000)}`)]))

  const { during, after } = await clickLatenciesDuringAndAfterRun(page)
  console.log(`100,000 api calls: slowest click ${during.toFixed(0)} ms during the run, ${after.toFixed(0)} ms after it`)
  expect(during).toBeLessThan(CLICK_BUDGET_MS)
  expect(after).toBeLessThan(CLICK_BUDGET_MS)
  await expect(page.getByRole('group', { name: /Action 1, action 1 of 1, last run: ok/ })).toContainText('100000 metadata writes')

  const opened = await tabClickLatency(page, results(page).getByRole('tab', { name: /^Timeline/ }), 'Timeline')
  console.log(`100,000 api calls: the timeline opens in ${opened.toFixed(0)} ms`)
  await expect(results(page).getByText('100005 of 100005 entries')).toBeVisible()
  expect(await results(page).getByRole('listitem').count()).toBeLessThan(100)
})
