/**
 * Elliptic-curve and Ed25519 signatures and keys (nodeSign.ts, nodeKeys.ts) against node:crypto, with real keys
 * from `generateKeyPairSync`. ECDSA signatures are random in Node, so each side verifies the other's. RSA is
 * tested in nodeBuiltins.test.ts.
 */
import * as nodeCrypto from 'node:crypto'
import { SignJWT, importPKCS8, importSPKI, jwtVerify } from 'jose'
import { describe, expect, it } from 'vitest'
import { createEntropy } from '../determinism.ts'
import { createBuiltinModules } from './nodeBuiltins.ts'

/** The module under test, typed as Node's. */
const crypto = createBuiltinModules(createEntropy()).crypto as typeof nodeCrypto

/** What a call throws: its name, message and code; fails when it does not throw. */
function failure(run: () => unknown) {
  try {
    run()
  } catch (error) {
    const { name, message, code } = error as Error & { code?: string }
    return { name, message, code }
  }
  throw new Error('expected a throw')
}

const expectSameError = (ours: () => unknown, node: () => unknown) => expect(failure(ours)).toEqual(failure(node))
const expectUnavailable = (ours: () => unknown, what: RegExp) =>
  expect(failure(ours)).toEqual({ name: 'Error', code: 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', message: expect.stringMatching(what) })

const CURVES = [
  { curve: 'P-256', digest: 'sha256', size: 32 },
  { curve: 'P-384', digest: 'sha384', size: 48 },
  { curve: 'P-521', digest: 'sha512', size: 66 },
] as const
const ENCODINGS = ['der', 'ieee-p1363'] as const
const DATA = Buffer.from('eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhdXRoMHwxIn0')

/** A pair from Node and its private and public keys in every form the playground reads. */
function ecKeys(namedCurve: string) {
  const pair = nodeCrypto.generateKeyPairSync('ec', { namedCurve })
  const pkcs8 = pair.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string
  const sec1 = pair.privateKey.export({ format: 'pem', type: 'sec1' }) as string
  const spki = pair.publicKey.export({ format: 'pem', type: 'spki' }) as string
  const jwk = pair.privateKey.export({ format: 'jwk' })
  const privateForms = {
    pkcs8, sec1, buffer: Buffer.from(sec1),
    pkcs8Der: { key: pair.privateKey.export({ format: 'der', type: 'pkcs8' }), format: 'der', type: 'pkcs8' },
    sec1Der: { key: pair.privateKey.export({ format: 'der', type: 'sec1' }), format: 'der', type: 'sec1' },
    jwk: { key: jwk, format: 'jwk' },
    keyObject: crypto.createPrivateKey(pkcs8),
  } as Record<string, unknown>
  const publicForms = {
    spki,
    spkiDer: { key: pair.publicKey.export({ format: 'der', type: 'spki' }), format: 'der', type: 'spki' },
    jwk: { key: pair.publicKey.export({ format: 'jwk' }), format: 'jwk' },
    keyObject: crypto.createPublicKey(spki),
    derivedKeyObject: crypto.createPublicKey(crypto.createPrivateKey(sec1)),
    privatePem: pkcs8,
    privateJwk: { key: jwk, format: 'jwk' },
    privateKeyObject: crypto.createPrivateKey(pkcs8),
  } as Record<string, unknown>
  return { pair, pkcs8, sec1, spki, jwk, privateForms, publicForms }
}

/** The key argument with a `dsaEncoding`, as an options object (a KeyObject goes in `key`). */
function withEncoding(key: unknown, dsaEncoding: string): unknown {
  const options = typeof key === 'object' && !(key instanceof crypto.KeyObject) && !Buffer.isBuffer(key) ? key : { key }
  return { ...(options as object), dsaEncoding }
}

describe('ECDSA (ES256, ES384, ES512) against node:crypto', () => {
  for (const { curve, digest, size } of CURVES) {
    const keys = ecKeys(curve)

    it(`${curve}: our createSign and sign, from every private key form, verify in node:crypto: DER by default, r‖s of ${2 * size} bytes with dsaEncoding 'ieee-p1363'`, () => {
      for (const [form, key] of Object.entries(keys.privateForms)) {
        for (const encoding of ENCODINGS) {
          const input = encoding === 'der' ? key : withEncoding(key, encoding)
          const signatures = [
            crypto.createSign(digest).update(DATA.subarray(0, 10)).update(DATA.subarray(10)).sign(input as never),
            crypto.sign(digest, DATA, input as never),
          ]
          for (const signature of signatures) {
            const context = `${form} ${encoding}`
            if (encoding === 'der') expect(signature[0], context).toBe(0x30)
            else expect(signature.length, context).toBe(2 * size)
            expect(nodeCrypto.verify(digest, DATA, { key: keys.spki, dsaEncoding: encoding }, signature), context).toBe(true)
            expect(nodeCrypto.verify(digest, Buffer.from('other'), { key: keys.spki, dsaEncoding: encoding }, signature), context).toBe(false)
            const other = encoding === 'der' ? 'ieee-p1363' : 'der'
            expect(nodeCrypto.verify(digest, DATA, { key: keys.spki, dsaEncoding: other }, signature), context).toBe(false)
          }
        }
      }
    })

    it(`${curve}: node:crypto's signatures, random and in both encodings, verify with our createVerify and verify from every public key form; another message, another encoding or a changed byte do not`, () => {
      for (const encoding of ENCODINGS) {
        const signature = nodeCrypto.sign(digest, DATA, { key: keys.pair.privateKey, dsaEncoding: encoding })
        const changed = Buffer.from(signature)
        changed[changed.length - 1] ^= 1
        for (const [form, key] of Object.entries(keys.publicForms)) {
          const context = `${form} ${encoding}`
          const input = withEncoding(key, encoding)
          expect(crypto.createVerify(digest).update(DATA).verify(input as never, signature), context).toBe(true)
          expect(crypto.createVerify(digest).update(DATA).verify(input as never, signature.toString('base64'), 'base64'), context).toBe(true)
          expect(crypto.verify(digest, DATA, input as never, signature), context).toBe(true)
          expect(crypto.verify(digest, Buffer.from('other'), input as never, signature), context).toBe(false)
          expect(crypto.verify(digest, DATA, input as never, changed), context).toBe(false)
          const other = withEncoding(key, encoding === 'der' ? 'ieee-p1363' : 'der')
          expect(crypto.verify(digest, DATA, other as never, signature), context).toBe(false)
        }
      }
    })

    it(`${curve}: keys read from every form have Node's type, asymmetricKeyType 'ec', namedCurve and JWK export, members in Node's order`, () => {
      const nodePrivate = nodeCrypto.createPrivateKey(keys.pkcs8)
      const nodePublic = nodeCrypto.createPublicKey(keys.spki)
      // A KeyObject stands for itself: Node's createPrivateKey refuses one, its createPublicKey a public one.
      const read = (key: unknown, create: (key: never) => nodeCrypto.KeyObject) => (key instanceof crypto.KeyObject ? key : create(key as never))
      for (const [form, key] of Object.entries(keys.privateForms)) {
        const ours = read(key, crypto.createPrivateKey)
        expect([ours.type, ours.asymmetricKeyType, ours.asymmetricKeyDetails], form).toEqual(['private', 'ec', nodePrivate.asymmetricKeyDetails])
        expect(JSON.stringify(ours.export({ format: 'jwk' })), form).toBe(JSON.stringify(nodePrivate.export({ format: 'jwk' })))
      }
      for (const [form, key] of Object.entries(keys.publicForms)) {
        const ours = key instanceof crypto.KeyObject && key.type === 'public' ? key : crypto.createPublicKey(key as never)
        expect([ours.type, ours.asymmetricKeyType, ours.asymmetricKeyDetails], form).toEqual(['public', 'ec', nodePublic.asymmetricKeyDetails])
        expect(JSON.stringify(ours.export({ format: 'jwk' })), form).toBe(JSON.stringify(nodePublic.export({ format: 'jwk' })))
      }
    })
  }

  const p256 = ecKeys('P-256')

  it('signs with any digest Node pairs with a curve (SHA-1 to SHA-512, truncated to the curve), and with SHA-256 for a null algorithm', () => {
    for (const digest of ['sha1', 'SHA224', 'sha256', 'RSA-SHA384', 'sha512']) {
      const signature = crypto.createSign(digest).update(DATA).sign(p256.sec1)
      expect(nodeCrypto.createVerify(digest).update(DATA).verify(p256.spki, signature), digest).toBe(true)
    }
    expect(nodeCrypto.verify('sha256', DATA, p256.spki, crypto.sign(null, DATA, p256.sec1))).toBe(true)
    expect(crypto.verify(null, DATA, p256.spki, nodeCrypto.sign(null, DATA, p256.sec1))).toBe(true)
  })

  it('verifies high-S signatures as OpenSSL does (no low-S rule)', () => {
    const n = BigInt('0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551')
    const signature = nodeCrypto.sign('sha256', DATA, { key: p256.pkcs8, dsaEncoding: 'ieee-p1363' })
    const s = BigInt(`0x${signature.subarray(32).toString('hex')}`)
    const flipped = Buffer.concat([signature.subarray(0, 32), Buffer.from((n - s).toString(16).padStart(64, '0'), 'hex')])
    for (const candidate of [signature, flipped]) {
      expect(nodeCrypto.verify('sha256', DATA, { key: p256.spki, dsaEncoding: 'ieee-p1363' }, candidate)).toBe(true)
      expect(crypto.verify('sha256', DATA, { key: p256.spki, dsaEncoding: 'ieee-p1363' }, candidate)).toBe(true)
    }
  })

  it('an ES256 JWT signed with createSign and dsaEncoding \'ieee-p1363\' verifies with jose, and one from jose verifies with createVerify', async () => {
    const input = `${Buffer.from('{"alg":"ES256"}').toString('base64url')}.${Buffer.from('{"sub":"auth0|1"}').toString('base64url')}`
    const signature = crypto.createSign('sha256').update(input).sign({ key: p256.pkcs8, dsaEncoding: 'ieee-p1363' }, 'base64url')
    const { payload } = await jwtVerify(`${input}.${signature}`, await importSPKI(p256.spki, 'ES256'))
    expect(payload).toEqual({ sub: 'auth0|1' })

    const token = await new SignJWT({ sub: 'auth0|2' }).setProtectedHeader({ alg: 'ES256' }).sign(await importPKCS8(p256.pkcs8, 'ES256'))
    const [header, claims, joseSignature] = token.split('.')
    const key = { key: p256.jwk, format: 'jwk', dsaEncoding: 'ieee-p1363' } as const
    expect(crypto.createVerify('sha256').update(`${header}.${claims}`).verify(key as never, joseSignature, 'base64url')).toBe(true)
    expect(crypto.createVerify('sha256').update(`${header}.${claims}x`).verify(key as never, joseSignature, 'base64url')).toBe(false)
  })

  it('reads a SEC1 key after the EC PARAMETERS block that `openssl ecparam -genkey` writes before it', () => {
    const pem = `-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n${p256.sec1}`
    expect(crypto.createPrivateKey(pem).export({ format: 'jwk' })).toEqual(nodeCrypto.createPrivateKey(pem).export({ format: 'jwk' }))
    expect(crypto.createPublicKey(pem).export({ format: 'jwk' })).toEqual(nodeCrypto.createPublicKey(pem).export({ format: 'jwk' }))
  })
})

describe('Ed25519 against node:crypto', () => {
  const pair = nodeCrypto.generateKeyPairSync('ed25519')
  const pkcs8 = pair.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string
  const spki = pair.publicKey.export({ format: 'pem', type: 'spki' }) as string
  const privateForms: unknown[] = [
    pkcs8, Buffer.from(pkcs8), { key: pair.privateKey.export({ format: 'der', type: 'pkcs8' }), format: 'der', type: 'pkcs8' },
    { key: pair.privateKey.export({ format: 'jwk' }), format: 'jwk' }, crypto.createPrivateKey(pkcs8),
  ]
  const publicForms: unknown[] = [
    spki, { key: pair.publicKey.export({ format: 'der', type: 'spki' }), format: 'der', type: 'spki' },
    { key: pair.publicKey.export({ format: 'jwk' }), format: 'jwk' }, crypto.createPublicKey(spki), pkcs8, crypto.createPrivateKey(pkcs8),
  ]

  it('sign(null or undefined, data, key) returns exactly Node\'s signature, from every private key form', () => {
    for (const data of [DATA, Buffer.alloc(0), Buffer.from('ünï😀')]) {
      const expected = nodeCrypto.sign(null, data, pair.privateKey).toString('hex')
      for (const key of privateForms) {
        expect(crypto.sign(null, data, key as never).toString('hex')).toBe(expected)
        expect(crypto.sign(undefined, data, key as never).toString('hex')).toBe(expected)
      }
    }
  })

  it('verify(null, data, key, signature) accepts Node\'s signature from every public key form and refuses another message or a changed byte', () => {
    const signature = nodeCrypto.sign(null, DATA, pair.privateKey)
    const changed = Buffer.from(signature)
    changed[0] ^= 1
    for (const key of publicForms) {
      expect(crypto.verify(null, DATA, key as never, signature)).toBe(true)
      expect(crypto.verify(null, Buffer.from('other'), key as never, signature)).toBe(false)
      expect(crypto.verify(null, DATA, key as never, changed)).toBe(false)
      expect(crypto.verify(null, DATA, key as never, signature.subarray(1))).toBe(false)
    }
  })

  it('keys have Node\'s type, asymmetricKeyType \'ed25519\', empty asymmetricKeyDetails and JWK export, members in Node\'s order', () => {
    for (const [ours, node] of [
      [crypto.createPrivateKey(pkcs8), pair.privateKey],
      [crypto.createPublicKey(pkcs8), pair.publicKey],
      [crypto.createPublicKey({ key: pair.publicKey.export({ format: 'jwk' }), format: 'jwk' }), pair.publicKey],
    ] as const) {
      expect([ours.type, ours.asymmetricKeyType, ours.asymmetricKeyDetails]).toEqual([node.type, node.asymmetricKeyType, node.asymmetricKeyDetails])
      expect(JSON.stringify(ours.export({ format: 'jwk' }))).toBe(JSON.stringify(node.export({ format: 'jwk' })))
    }
  })

  it('refuses a digest and createSign/createVerify with Node\'s errors', () => {
    expectSameError(() => crypto.sign('sha256', DATA, pkcs8), () => nodeCrypto.sign('sha256', DATA, pkcs8))
    expectSameError(() => crypto.sign('sha999', DATA, pkcs8), () => nodeCrypto.sign('sha999', DATA, pkcs8))
    expectSameError(() => crypto.verify('sha256', DATA, spki, Buffer.alloc(64)), () => nodeCrypto.verify('sha256', DATA, spki, Buffer.alloc(64)))
    expectSameError(() => crypto.createSign('sha256').update(DATA).sign(pkcs8), () => nodeCrypto.createSign('sha256').update(DATA).sign(pkcs8))
    expectSameError(() => crypto.createVerify('sha256').update(DATA).verify(spki, Buffer.alloc(64)),
      () => nodeCrypto.createVerify('sha256').update(DATA).verify(spki, Buffer.alloc(64)))
  })
})

describe('key arguments: Node\'s errors, and what the playground does not have', () => {
  const { pair, pkcs8, spki, jwk } = ecKeys('P-256')
  const publicJwk = pair.publicKey.export({ format: 'jwk' })

  it('refuses wrong keys and options with Node\'s errors', () => {
    const cases: Array<(module: typeof nodeCrypto) => unknown> = [
      (module) => module.sign('sha256', DATA, { key: pkcs8, dsaEncoding: 'p1363' as never }),
      (module) => module.createSign('sha256').update(DATA).sign({ key: pkcs8, dsaEncoding: 'raw' as never }),
      (module) => module.createSign('sha256').update(DATA).sign(spki),
      (module) => module.createSign('sha256').update(DATA).sign(undefined as never),
      (module) => module.sign('sha256', DATA, 5 as never),
      (module) => module.sign('sha256', DATA, { key: 5 } as never),
      (module) => module.createPrivateKey(spki),
      (module) => module.createPrivateKey('junk'),
      (module) => module.createPrivateKey(5 as never),
      (module) => module.createPrivateKey({ key: publicJwk, format: 'jwk' }),
      (module) => module.createPublicKey({ key: 'x', format: 'nope' as never }),
      (module) => module.createPublicKey({ key: pair.publicKey.export({ format: 'der', type: 'spki' }), format: 'der' } as never),
      (module) => module.createPrivateKey({ key: pair.privateKey.export({ format: 'der', type: 'pkcs8' }), format: 'der', type: 'spki' } as never),
      (module) => module.createPrivateKey({ key: pair.privateKey.export({ format: 'der', type: 'pkcs8' }), format: 'der', type: 'pkcs1' }),
      (module) => module.createPublicKey({ key: 'not a jwk', format: 'jwk' } as never),
      (module) => module.createPublicKey({ key: { kty: 'oct', k: 'AA' }, format: 'jwk' }),
      (module) => module.createPublicKey({ key: { kty: 'EC', x: jwk.x, y: jwk.y }, format: 'jwk' }),
      (module) => module.createPublicKey({ key: { kty: 'EC', crv: 'P-999', x: jwk.x, y: jwk.y }, format: 'jwk' }),
      (module) => module.createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: jwk.x }, format: 'jwk' }),
      (module) => module.createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.x }, format: 'jwk' }),
      (module) => module.createPublicKey({ key: { kty: 'OKP', crv: 'Ed1', x: 'AA' }, format: 'jwk' }),
      (module) => module.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: 'AAAA' }, format: 'jwk' }),
      (module) => module.createPublicKey({ key: { kty: 'RSA', e: 'AQAB' }, format: 'jwk' }),
    ]
    for (const run of cases) expectSameError(() => run(crypto), () => run(nodeCrypto))
  })

  it('refuses KeyObjects where Node does: a public one to sign or createPublicKey, any to createPrivateKey', () => {
    const ours = { privateKey: crypto.createPrivateKey(pkcs8), publicKey: crypto.createPublicKey(spki) }
    const cases: Array<(module: typeof nodeCrypto, keys: typeof ours) => unknown> = [
      (module, keys) => module.sign('sha256', DATA, keys.publicKey),
      (module, keys) => module.sign('sha256', DATA, { key: keys.publicKey, dsaEncoding: 'ieee-p1363' }),
      (module, keys) => module.createPublicKey(keys.publicKey),
      (module, keys) => module.createPrivateKey(keys.privateKey as never),
      (module, keys) => module.createPrivateKey({ key: keys.publicKey } as never),
    ]
    for (const run of cases) expectSameError(() => run(crypto, ours), () => run(nodeCrypto, pair))
  })

  it('X25519, Ed448, secp256k1 and DSA keys, which Node reads, fail with ERR_FEATURE_UNAVAILABLE_ON_PLATFORM naming them', () => {
    const x25519 = nodeCrypto.generateKeyPairSync('x25519').privateKey.export({ format: 'pem', type: 'pkcs8' }) as string
    const ed448 = nodeCrypto.generateKeyPairSync('ed448').privateKey.export({ format: 'pem', type: 'pkcs8' }) as string
    const k1 = nodeCrypto.generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).privateKey
    const dsa = nodeCrypto.generateKeyPairSync('dsa', { modulusLength: 1024, divisorLength: 160 }).publicKey.export({ format: 'pem', type: 'spki' }) as string
    expect(nodeCrypto.sign(null, DATA, ed448).length).toBe(114)
    expect(nodeCrypto.sign('sha256', DATA, k1).length).toBeGreaterThan(0)
    expect(() => nodeCrypto.sign(null, DATA, x25519)).toThrow(/operation not supported for this keytype/)
    expectUnavailable(() => crypto.sign(null, DATA, x25519), /not X25519 keys/)
    expectUnavailable(() => crypto.createPrivateKey(ed448), /not Ed448 keys/)
    expectUnavailable(() => crypto.sign('sha256', DATA, k1.export({ format: 'pem', type: 'pkcs8' })), /not secp256k1 keys/)
    expectUnavailable(() => crypto.sign('sha256', DATA, k1.export({ format: 'pem', type: 'sec1' })), /not secp256k1 keys/)
    expectUnavailable(() => crypto.createPublicKey({ key: k1.export({ format: 'jwk' }), format: 'jwk' }), /not secp256k1 keys/)
    expectUnavailable(() => crypto.verify('sha256', DATA, dsa, Buffer.alloc(46)), /not DSA keys/)
  })

  it('encrypted private keys, which Node decrypts with a passphrase, fail with ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', () => {
    for (const type of ['pkcs8', 'sec1'] as const) {
      const pem = pair.privateKey.export({ format: 'pem', type, cipher: 'aes-128-cbc', passphrase: 'secret' }) as string
      expect(nodeCrypto.createPrivateKey({ key: pem, passphrase: 'secret' }).asymmetricKeyType).toBe('ec')
      expectUnavailable(() => crypto.createPrivateKey({ key: pem, passphrase: 'secret' }), /does not decrypt encrypted keys/)
    }
  })
})
