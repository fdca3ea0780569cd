/**
 * The example flows whose actions require npm packages (src/examples/packageFlows.ts) run in the app's browser
 * sandbox (packages from the curated offline set) as in the CLI's sandbox (packages from this project's
 * node_modules): for the document as written and for each of its tests' events, the same status, claims, logs,
 * HTTP exchanges and Management API changes. The browser's result must also pass the flow's own test.
 * Needs `npm run build:cli` (dist-cli/cli.mjs) and `npx vite build`.
 */
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { expect, test, type Page } from '@playwright/test'
import { matchExpectation } from '../src/engine/expectation.ts'
import type { FlowDocument } from '../src/engine/flowDocument.ts'
import { mergeEvent, type FlowTest } from '../src/engine/flowTests.ts'
import type { JsonValue, RunResult } from '../src/engine/types.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const CLI = join(ROOT, 'dist-cli/cli.mjs')
const SLUGS = ['partner-jwt-jwks', 'link-accounts-auth0-sdk', 'default-role-first-login', 'corporate-ip-range', 'soap-entitlements', 'debug-logging']
const NOW = '2026-11-23T12:00:00Z'
const SEED = 7

/** A variant of a flow: the document as written, or one of its tests (event merged in, its clock). */
interface Variant { name: string; doc: FlowDocument; now: string; test?: FlowTest }

function variants(slug: string): Variant[] {
  const { tests = [], ...doc } = JSON.parse(readFileSync(join(ROOT, `src/examples/flows/${slug}.json`), 'utf8')) as FlowDocument
  return [
    { name: 'as written', doc, now: NOW },
    ...tests.filter((item) => !item.continue).map((item) => ({
      name: item.name, doc: { ...doc, event: mergeEvent(doc.event, item.event) }, now: item.now ?? NOW, test: item,
    })),
  ]
}

/** `actions-playground run <file> --json` in its own process; the flow file sits in the repo so packages resolve from its node_modules. */
async function runInCli(doc: FlowDocument, now: string): Promise<RunResult> {
  mkdirSync(join(ROOT, 'test-results'), { recursive: true })
  const dir = mkdtempSync(join(ROOT, 'test-results/package-examples-'))
  const file = join(dir, 'flow.json')
  writeFileSync(file, JSON.stringify(doc))
  const { stdout } = await promisify(execFile)(process.execPath, [CLI, 'run', file, '--json', '--now', now, '--seed', String(SEED)], { cwd: ROOT, maxBuffer: 32 * 1024 * 1024 })
  return JSON.parse(stdout) as RunResult
}

const runInBrowser = (page: Page, doc: FlowDocument, now: string) =>
  page.evaluate(([doc, options]) => window.__actionsPlayground!.run(doc, options), [doc, { now, seed: SEED }] as const)

/** What both sandboxes must agree on (token signatures, timings and ids of the page's own are left out). */
function keyResults(result: RunResult) {
  const r = result as unknown as Record<string, any>
  return {
    status: r.status,
    error: r.error ?? null,
    actions: r.actions.map((action: Record<string, any>) => ({ status: action.status, logs: action.logs.map((entry: Record<string, any>) => `${entry.level}: ${entry.message}`) })),
    idTokenClaims: r.idToken?.customClaims ?? null,
    accessTokenClaims: r.accessToken?.customClaims ?? null,
    subject: r.idToken?.claims?.sub ?? null,
    http: r.http.map((exchange: Record<string, any>) => ({ method: exchange.method, url: exchange.url, status: exchange.status, mock: exchange.mock, standIn: exchange.standIn ?? null })),
    managementApiChanges: r.managementApi?.changes ?? null,
    primaryUser: r.authentication?.primaryUser ?? null,
    mfa: r.mfa ?? null,
    warnings: r.warnings,
  }
}

test.beforeEach(async ({ page }) => {
  await page.goto('/')
  await page.waitForFunction(() => window.__actionsPlayground !== undefined)
})

for (const slug of SLUGS) {
  test(`the ${slug} example gives the same results in the browser as in the CLI`, async ({ page }) => {
    test.setTimeout(120_000)
    for (const variant of variants(slug)) {
      const [inBrowser, inCli] = [await runInBrowser(page, variant.doc, variant.now), await runInCli(variant.doc, variant.now)]
      expect.soft(keyResults(inBrowser), `${slug} › ${variant.name}: browser vs CLI`).toEqual(keyResults(inCli))
      if (variant.test) {
        const mismatches = matchExpectation(variant.test.expect as JsonValue, inBrowser)
        expect.soft(mismatches, `${slug} › ${variant.name}: the flow's test, in the browser`).toEqual([])
      }
    }
  })
}
