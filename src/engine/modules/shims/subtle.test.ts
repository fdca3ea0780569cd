/** The WebCrypto subset for a realm without one (the browser's sandbox), against Node's own WebCrypto. */
import { webcrypto } from 'node:crypto'
import { generateKeyPairSync } from 'node:crypto'
import nodeJwt from 'jsonwebtoken'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createEntropy } from '../../determinism.ts'
import type { HttpMock } from '../../flowDocument.ts'
import { runFlow } from '../../pipeline.ts'
import { packageFiles, PACKAGE_LIBRARIES } from '../../../runtime/packages/testPackages.ts'
import { onExecute, testFlow } from '../../testing.ts'
import { createBuiltinModules } from '../nodeBuiltins.ts'
import { createProcess } from '../nodeProcess.ts'

const node = webcrypto.subtle
const builtins = createBuiltinModules(createEntropy(1)) as Record<string, unknown>
const subtle = PACKAGE_LIBRARIES.nodeShims!({ require: (name) => builtins[name], process: createProcess() }).createSubtle()
const data = new TextEncoder().encode('header.payload')
const bytes = (buffer: ArrayBuffer) => Buffer.from(buffer).toString('base64url')

describe('the WebCrypto subset', () => {
  it('digests and signs with HMAC as WebCrypto does', async () => {
    expect(bytes(await subtle.digest('SHA-256', data))).toBe(bytes(await node.digest('SHA-256', data)))
    const secret = new TextEncoder().encode('a-secret')
    const algorithm = { name: 'HMAC', hash: 'SHA-384' }
    const ours = await subtle.importKey('raw', secret, algorithm, true, ['sign', 'verify'])
    const theirs = await node.importKey('raw', secret, algorithm, true, ['sign', 'verify'])
    expect(ours.algorithm).toEqual(theirs.algorithm)
    const signature = await subtle.sign('HMAC', ours, data)
    expect(bytes(signature)).toBe(bytes(await node.sign('HMAC', theirs, data)))
    expect(await subtle.verify('HMAC', ours, signature, data)).toBe(true)
    expect(await subtle.verify('HMAC', ours, signature, new Uint8Array(3))).toBe(false)
    expect(await subtle.exportKey('jwk', ours)).toEqual(await node.exportKey('jwk', theirs))
  })

  it('imports RSA, EC and Ed25519 keys as JWK, SPKI and PKCS#8, signs as WebCrypto (ECDSA verified across), exports SPKI byte for byte', async () => {
    const cases = [
      { generate: { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, sign: { name: 'RSASSA-PKCS1-v1_5' }, deterministic: true },
      { generate: { name: 'ECDSA', namedCurve: 'P-384' }, sign: { name: 'ECDSA', hash: 'SHA-384' }, deterministic: false },
      { generate: { name: 'Ed25519' }, sign: { name: 'Ed25519' }, deterministic: true },
    ]
    for (const { generate, sign, deterministic } of cases) {
      const pair = await node.generateKey(generate, true, ['sign', 'verify']) as CryptoKeyPair
      const privateJwk = await node.exportKey('jwk', pair.privateKey)
      const spki = await node.exportKey('spki', pair.publicKey)
      const pkcs8 = await node.exportKey('pkcs8', pair.privateKey)
      const ourPrivate = await subtle.importKey('jwk', privateJwk, generate, true, ['sign'])
      const ourPkcs8 = await subtle.importKey('pkcs8', pkcs8, generate, false, ['sign'])
      const ourPublic = await subtle.importKey('spki', spki, generate, true, ['verify'])
      expect(ourPublic.algorithm).toEqual(pair.publicKey.algorithm)
      expect(bytes(await subtle.exportKey('spki', ourPublic) as ArrayBuffer)).toBe(bytes(spki))
      const ours = await subtle.sign(sign, ourPrivate, data)
      const theirs = await node.sign(sign, pair.privateKey, data)
      if (deterministic) expect(bytes(ours)).toBe(bytes(theirs))
      expect(await node.verify(sign, pair.publicKey, ours, data)).toBe(true)
      expect(await subtle.verify(sign, ourPublic, theirs, data)).toBe(true)
      expect(await subtle.verify(sign, ourPublic, await subtle.sign(sign, ourPkcs8, data), data)).toBe(true)
    }
  })

  it('refuses what it does not have with NotSupportedError, and keys used for what their usages do not allow', async () => {
    await expect(subtle.encrypt({ name: 'AES-GCM' } as never, {} as CryptoKey, data)).rejects.toMatchObject({ name: 'NotSupportedError' })
    await expect(subtle.importKey('raw', data, { name: 'AES-GCM' }, false, ['encrypt'])).rejects.toMatchObject({ name: 'NotSupportedError' })
    const key = await subtle.importKey('raw', data, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify'])
    await expect(subtle.sign('HMAC', key, data)).rejects.toMatchObject({ name: 'InvalidAccessError' })
    await expect(subtle.exportKey('raw', key)).rejects.toMatchObject({ name: 'InvalidAccessError' })
  })
})

describe('a realm without WebCrypto (the browser\'s sandbox)', () => {
  afterEach(() => { vi.unstubAllGlobals() })

  it('gives packages the subset: jose signs and verifies, jwks-rsa imports a JWKS key through jose', async () => {
    vi.stubGlobal('crypto', { getRandomValues: (array: Uint8Array) => webcrypto.getRandomValues(array), randomUUID: () => webcrypto.randomUUID() })
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const token = nodeJwt.sign({ sub: 'partner|9' }, privateKey, { algorithm: 'ES256', keyid: 'e1' })
    const jwks: HttpMock = { method: 'GET', url: 'https://partner.example.com/jwks.json', status: 200, body: { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'e1', use: 'sig' }] }, headers: {} }
    const doc = testFlow([{ code: onExecute(`
      console.log(typeof globalThis.crypto.subtle, typeof crypto.subtle, typeof require('crypto').webcrypto.subtle)
      const jose = require('jose')
      const secret = new TextEncoder().encode('a-secret-of-at-least-32-bytes-long!')
      const signed = await new jose.SignJWT({ tier: 'gold' }).setProtectedHeader({ alg: 'HS256' }).sign(secret)
      console.log((await jose.jwtVerify(signed, secret)).payload.tier)
      const jwt = require('jsonwebtoken')
      const client = require('jwks-rsa')({ jwksUri: 'https://partner.example.com/jwks.json' })
      const key = await client.getSigningKey('e1')
      console.log(jwt.verify(event.secrets.TOKEN, key.getPublicKey()).sub)`), secrets: { TOKEN: token } }], { mocks: [jwks] })
    doc.actions[0].dependencies = ['jose', 'jsonwebtoken', 'jwks-rsa'].map((name) => ({ name, version: 'latest' }))
    const result = await runFlow(doc, { packages: packageFiles('jose', 'jsonwebtoken', 'jwks-rsa'), libraries: PACKAGE_LIBRARIES })
    expect(result.error).toBeUndefined()
    expect(result.actions[0].logs.map((log) => log.message)).toEqual(['undefined object object', 'gold', 'partner|9'])
  })
})
