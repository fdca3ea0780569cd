/**
 * The packages real Actions use most, from this checkout's node_modules, loaded by the engine's own loader in a
 * flow run (in-process) and checked against what the same packages do in Node.
 */
import { generateKeyPairSync } from 'node:crypto'
import { gunzipSync, inflateRawSync, deflateRawSync } from 'node:zlib'
import nodeJwt from 'jsonwebtoken'
import { v5 as nodeUuidV5 } from 'uuid'
import { describe, expect, it } from 'vitest'
import type { HttpMock } from '../flowDocument.ts'
import { runFlow } from '../pipeline.ts'
import { findProblems } from '../problems.ts'
import { onExecute, testFlow } from '../testing.ts'
import type { RunResult } from '../types.ts'
import type { ModuleFiles } from './moduleFiles.ts'
import { packageFiles, PACKAGE_LIBRARIES } from '../../runtime/packages/testPackages.ts'

const NOW = '2026-01-01T00:00:00Z'
const NOW_SECONDS = Date.parse(NOW) / 1000

interface Case { packages?: string[]; files?: ModuleFiles; mocks?: HttpMock[]; modules?: Record<string, string>; secrets?: Record<string, string> }

async function run(body: string, { packages = [], files, mocks = [], modules, secrets = {} }: Case = {}): Promise<RunResult & { logs: string[] }> {
  const doc = testFlow([{ code: onExecute(body), secrets }], { mocks })
  doc.actions[0].dependencies = packages.map((name) => ({ name, version: 'latest' }))
  if (modules) doc.mocks.modules = modules
  const result = await runFlow(doc, { packages: files ?? packageFiles(...packages), libraries: PACKAGE_LIBRARIES, now: NOW, seed: 3 })
  return Object.assign(result, { logs: result.actions[0].logs.map((log) => `${log.level}: ${log.message}`) })
}

describe('curated packages in an action', () => {
  it('jsonwebtoken signs and verifies HS256 and RS256 tokens byte for byte as in Node', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } })
    const result = await run(`
      const jwt = require('jsonwebtoken')
      const hs = jwt.sign({ sub: 'auth0|1', role: 'admin' }, event.secrets.HMAC, { expiresIn: '1h', audience: 'partner' })
      const rs = jwt.sign({ sub: 'auth0|1' }, event.secrets.PRIVATE, { algorithm: 'RS256', keyid: 'k1' })
      console.log(hs)
      console.log(rs)
      console.log(JSON.stringify(jwt.verify(hs, event.secrets.HMAC, { audience: 'partner' })), jwt.verify(rs, event.secrets.PUBLIC).sub)
      try { jwt.verify(hs, 'wrong') } catch (error) { console.log(error.name, error.message) }
      try { jwt.verify(hs, event.secrets.HMAC, { audience: 'other' }) } catch (error) { console.log(error.name, error.message) }`,
    { packages: ['jsonwebtoken'], secrets: { HMAC: 'shared-secret', PRIVATE: privateKey, PUBLIC: publicKey } })
    expect(result.status).toBe('completed')
    const expectedHs = nodeJwt.sign({ sub: 'auth0|1', role: 'admin', iat: NOW_SECONDS }, 'shared-secret', { expiresIn: '1h', audience: 'partner' })
    const expectedRs = nodeJwt.sign({ sub: 'auth0|1', iat: NOW_SECONDS }, privateKey, { algorithm: 'RS256', keyid: 'k1' })
    expect(result.logs).toEqual([
      `log: ${expectedHs}`,
      `log: ${expectedRs}`,
      `log: {"sub":"auth0|1","role":"admin","iat":${NOW_SECONDS},"exp":${NOW_SECONDS + 3600},"aud":"partner"} auth0|1`,
      'log: JsonWebTokenError invalid signature',
      'log: JsonWebTokenError jwt audience invalid. expected: other',
    ])
  })

  it('jwks-rsa fetches the partner\'s JWKS through https.request, answered by a mock, and jsonwebtoken verifies with its key', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'partner-1', use: 'sig', alg: 'RS256' }
    const token = nodeJwt.sign({ sub: 'auth0|1', iss: 'https://partner.example.com/' }, privateKey, { algorithm: 'RS256', keyid: 'partner-1' })
    const code = `
      const jwt = require('jsonwebtoken')
      const jwksClient = require('jwks-rsa')
      const client = jwksClient({ jwksUri: 'https://partner.example.com/.well-known/jwks.json', cache: true })
      const decoded = jwt.decode(event.secrets.TOKEN, { complete: true })
      const key = await client.getSigningKey(decoded.header.kid)
      const claims = jwt.verify(event.secrets.TOKEN, key.getPublicKey(), { algorithms: ['RS256'], issuer: 'https://partner.example.com/' })
      api.idToken.setCustomClaim('https://example.com/partner_sub', claims.sub)`
    const jwks: HttpMock = { method: 'GET', url: 'https://partner.example.com/.well-known/jwks.json', status: 200, body: { keys: [jwk] }, headers: {} }
    const answered = await run(code, { packages: ['jsonwebtoken', 'jwks-rsa'], mocks: [jwks], secrets: { TOKEN: token } })
    expect(answered.status).toBe('completed')
    expect(answered.idToken?.customClaims).toEqual({ 'https://example.com/partner_sub': 'auth0|1' })
    expect(answered.http).toEqual([expect.objectContaining({ method: 'GET', url: jwks.url, mock: 0, status: 200 })])
    expect(answered.timeline.filter((entry) => entry.kind === 'http').map((entry) => entry.call)).toEqual([`GET ${jwks.url}`])

    const refused = await run(code, { packages: ['jsonwebtoken', 'jwks-rsa'], secrets: { TOKEN: token } })
    expect(refused.status).toBe('failed')
    expect(refused.error?.description).toBe(`No HTTP mock answers GET ${jwks.url}. Add one under HTTP mocks (method, URL, status, body).`)
    expect(refused.http).toEqual([expect.objectContaining({ url: jwks.url, mock: null, status: null })])
  })

  it('ipaddr.js checks an address against allowed ranges', async () => {
    const result = await run(`
      const ipaddr = require('ipaddr.js')
      const ranges = ['10.0.0.0/8', '2001:db8::/32'].map((range) => ipaddr.parseCIDR(range))
      for (const ip of ['10.20.30.40', '192.168.1.1', '2001:db8::1', '::ffff:10.1.1.1']) {
        const address = ipaddr.process(ip)
        console.log(ip, address.kind(), ranges.some((range) => address.kind() === range[0].kind() && address.match(range)))
      }`, { packages: ['ipaddr.js'] })
    expect(result.logs).toEqual(['log: 10.20.30.40 ipv4 true', 'log: 192.168.1.1 ipv4 false', 'log: 2001:db8::1 ipv6 true', 'log: ::ffff:10.1.1.1 ipv4 true'])
  })

  it('@xmldom/xmldom and xpath read a SOAP response', async () => {
    const soap = `<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
      <m:GetUserResponse xmlns:m="urn:crm"><m:Tier>gold</m:Tier><m:Groups><m:Group>sales</m:Group><m:Group>emea</m:Group></m:Groups></m:GetUserResponse>
      </soap:Body></soap:Envelope>`
    const result = await run(`
      const { DOMParser } = require('@xmldom/xmldom')
      const xpath = require('xpath')
      const response = await fetch('https://crm.example.com/soap', { method: 'POST', body: '<request/>' })
      const doc = new DOMParser().parseFromString(await response.text(), 'text/xml')
      const select = xpath.useNamespaces({ soap: 'http://schemas.xmlsoap.org/soap/envelope/', m: 'urn:crm' })
      console.log(select('string(//m:Tier)', doc), select('//m:Group/text()', doc).map(String).join(','))`,
    { packages: ['@xmldom/xmldom', 'xpath'], mocks: [{ method: 'POST', url: 'https://crm.example.com/soap', status: 200, body: soap, headers: { 'content-type': 'text/xml' } }] })
    expect(result.logs).toEqual(['log: gold sales,emea'])
  })

  it('debug writes to stderr as in Node, which is the action\'s console (error level), for the namespaces enabled', async () => {
    const result = await run(`
      const debug = require('debug')
      const log = debug('partner:verify')
      log('not enabled yet')
      debug.enable('partner:*')
      log('checking %s for %o', 'auth0|1', { tier: 'gold' })
      debug('other')('not enabled')`, { packages: ['debug'] })
    expect(result.logs).toEqual(["error: 2026-01-01T00:00:00.000Z partner:verify checking auth0|1 for { tier: 'gold' }"])
  })

  it('uuid makes v4 ids from the run\'s seeded randomness and v5 ids as in Node', async () => {
    const body = "const { v4, v5, validate, version } = require('uuid'); const id = v4(); console.log(id, validate(id), version(id), v5('user@example.com', v5.DNS))"
    const [first, second] = [await run(body, { packages: ['uuid'] }), await run(body, { packages: ['uuid'] })]
    expect(first.logs).toEqual(second.logs)
    expect(first.logs[0]).toMatch(new RegExp(`^log: [\\da-f-]{36} true 4 ${nodeUuidV5('user@example.com', nodeUuidV5.DNS)}$`))
  })

  it('lodash, with its many files, loads once per action', async () => {
    const result = await run(`
      const _ = require('lodash'); const get = require('lodash/get')
      console.log(_.get({ a: [{ b: 3 }] }, 'a[0].b'), get === _.get, JSON.stringify(_.merge({ a: { b: 1 } }, { a: { c: 2 } })), _.chunk([1, 2, 3], 2).length)`,
    { packages: ['lodash'] })
    expect(result.logs).toEqual(['log: 3 false {"a":{"b":1,"c":2}} 2'])
  })

  it('jose (ES modules only) signs and verifies a JWT', async () => {
    const result = await run(`
      const { SignJWT, jwtVerify, decodeProtectedHeader } = require('jose')
      const key = new TextEncoder().encode(event.secrets.KEY)
      const token = await new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime('2h').sign(key)
      const { payload } = await jwtVerify(token, key)
      console.log(decodeProtectedHeader(token).alg, payload.role, payload.exp - payload.iat)`,
    { packages: ['jose'], secrets: { KEY: 'a-secret-of-at-least-32-bytes-long!' } })
    expect(result.logs).toEqual(['log: HS256 admin 7200'])
  })

  it('auth0\'s ManagementClient gets a token and a user through fetch, answered by mocks', async () => {
    const result = await run(`
      const { ManagementClient } = require('auth0')
      const management = new ManagementClient({ domain: 'tenant.auth0.com', clientId: 'id', clientSecret: event.secrets.CLIENT_SECRET })
      const user = await management.users.get(event.user.user_id)
      console.log(user.email)`, {
      packages: ['auth0'], secrets: { CLIENT_SECRET: 'shh' },
      mocks: [
        { method: 'POST', url: 'https://tenant.auth0.com/oauth/token', status: 200, body: { access_token: 'token', expires_in: 86400, token_type: 'Bearer' }, headers: {} },
        { method: 'GET', url: 'https://tenant.auth0.com/api/v2/users/*', status: 200, body: { user_id: 'auth0|1', email: 'ada@example.com' }, headers: {} },
      ],
    })
    expect(result.status).toBe('completed')
    expect(result.logs).toEqual(['log: ada@example.com'])
    expect(result.http.map((exchange) => `${exchange.method} ${exchange.url}`)).toEqual(['POST https://tenant.auth0.com/oauth/token', 'GET https://tenant.auth0.com/api/v2/users/auth0%7C5f7c8ec7c33c6c004bbafe82'])
  })
})

describe('Node\'s network and file modules in packages', () => {
  const files: ModuleFiles = {
    '/node_modules/legacy-client/package.json': JSON.stringify({ name: 'legacy-client', main: 'client.js' }),
    '/node_modules/legacy-client/client.js': `
      const https = require('https')
      const zlib = require('zlib')
      exports.getProfile = (id) => new Promise((resolve, reject) => {
        const request = https.request({ hostname: 'crm.example.com', path: '/profiles/' + id + '?full=1', method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': 'k' } }, (response) => {
          const chunks = []
          response.on('data', (chunk) => chunks.push(chunk))
          response.on('end', () => resolve({ status: response.statusCode, message: response.statusMessage, type: response.headers['content-type'], body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }))
        })
        request.on('error', reject)
        request.write(JSON.stringify({ id }))
        request.end()
      })
      exports.get = (url) => new Promise((resolve, reject) => https.get(url, (response) => { response.setEncoding('utf8'); let text = ''; response.on('data', (chunk) => { text += chunk }); response.on('end', () => resolve(text)) }).on('error', reject))
      exports.inflate = (base64) => zlib.inflateRawSync(Buffer.from(base64, 'base64')).toString()
      exports.gzip = (text) => zlib.gzipSync(text).toString('base64')`,
    '/node_modules/reads-config/index.js': "const fs = require('fs'); module.exports = JSON.parse(fs.readFileSync(__dirname + '/config.json', 'utf8'))",
    '/node_modules/spawns/index.js': "require('child_process').execSync('whoami')",
  }
  const mocks: HttpMock[] = [
    { method: 'POST', url: 'https://crm.example.com/profiles/42?full=1', status: 201, body: { tier: 'gold' }, headers: {} },
    { method: 'GET', url: 'https://crm.example.com/health', status: 200, body: 'ok', headers: {} },
  ]

  it('https.request and https.get are answered by the HTTP mocks and recorded like fetch; without a mock the request fails with an error event', async () => {
    const result = await run(`
      const client = require('legacy-client')
      console.log(JSON.stringify(await client.getProfile(42)), await client.get('https://crm.example.com/health'))
      try { await client.get('https://crm.example.com/unmocked') } catch (error) { console.log(error.code, error.message) }`,
    { files, packages: ['legacy-client'], mocks })
    expect(result.status).toBe('completed')
    expect(result.logs).toEqual([
      'log: {"status":201,"message":"Created","type":"application/json","body":{"tier":"gold"}} ok',
      'log: ECONNREFUSED No HTTP mock answers GET https://crm.example.com/unmocked. Add one under HTTP mocks (method, URL, status, body).',
    ])
    expect(result.http.map(({ method, url, status, body, headers }) => ({ method, url, status, body, key: headers['x-api-key'] }))).toEqual([
      { method: 'POST', url: 'https://crm.example.com/profiles/42?full=1', status: 201, body: { id: 42 }, key: 'k' },
      { method: 'GET', url: 'https://crm.example.com/health', status: 200, body: null, key: undefined },
      { method: 'GET', url: 'https://crm.example.com/unmocked', status: null, body: null, key: undefined },
    ])
    expect(result.timeline.filter((entry) => entry.kind === 'http')).toHaveLength(3)
  })

  it('zlib reads what Node\'s zlib writes (a SAML redirect binding) and writes what Node\'s reads', async () => {
    const saml = '<samlp:AuthnRequest ID="_1" Version="2.0"/>'
    const result = await run(`
      const client = require('legacy-client')
      console.log(client.inflate(event.secrets.DEFLATED))
      console.log(client.gzip(event.secrets.DEFLATED))`,
    { files, packages: ['legacy-client'], secrets: { DEFLATED: deflateRawSync(saml).toString('base64') } })
    expect(result.logs[0]).toBe(`log: ${saml}`)
    expect(gunzipSync(Buffer.from(result.logs[1].slice(5), 'base64')).toString()).toBe(deflateRawSync(saml).toString('base64'))
    expect(inflateRawSync(deflateRawSync(saml)).toString()).toBe(saml)
  })

  it('a package that reads a file or starts a process as it loads fails with a clear error, and the next run is fine', async () => {
    const readsFile = await run("require('reads-config')", { files, packages: ['reads-config'] })
    expect(readsFile.status).toBe('failed')
    expect(readsFile.error?.description).toBe("fs.readFileSync() is not available in the Actions Playground: actions have no file system; the playground runs an action with its event, its secrets and the flow's mocks only.")
    const spawns = await run("require('spawns')", { files, packages: ['spawns'] })
    expect(spawns.error?.description).toBe('child_process.execSync() is not available in the Actions Playground: actions cannot start processes.')
    const next = await run("const fs = require('fs'); console.log(typeof fs.readFileSync, require('os').platform(), require('path').join('/a', '../b'))", { files })
    expect(next.status).toBe('completed')
    expect(next.logs).toEqual(['log: function linux /b'])
  })
})

describe('an undeclared package', () => {
  it('fails the run and is a problem, with a quick fix, before the run', async () => {
    const code = onExecute("const jwt = require('jsonwebtoken')")
    const result = await run("const jwt = require('jsonwebtoken')", { files: packageFiles('jsonwebtoken') })
    expect(result.error?.description).toMatch(/^Cannot find module 'jsonwebtoken'\n'jsonwebtoken' is not a dependency of this action: add it \(Dependencies tab\)/)
    expect(findProblems(code)).toEqual([expect.objectContaining({ line: 2, fix: { addDependency: { name: 'jsonwebtoken' } } })])
    expect(findProblems(code, [{ name: 'jsonwebtoken', version: '9.0.3' }])).toEqual([])
  })
})

