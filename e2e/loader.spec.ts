/**
 * The engine's CommonJS loader in the browser's sandbox (an opaque-origin iframe's worker, under its CSP): npm
 * packages handed to a run as files, the Node shims library fetched by the page, with the same result as in Node.
 * (Where the files come from in the app, the package CDN and its cache, is tested with that feature.)
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto'
import { comparableResult } from '../src/engine/testing.ts'
import { expect, test, type Page } from '@playwright/test'
import jwt from 'jsonwebtoken'
import { createDefaultEvent } from '../src/triggers/post-login/defaultEvent.ts'
import type { FlowDocument, HttpMock } from '../src/engine/flowDocument.ts'
import { runFlow } from '../src/engine/index.ts'
import type { ModuleFiles } from '../src/engine/packages/moduleFiles.ts'
import { packageFiles, PACKAGE_LIBRARIES } from '../src/runtime/packages/testPackages.ts'

const FIXED = { now: '2026-11-23T12:00:00Z', seed: 11 }
const jwtSign = (key: KeyObject) => jwt.sign({ sub: 'partner|3' }, key, { algorithm: 'RS256', keyid: 'p1', expiresIn: '10y' })

function flow(code: string, dependencies: string[], mocks: HttpMock[] = [], secrets: Record<string, string> = {}): FlowDocument {
  return {
    version: 1, trigger: 'post-login', name: 'loader',
    actions: [{ id: 'pkg', name: 'Packages', code, enabled: true, secrets, dependencies: dependencies.map((name) => ({ name, version: 'latest' })) }],
    event: createDefaultEvent(),
    mocks: { http: mocks },
  }
}

const run = (page: Page, doc: FlowDocument, packages: ModuleFiles) =>
  page.evaluate(([doc, options]) => window.__actionsPlayground!.run(doc, options), [doc, { ...FIXED, packages }] as const)

test.beforeEach(async ({ page }) => {
  await page.goto('/')
  await page.waitForFunction(() => window.__actionsPlayground !== undefined)
})

test('packages load and work in the browser sandbox as in Node: jsonwebtoken, ipaddr.js, @xmldom/xmldom + xpath, debug, uuid, lodash', async ({ page }) => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } })
  const names = ['jsonwebtoken', 'ipaddr.js', '@xmldom/xmldom', 'xpath', 'debug', 'uuid', 'lodash']
  const doc = flow(`
const jwt = require('jsonwebtoken')
const ipaddr = require('ipaddr.js')
const { DOMParser } = require('@xmldom/xmldom')
const xpath = require('xpath')
const debug = require('debug')
const { v4: uuid } = require('uuid')
const _ = require('lodash')
const log = debug('checks')
debug.enable('checks')
exports.onExecutePostLogin = async (event, api) => {
  const token = jwt.sign({ sub: event.user.user_id }, event.secrets.PRIVATE, { algorithm: 'RS256' })
  const claims = jwt.verify(token, event.secrets.PUBLIC)
  const inRange = ipaddr.process('10.1.2.3').match(ipaddr.parseCIDR('10.0.0.0/8'))
  const xml = new DOMParser().parseFromString('<r xmlns:c="urn:c"><c:tier>gold</c:tier></r>', 'text/xml')
  const tier = xpath.useNamespaces({ c: 'urn:c' })('string(//c:tier)', xml)
  log('user %s tier %s', claims.sub, tier)
  api.idToken.setCustomClaim('https://example.com/checks', { sub: claims.sub, inRange, tier, id: uuid(), chunks: _.chunk([1, 2, 3], 2), hs: jwt.sign({ a: 1 }, 'k') })
}`, names, [], { PRIVATE: privateKey, PUBLIC: publicKey })
  const packages = packageFiles(...names)
  const inBrowser = await run(page, doc, packages)
  expect(inBrowser.error).toBeUndefined()
  expect(inBrowser.status).toBe('completed')
  expect(inBrowser.actions[0].logs.map((entry) => entry.message)).toEqual([`2026-11-23T12:00:00.000Z checks user ${(createDefaultEvent() as { user: { user_id: string } }).user.user_id} tier gold`])
  const inNode = await runFlow(doc, { ...FIXED, packages, libraries: PACKAGE_LIBRARIES })
  expect(comparableResult(inBrowser)).toEqual(comparableResult(inNode))
})

test('https.request from a package is answered by a mock and refused without one; fs at load time fails clearly and the next run is fine', async ({ page }) => {
  const packages: ModuleFiles = {
    '/node_modules/crm/index.js': `const https = require('https')
module.exports = (url) => new Promise((resolve, reject) => https.get(url, (response) => { let text = ''; response.on('data', (chunk) => { text += chunk }); response.on('end', () => resolve(response.statusCode + ' ' + text)) }).on('error', reject))`,
    '/node_modules/reads-file/index.js': "module.exports = require('fs').readFileSync('/etc/hosts', 'utf8')",
  }
  const code = "const crm = require('crm')\nexports.onExecutePostLogin = async (event, api) => { api.idToken.setCustomClaim('https://example.com/crm', await crm('https://crm.example.com/tier')) }"
  const answered = await run(page, flow(code, ['crm'], [{ method: 'GET', url: 'https://crm.example.com/tier', status: 200, body: 'gold', headers: {} }]), packages)
  expect(answered.idToken?.customClaims).toEqual({ 'https://example.com/crm': '200 gold' })
  expect(answered.timeline.filter((entry) => entry.kind === 'http').map((entry) => entry.call)).toEqual(['GET https://crm.example.com/tier'])
  const refused = await run(page, flow(code, ['crm']), packages)
  expect(refused.error?.description).toBe('No HTTP mock answers GET https://crm.example.com/tier. Add one under HTTP mocks (method, URL, status, body).')
  const readsFile = await run(page, flow("require('reads-file')\nexports.onExecutePostLogin = async () => {}", ['reads-file']), packages)
  expect(readsFile.error?.description).toMatch(/^fs\.readFileSync\(\) is not available in the Actions Playground: actions have no file system/)
  const next = await run(page, flow("exports.onExecutePostLogin = async (event, api) => { api.idToken.setCustomClaim('https://example.com/path', require('path').join('/a', 'b')) }", []), {})
  expect(next.idToken?.customClaims).toEqual({ 'https://example.com/path': '/a/b' })
})

test('a partner JWT verified with jwks-rsa (its JWKS answered by a mock) and jose, on the WebCrypto subset the sandbox gets, as in Node', async ({ page }) => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const token = jwtSign(privateKey)
  const jwksUrl = 'https://partner.example.com/.well-known/jwks.json'
  const doc = flow(`
const jwt = require('jsonwebtoken')
const jose = require('jose')
const client = require('jwks-rsa')({ jwksUri: '${jwksUrl}' })
exports.onExecutePostLogin = async (event, api) => {
  const { header } = jwt.decode(event.secrets.TOKEN, { complete: true })
  const key = await client.getSigningKey(header.kid)
  const claims = jwt.verify(event.secrets.TOKEN, key.getPublicKey(), { algorithms: ['RS256'] })
  const { payload } = await jose.jwtVerify(event.secrets.TOKEN, jose.createLocalJWKSet(await (await fetch('${jwksUrl}')).json()))
  api.idToken.setCustomClaim('https://example.com/partner', [claims.sub, payload.sub])
}`, ['jsonwebtoken', 'jose', 'jwks-rsa'], [{ method: 'GET', url: jwksUrl, status: 200, body: { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'p1', use: 'sig' }] }, headers: {} }], { TOKEN: token })
  const packages = packageFiles('jsonwebtoken', 'jose', 'jwks-rsa')
  const inBrowser = await run(page, doc, packages)
  expect(inBrowser.error).toBeUndefined()
  expect(inBrowser.idToken?.customClaims).toEqual({ 'https://example.com/partner': ['partner|3', 'partner|3'] })
  const inNode = await runFlow(doc, { ...FIXED, packages, libraries: PACKAGE_LIBRARIES })
  expect(comparableResult(inBrowser)).toEqual(comparableResult(inNode))
})

test("auth0's ManagementClient (2,000 files) runs in the sandbox: it finds Node as it loads, and gets a token and a user through mocks", async ({ page }) => {
  const doc = flow(`
const { ManagementClient } = require('auth0')
exports.onExecutePostLogin = async (event, api) => {
  const management = new ManagementClient({ domain: 'tenant.auth0.com', clientId: 'id', clientSecret: event.secrets.CLIENT_SECRET })
  const user = await management.users.get(event.user.user_id)
  api.idToken.setCustomClaim('https://example.com/email', user.email)
}`, ['auth0'], [
    { method: 'POST', url: 'https://tenant.auth0.com/oauth/token', status: 200, body: { access_token: 'token', expires_in: 86400, token_type: 'Bearer' }, headers: {} },
    { method: 'GET', url: 'https://tenant.auth0.com/api/v2/users/*', status: 200, body: { user_id: 'auth0|1', email: 'ada@example.com' }, headers: {} },
  ], { CLIENT_SECRET: 'shh' })
  const packages = packageFiles('auth0')
  const inBrowser = await run(page, doc, packages)
  expect(inBrowser.error).toBeUndefined()
  expect(inBrowser.idToken?.customClaims).toEqual({ 'https://example.com/email': 'ada@example.com' })
  expect(inBrowser.http.map((exchange) => `${exchange.method} ${exchange.url}`)).toEqual(['POST https://tenant.auth0.com/oauth/token', expect.stringMatching(/^GET https:\/\/tenant\.auth0\.com\/api\/v2\/users\//)])
  const inNode = await runFlow(doc, { ...FIXED, packages, libraries: PACKAGE_LIBRARIES })
  expect(comparableResult(inBrowser)).toEqual(comparableResult(inNode))
})
