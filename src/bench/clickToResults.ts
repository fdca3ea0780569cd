/**
 * In Chromium against the built app on the e2e suite's static server: the time from a click on Run to the status
 * banner of the finished run, for a flow of 20 actions making 50 api calls each. The flow arrives as a share link;
 * a first run warms the engine; the figure is the median of the next runs, measured inside the page.
 */
import { chromium } from '@playwright/test'
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { encodeShareLink } from '../engine/shareCodec.ts'
import { createDefaultEvent } from '../triggers/post-login/defaultEvent.ts'
import type { FlowDocument } from '../engine/flowDocument.ts'
import { median } from './engineBench.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const PORT = 4391
const CHROMIUM = '/usr/bin/chromium'

function flow(actions: number, calls: number): FlowDocument {
  const body = Array.from({ length: calls }, (_, i) => `  api.accessToken.setCustomClaim("https://bench.example.com/c${i}", event.user.email);`).join('\n')
  return {
    version: 1, trigger: 'post-login', name: 'click to results',
    actions: Array.from({ length: actions }, (_, i) => ({ id: `a${i}`, name: `Action ${i}`, code: `exports.onExecutePostLogin = async (event, api) => {\n${body}\n};\n`, enabled: true, secrets: {} })),
    event: createDefaultEvent(), mocks: { http: [] },
  }
}

/**
 * Clicks Run and resolves with the milliseconds until the finished run's banner appears: a new element, or the same
 * one given a new status. A string, so the page gets it as written (tsx would add helpers the page lacks).
 */
const CLICK_AND_WAIT = `new Promise((resolve) => {
  const button = [...document.querySelectorAll('button')].find((candidate) => candidate.textContent.replace('▶', '').trim() === 'Run')
  const finished = (node) => node instanceof Element && [node, ...node.querySelectorAll('[data-status]')]
    .some((element) => element.getAttribute('data-testid') === 'status-banner' && element.getAttribute('data-status') !== 'running')
  const observer = new MutationObserver((records) => {
    const done = records.some((record) => (record.type === 'attributes' ? finished(record.target) : [...record.addedNodes].some(finished)))
    if (done) { observer.disconnect(); resolve(performance.now() - start) }
  })
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] })
  const start = performance.now()
  button.click()
})`

/** Milliseconds, or null when there is no build to serve. */
export async function clickToResults(runs = 7): Promise<number | null> {
  if (!existsSync(`${ROOT}dist/index.html`)) return null
  const server = spawn(process.execPath, ['e2e/serve.mjs', 'dist', String(PORT)], { cwd: ROOT, stdio: 'ignore' })
  const browser = await chromium.launch({ executablePath: existsSync(CHROMIUM) ? CHROMIUM : undefined, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    for (let attempt = 0; ; attempt++) {
      try { await page.goto(`http://localhost:${PORT}/#${encodeShareLink(flow(20, 50))}`); break } catch (error) {
        if (attempt > 20) throw error
        await new Promise((resolve) => setTimeout(resolve, 250))
      }
    }
    const run = page.getByRole('button', { name: 'Run', exact: true })
    await run.waitFor()
    const samples: number[] = []
    for (let i = 0; i <= runs; i++) {
      const ms = await page.evaluate(CLICK_AND_WAIT) as number
      if (i > 0) samples.push(ms)
      await page.waitForTimeout(100)
    }
    return median(samples)
  } finally {
    await browser.close()
    server.kill()
  }
}
