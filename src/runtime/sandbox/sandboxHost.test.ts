import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunResult } from '../../engine/types.ts'
import { librarySources } from '../libraries.ts'
import { contextBundleIn, libraryIn, sandboxFolder } from './bundle.ts'
import { ESCAPE_ATTEMPTS, PARENT_SECRET, escapeFlow } from './escapeAttempts.ts'
import { createSandboxHost, type SandboxHost } from './sandboxHost.ts'

// Layer 1 alone, in this process: its environment, files and network are all there to be found.
let host: SandboxHost
const crashes: string[] = []

beforeAll(() => {
  process.env[PARENT_SECRET.name] = PARENT_SECRET.value
  host = createSandboxHost(readFileSync(contextBundleIn(sandboxFolder()), 'utf8'), (detail) => crashes.push(detail))
})
afterAll(() => { delete process.env[PARENT_SECRET.name] })

/** With the libraries a runner would send (the Node shims, for a `require('fs')`). */
const run = async (code: string): Promise<RunResult> => {
  const doc = escapeFlow({ name: 'probe', code })
  const libraries = await librarySources(doc, async (name) => readFileSync(libraryIn(sandboxFolder(), name), 'utf8'))
  return host.serve({ kind: 'run', doc, options: {}, libraries }, () => {})
}

/** Source-map tools install one like this: sloppy-mode code that reads the error it formats. */
const sloppyHostFormatter = new Function('error', 'sites', 'return String(error.name) + sites.length') as (error: Error, sites: unknown[]) => string

describe('the sandbox context (layer 1, in-process)', () => {
  for (const attempt of ESCAPE_ATTEMPTS) {
    it(`fails ${attempt.name} with a clear error`, async () => {
      const hostFormatter = Error.prepareStackTrace
      Error.prepareStackTrace = sloppyHostFormatter
      const result = await run(attempt.code).finally(() => { Error.prepareStackTrace = hostFormatter })
      expect(result.status).toBe('failed')
      expect(result.error?.description).toMatch(attempt.error)
      expect(JSON.stringify(result)).not.toContain(PARENT_SECRET.value)
      expect(crashes).toEqual([])
    })
  }

  it('gives each run a fresh context whose import() is refused, however it is reached', async () => {
    const code = `globalThis.runs = (globalThis.runs ?? 0) + 1
exports.onExecutePostLogin = async () => {
  const reasons = await Promise.all([import('a'), (0, eval)("import('b')"), Function("return import('c')")()].map((pending) => pending.catch((reason) => typeof reason)))
  throw new Error(globalThis.runs + ' ' + reasons.join())
}`
    for (let i = 0; i < 3; i++) expect((await run(code)).error?.description).toBe('1 string,string,string')
  })

  it('gives the engine and action code the globals they use, built in the context', async () => {
    const result = await run(`exports.onExecutePostLogin = async (event, api) => {
  const seen = {}
  const url = new URL('/a b?x=1&y=two+words#h', 'https://user:pw@example.com:8443')
  url.searchParams.append('z', 'é&=')
  seen.url = [url.href, url.origin, url.searchParams.get('y'), [...url.searchParams.keys()].join()]
  url.pathname = '/c'
  seen.pathname = url.href
  seen.params = new URLSearchParams({ a: '1', b: 'two words' }).toString()
  seen.text = new TextDecoder().decode(new TextEncoder().encode('héllo ✓'))
  seen.base64 = [btoa('hi'), atob('aGk=')]
  const copy = structuredClone({ when: new Date(0), list: [1, { two: 2 }], map: new Map([['k', 'v']]) })
  seen.clone = [copy.when.toISOString(), JSON.stringify(copy.list), copy.map.get('k')]
  seen.random = [crypto.getRandomValues(new Uint8Array(8)).length, /^[0-9a-f-]{36}$/.test(crypto.randomUUID())]
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode('secret'), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  seen.hmac = Buffer.from(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode('data'))).toString('hex')
  seen.key = [key instanceof CryptoKey, key.algorithm.name, key.algorithm.hash.name, key.usages.join()]
  seen.headers = [...new Headers({ B: '2', a: '1' })].join(' ')
  seen.response = await new Response('{"ok":true}', { status: 201 }).json()
  seen.timers = await new Promise((resolve) => {
    const order = []
    setTimeout(() => { order.push('timeout'); resolve(order.join()) }, 5)
    setImmediate(() => order.push('immediate'))
    queueMicrotask(() => order.push('microtask'))
  })
  seen.interval = await new Promise((resolve) => { let n = 0; const id = setInterval(() => { if (++n === 3) { clearInterval(id); resolve(n) } }, 1) })
  seen.performance = typeof performance.now()
  seen.hostGlobals = ['process', 'require', 'Buffer', 'module'].map((name) => typeof globalThis[name])
  api.idToken.setCustomClaim('https://example.com/seen', seen)
}`)
    expect(result.status).toBe('completed')
    expect(result.idToken?.customClaims['https://example.com/seen']).toEqual({
      url: ['https://user:pw@example.com:8443/a%20b?x=1&y=two+words&z=%C3%A9%26%3D#h', 'https://example.com:8443', 'two words', 'x,y,z'],
      pathname: 'https://user:pw@example.com:8443/c?x=1&y=two+words&z=%C3%A9%26%3D#h',
      params: 'a=1&b=two+words',
      text: 'héllo ✓',
      base64: ['aGk=', 'hi'],
      clone: ['1970-01-01T00:00:00.000Z', '[1,{"two":2}]', 'v'],
      random: [8, true],
      hmac: '1b2c16b75bd2a870c114153ccda5bcfca63314bc722fa160d690de133ccbb9db',
      key: [true, 'HMAC', 'SHA-256', 'sign'],
      headers: 'a,1 b,2',
      response: { ok: true },
      timers: 'microtask,immediate,timeout',
      interval: 3,
      performance: 'number',
      hostGlobals: ['undefined', 'undefined', 'undefined', 'undefined'],
    })
  })
})
