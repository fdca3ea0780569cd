/** npm packages in the CLI's sandbox: the engine's loader inside a locked-down process's `vm` context. */
import { comparableResult } from '../engine/testing.ts'
import { generateKeyPairSync } from 'node:crypto'
import jwt from 'jsonwebtoken'
import { afterAll, describe, expect, it } from 'vitest'
import { createDefaultEvent } from '../triggers/post-login/defaultEvent.ts'
import type { FlowDocument } from '../engine/flowDocument.ts'
import { runFlow } from '../engine/index.ts'
import { packageFiles, PACKAGE_LIBRARIES } from './packages/testPackages.ts'
import { createNodeRunner } from './nodeRunner.ts'

const FIXED = { now: '2026-11-23T12:00:00Z', seed: 7 }
const runner = createNodeRunner()
afterAll(() => runner.dispose())

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
const JWKS_URL = 'https://partner.example.com/.well-known/jwks.json'

function flow(code: string, dependencies: string[]): FlowDocument {
  return {
    version: 1, trigger: 'post-login', name: 'packages',
    actions: [{ id: 'p', name: 'Partner token', code, enabled: true, secrets: { TOKEN: jwt.sign({ sub: 'partner|7' }, privateKey, { algorithm: 'RS256', keyid: 'k1' }) }, dependencies: dependencies.map((name) => ({ name, version: 'latest' })) }],
    event: createDefaultEvent(),
    mocks: { http: [{ method: 'GET', url: JWKS_URL, status: 200, body: { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig' }] }, headers: {} }] },
  }
}

describe('packages in the CLI sandbox', () => {
  it('verifies a partner JWT with jwks-rsa and jsonwebtoken, logs with debug, makes a uuid: the same result as in-process', async () => {
    const doc = flow(`
const jwt = require('jsonwebtoken')
const jwksClient = require('jwks-rsa')
const debug = require('debug')
const { v4: uuid } = require('uuid')
const log = debug('partner')
debug.enable('partner')
const client = jwksClient({ jwksUri: '${JWKS_URL}' })
exports.onExecutePostLogin = async (event, api) => {
  const { header } = jwt.decode(event.secrets.TOKEN, { complete: true })
  const key = await client.getSigningKey(header.kid)
  const claims = jwt.verify(event.secrets.TOKEN, key.getPublicKey(), { algorithms: ['RS256'] })
  log('verified %s', claims.sub)
  api.idToken.setCustomClaim('https://example.com/partner', claims.sub)
  api.idToken.setCustomClaim('https://example.com/request', uuid())
}`, ['jsonwebtoken', 'jwks-rsa', 'debug', 'uuid'])
    const packages = packageFiles('jsonwebtoken', 'jwks-rsa', 'debug', 'uuid')
    const inSandbox = await runner.run(doc, { ...FIXED, packages })
    const inProcess = await runFlow(doc, { ...FIXED, packages, libraries: PACKAGE_LIBRARIES })
    expect(inSandbox.error).toBeUndefined()
    expect(inSandbox.status).toBe('completed')
    expect(inSandbox.idToken?.customClaims['https://example.com/partner']).toBe('partner|7')
    expect(inSandbox.actions[0].logs.map((log) => log.message)).toEqual(['2026-11-23T12:00:00.000Z partner verified partner|7'])
    expect(inSandbox.http.map((exchange) => exchange.url)).toEqual([JWKS_URL])
    expect(comparableResult(inSandbox)).toEqual(comparableResult(inProcess))
  })

  it('fails a package that reads a file as it loads with a clear error, and the sandbox runs the next flow', async () => {
    const packages = { '/node_modules/reads-file/index.js': "module.exports = require('fs').readFileSync('/etc/passwd', 'utf8')" }
    const failed = await runner.run(flow("const text = require('reads-file'); exports.onExecutePostLogin = async () => {}", ['reads-file']), { ...FIXED, packages })
    expect(failed.status).toBe('failed')
    expect(failed.error?.description).toMatch(/^fs\.readFileSync\(\) is not available in the Actions Playground: actions have no file system/)
    const next = await runner.run(flow("exports.onExecutePostLogin = async (event, api) => { api.idToken.setCustomClaim('https://example.com/os', require('os').platform()) }", []), FIXED)
    expect(next.status).toBe('completed')
    expect(next.idToken?.customClaims).toEqual({ 'https://example.com/os': 'linux' })
  })
})
