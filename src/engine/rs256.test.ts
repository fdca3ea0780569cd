import { createPublicKey, createVerify, generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { PLAYGROUND_SIGNING_KEY } from './playgroundKey.ts'
import { createRs256Signer, rsaThumbprint, signJwt, type RsaPrivateJwk } from './rs256.ts'

const verifies = (jwt: string, publicJwk: object) => {
  const [header, body, signature] = jwt.split('.')
  return createVerify('RSA-SHA256').update(`${header}.${body}`).verify(createPublicKey({ key: publicJwk, format: 'jwk' } as never), Buffer.from(signature, 'base64url'))
}

describe('RS256 in plain JavaScript', () => {
  it('signs what Node verifies, with the playground key and with a fresh one', () => {
    const fresh = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }) as RsaPrivateJwk
    for (const key of [PLAYGROUND_SIGNING_KEY, fresh]) {
      const jwt = signJwt({ alg: 'RS256', typ: 'JWT' }, { sub: 'auth0|1', 'https://example.com/é': 'ü' }, createRs256Signer(key))
      expect(verifies(jwt, { kty: 'RSA', n: key.n, e: key.e })).toBe(true)
      expect(verifies(`${jwt.slice(0, -4)}AAAA`, { kty: 'RSA', n: key.n, e: key.e })).toBe(false)
    }
  })

  it('gives the RFC 7638 thumbprint', () => {
    // RFC 7638 §3.1's example key and thumbprint.
    const n = '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw'
    expect(rsaThumbprint({ e: 'AQAB', n })).toBe('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs')
  })
})
