import { expect, test } from '@playwright/test'
import { createDefaultEvent } from '../src/engine/defaultEvent.ts'
import type { FlowDocument } from '../src/engine/flowDocument.ts'
import type { ProgressEvent, RunResult } from '../src/engine/index.ts'

function flow(name: string, code: string): FlowDocument {
  return {
    version: 1,
    trigger: 'post-login',
    name,
    actions: [
      { id: 'probe', name: 'Probe', code, enabled: true, secrets: {} },
      { id: 'after', name: 'After', code: 'exports.onExecutePostLogin = async () => {}', enabled: true, secrets: {} },
    ],
    event: createDefaultEvent(),
    mocks: { http: [] },
  }
}

type TestWindow = { __pending?: Promise<RunResult>; __settled?: boolean; __events?: ProgressEvent[]; __clicks?: number }

const ESCAPES = ['XMLHttpRequest', 'WebSocket', 'EventSource', 'importScripts', 'indexedDB', 'caches', 'Worker', 'SharedWorker', 'BroadcastChannel', 'WebTransport', 'fetch']

const HOSTILE = `
exports.onExecutePostLogin = async (event, api) => {
  const probes = {}
  const attempt = async (label, escape) => {
    try { probes[label] = 'GOT ' + Object.prototype.toString.call(await escape()) }
    catch (error) { probes[label] = 'error: ' + (error && error.message) }
  }
  await attempt('XMLHttpRequest', () => { const xhr = new XMLHttpRequest(); xhr.open('GET', 'https://example.com/xhr'); xhr.send(); return xhr })
  await attempt('WebSocket', () => new WebSocket('wss://example.com/socket'))
  await attempt('EventSource', () => new EventSource('https://example.com/events'))
  await attempt('importScripts', () => importScripts('https://example.com/classic.js'))
  await attempt('indexedDB', () => indexedDB.open('playground'))
  await attempt('caches', () => caches.open('playground'))
  await attempt('Worker', () => new Worker('data:text/javascript,postMessage(1)'))
  await attempt('BroadcastChannel', () => new BroadcastChannel('playground'))
  const names = ${JSON.stringify(ESCAPES)}
  let depth = 0
  for (let proto = Object.getPrototypeOf(globalThis); proto; proto = Object.getPrototypeOf(proto)) {
    depth++
    for (const name of names) {
      const found = Object.getOwnPropertyDescriptor(proto, name)
      if (found) probes['prototype ' + depth + ' ' + name] = 'GOT ' + typeof (found.value ?? found.get)
    }
  }
  probes.prototypeDepth = depth
  await attempt('self.fetch', async () => (await self.fetch('https://example.com/unmocked')).status)
  await attempt('import', () => import('https://example.com/module.js'))
  api.idToken.setCustomClaim('https://example.com/probes', probes)
}`

test('action code in the engine worker cannot reach the network or the page\'s storage', async ({ page, context }) => {
  const escaped: string[] = []
  // Answered, so that anything that did get through would succeed and show up here.
  await context.route('https://example.com/**', (route) => {
    escaped.push(route.request().url())
    return route.fulfill({ status: 200, contentType: 'text/javascript', headers: { 'access-control-allow-origin': '*' }, body: 'export const escaped = true; postMessage?.("escaped")' })
  })
  const workerScript = page.waitForResponse((response) => /engineWorker/.test(response.url()))
  await page.goto('/')
  const engineWorkers = () => page.workers().filter((worker) => /engineWorker/.test(worker.url()))
  expect(engineWorkers(), 'the worker starts on the first run, not with the page').toHaveLength(0)

  const result = await page.evaluate((doc) => window.__actionsPlayground!.run(doc), flow('hostile', HOSTILE))
  expect(engineWorkers()).toHaveLength(1)
  expect(result.status, JSON.stringify(result.error)).toBe('completed')
  const probes = result.idToken!.customClaims['https://example.com/probes'] as Record<string, string | number>

  const blocked = (name: string) => `error: ${name} is not available in the Actions Playground: actions reach the network only through fetch or axios, answered from the flow's HTTP mocks.`
  for (const name of ['XMLHttpRequest', 'WebSocket', 'EventSource', 'importScripts', 'indexedDB', 'caches', 'Worker', 'BroadcastChannel']) {
    expect(probes[name], name).toBe(blocked(name))
  }
  // DedicatedWorkerGlobalScope.prototype, WorkerGlobalScope.prototype, EventTarget.prototype, Object.prototype.
  expect(probes.prototypeDepth).toBeGreaterThanOrEqual(4)
  expect(Object.keys(probes).filter((key) => key.startsWith('prototype '))).toEqual([])
  expect(probes['self.fetch']).toBe('error: fetch failed: No HTTP mock answers GET https://example.com/unmocked. Add one under HTTP mocks (method, URL, status, body).')
  expect(probes.import).toMatch(/^error: /)
  expect(result.http).toEqual([expect.objectContaining({ url: 'https://example.com/unmocked', mock: null })])
  expect(escaped).toEqual([])

  const csp = (await workerScript).headers()['content-security-policy']
  expect(csp).toContain("connect-src 'none'")
  expect(csp).toContain("script-src 'self' 'unsafe-eval'")
})

test('an endless loop ends at the time limit without freezing the page, and the next run completes', async ({ page }) => {
  await page.goto('/')
  await page.evaluate((doc) => {
    const w = window as unknown as TestWindow
    w.__events = []
    w.__clicks = 0
    document.addEventListener('click', () => { w.__clicks!++ })
    w.__pending = window.__actionsPlayground!.run(doc, { timeLimitMs: 1500, onProgress: (event) => w.__events!.push(event) })
    void w.__pending.then(() => { w.__settled = true })
  }, flow('loop', 'exports.onExecutePostLogin = async () => { console.log("about to loop"); while (true) {} }'))
  const started = Date.now()

  await page.waitForFunction(() => (window as unknown as TestWindow).__events!.some((event) => event.type === 'action' && event.status === 'running'))
  // The loop is running in the worker: the page still takes input and renders frames.
  await page.getByTestId('app-title').click()
  const frame = await page.evaluate(() => new Promise<boolean>((resolve) => requestAnimationFrame(() => resolve(true))))
  const state = await page.evaluate(() => ({ clicks: (window as unknown as TestWindow).__clicks, settled: (window as unknown as TestWindow).__settled ?? false }))
  expect(frame).toBe(true)
  expect(state).toEqual({ clicks: 1, settled: false })

  const result = await page.evaluate(() => (window as unknown as TestWindow).__pending!)
  const elapsed = Date.now() - started
  expect(elapsed).toBeLessThan(6000)
  expect(result.status).toBe('failed')
  expect(result.error).toEqual({ code: 'access_denied', description: 'Request to Webtask exceeded allowed execution time', timeout: true, action: 'Probe' })
  expect(result.actions.map((action) => action.status)).toEqual(['failed', 'skipped'])
  expect(result.actions[0].error?.message).toContain('time limit of 1.5 s')
  expect(result.actions[0].logs.map((log) => log.message)).toEqual(['about to loop'])

  const next = await page.evaluate((doc) => window.__actionsPlayground!.run(doc),
    flow('after the loop', 'exports.onExecutePostLogin = async (event, api) => { api.idToken.setCustomClaim("https://example.com/ok", true) }'))
  expect(next.status).toBe('completed')
  expect(next.idToken?.customClaims).toEqual({ 'https://example.com/ok': true })
})

test('a rejection nobody handles fails the run, as in Node, and the next run completes', async ({ page }) => {
  await page.goto('/')
  const result = await page.evaluate((doc) => window.__actionsPlayground!.run(doc),
    flow('unhandled', 'exports.onExecutePostLogin = async () => { Promise.reject(new Error("nobody handles me")); await new Promise((resolve) => setTimeout(resolve, 50)) }'))
  expect(result.status).toBe('failed')
  expect(result.error).toEqual({ code: 'access_denied', description: 'The engine worker crashed while the flow was running: Uncaught Error: nobody handles me', action: 'Probe' })
  expect(result.actions.map((action) => action.status)).toEqual(['failed', 'skipped'])

  const next = await page.evaluate((doc) => window.__actionsPlayground!.run(doc), flow('after the crash', 'exports.onExecutePostLogin = async () => {}'))
  expect(next.status).toBe('completed')
})
