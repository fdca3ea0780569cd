/**
 * Node's asymmetric keys, for `crypto.createPrivateKey`, `createPublicKey` and the key argument of `sign` and
 * `verify`: RSA, EC (P-256, P-384, P-521) and Ed25519 keys in PEM or DER (PKCS#8, PKCS#1, SEC1, SPKI), as JWK
 * and as KeyObjects, which export themselves as JWK. Keys Node has and the playground does not (DSA, RSA-PSS,
 * X25519, Ed448, secp256k1, …) and encrypted keys fail with ERR_FEATURE_UNAVAILABLE_ON_PLATFORM; a malformed
 * key or a wrong argument fails with Node's error.
 */
import type { ECDSA } from '@noble/curves/abstract/weierstrass.js'
import { ed25519 } from '@noble/curves/ed25519.js'
import { p256, p384, p521 } from '@noble/curves/nist.js'
import { Buffer } from './nodeBuffer.ts'
import { nodeError, received } from './nodeErrors.ts'
import { inspect } from '../nodeInspect.ts'
import { toBigInt, toBytes } from '../rsaMath.ts'

/** A DER element: its tag and contents. */
interface Der { tag: number; body: Uint8Array }

function readDer(bytes: Uint8Array, at = 0): Der & { end: number } {
  const tag = bytes[at]
  let length = bytes[at + 1]
  let start = at + 2
  if (length & 0x80) {
    const count = length & 0x7f
    length = 0
    for (let i = 0; i < count; i++) length = length * 256 + bytes[start + i]
    start += count
  }
  if (tag === undefined || length === undefined || start + length > bytes.length) throw new Error('Invalid DER')
  return { tag, body: bytes.subarray(start, start + length), end: start + length }
}

function children(element: Der): Der[] {
  const out: Der[] = []
  for (let at = 0; at < element.body.length;) {
    const child = readDer(element.body, at)
    out.push(child)
    at = child.end
  }
  return out
}

const hexOf = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex')
/** A BIT STRING's bits (keys have no unused bits). */
const bitsOf = (element: Der) => element.body.subarray(1)

/** The curves, with their JWK name, OID (DER contents) and OpenSSL's name, Node's `namedCurve`. */
export interface Curve { jwk: string; oid: string; namedCurve: string; ecdsa: ECDSA; size: number }
const CURVES: Curve[] = [
  { jwk: 'P-256', oid: '2a8648ce3d030107', namedCurve: 'prime256v1', ecdsa: p256, size: p256.lengths.secretKey! },
  { jwk: 'P-384', oid: '2b81040022', namedCurve: 'secp384r1', ecdsa: p384, size: p384.lengths.secretKey! },
  { jwk: 'P-521', oid: '2b81040023', namedCurve: 'secp521r1', ecdsa: p521, size: p521.lengths.secretKey! },
]

const RSA_OID = '2a864886f70d010101'
const EC_OID = '2a8648ce3d0201'
const ED25519_OID = '2b6570'
/** What Node calls the keys and curves it has and the playground does not, by OID. */
const OTHER_KEYS: Record<string, string> = {
  '2a8648ce380401': 'DSA', '2a864886f70d01010a': 'RSA-PSS', '2a864886f70d010301': 'DH', '2a8648ce3e0201': 'DH',
  '2b656e': 'X25519', '2b656f': 'X448', '2b6571': 'Ed448', '2b8104000a': 'secp256k1',
}

export interface RsaKey { n: bigint; e: bigint; d?: bigint; p?: bigint; q?: bigint; dp?: bigint; dq?: bigint; qi?: bigint }
/** A key's numbers; a private key has them all, a public one lacks the private fields. */
export type KeyMaterial =
  | ({ type: 'rsa' } & RsaKey)
  | { type: 'ec'; curve: Curve; point: Uint8Array; d?: Uint8Array }
  | { type: 'ed25519'; publicKey: Uint8Array; seed?: Uint8Array }

const isPrivate = (key: KeyMaterial) => (key.type === 'ed25519' ? key.seed : key.d) !== undefined

function publicPart(key: KeyMaterial): KeyMaterial {
  if (key.type === 'rsa') return { type: 'rsa', n: key.n, e: key.e }
  if (key.type === 'ec') return { type: 'ec', curve: key.curve, point: key.point }
  return { type: 'ed25519', publicKey: key.publicKey }
}

const unavailable = (message: string) => nodeError(Error, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', message)
const unsupported = (what: string) =>
  unavailable(`The playground signs and verifies with RSA (PKCS#1 v1.5), EC (P-256, P-384, P-521) and Ed25519 keys only, not ${what}.`)

const decoderError = () => nodeError(Error, 'ERR_OSSL_UNSUPPORTED', 'error:1E08010C:DECODER routines::unsupported')

const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url')
const jwkInteger = (value: bigint) => base64url(toBytes(value, Math.ceil(value.toString(16).length / 2)))

let materialOf: (key: KeyObject) => KeyMaterial | SecretMaterial

/** A secret key's bytes (`createSecretKey`), for HMAC. */
export interface SecretMaterial { type: 'secret'; bytes: Uint8Array }

/** What `createPrivateKey`, `createPublicKey` and `createSecretKey` return. */
export class KeyObject {
  readonly type: 'private' | 'public' | 'secret'
  readonly #key: KeyMaterial | SecretMaterial

  static {
    materialOf = (key) => key.#key
  }

  constructor(type: 'private' | 'public' | 'secret', key: KeyMaterial | SecretMaterial) {
    this.type = type
    this.#key = key
  }

  get asymmetricKeyType(): KeyMaterial['type'] | undefined {
    return this.#key.type === 'secret' ? undefined : this.#key.type
  }

  get asymmetricKeyDetails() {
    const key = this.#key
    if (key.type === 'secret') return undefined
    if (key.type === 'rsa') return { modulusLength: key.n.toString(2).length, publicExponent: key.e }
    return key.type === 'ec' ? { namedCurve: key.curve.namedCurve } : {}
  }

  get symmetricKeySize(): number | undefined {
    return this.#key.type === 'secret' ? this.#key.bytes.length : undefined
  }

  /** JWK only for asymmetric keys (PEM and DER export are not emulated), its members in Node's order; a secret key also as its bytes. */
  export(options?: { format?: string }): Record<string, string> | Buffer {
    const key = this.#key
    if (key.type === 'secret') {
      if (options?.format === 'jwk') return { kty: 'oct', k: base64url(key.bytes) }
      return Buffer.from(key.bytes)
    }
    if (options?.format !== 'jwk') throw nodeError(Error, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', 'The playground exports keys as JWK only.')
    const secret = this.type === 'private'
    if (key.type === 'ed25519') {
      return { crv: 'Ed25519', ...(secret && { d: base64url(key.seed!) }), x: base64url(key.publicKey), kty: 'OKP' }
    }
    if (key.type === 'ec') {
      const { size, jwk: crv } = key.curve
      const [x, y] = [key.point.subarray(1, 1 + size), key.point.subarray(1 + size)].map(base64url)
      return { kty: 'EC', x, y, crv, ...(secret && { d: base64url(key.d!) }) }
    }
    const pub = { kty: 'RSA', n: jwkInteger(key.n), e: jwkInteger(key.e) }
    if (!secret) return pub
    const { d, p, q, dp, dq, qi } = key as Required<RsaKey>
    return { ...pub, d: jwkInteger(d), p: jwkInteger(p), q: jwkInteger(q), dp: jwkInteger(dp), dq: jwkInteger(dq), qi: jwkInteger(qi) }
  }

  equals(other: unknown): boolean {
    if (!(other instanceof KeyObject) || other.type !== this.type) return false
    const a = this.#key
    const b = materialOf(other)
    if (a.type === 'secret' && b.type === 'secret') return Buffer.from(a.bytes).equals(Buffer.from(b.bytes))
    return JSON.stringify(this.export({ format: 'jwk' })) === JSON.stringify(other.export({ format: 'jwk' }))
  }
}

/** Node's classes, whose names its messages show. */
class PrivateKeyObject extends KeyObject {}
class PublicKeyObject extends KeyObject {}
class SecretKeyObject extends KeyObject {}
// Named by hand: the worker bundle's minifier renames classes.
for (const [type, name] of [[KeyObject, 'KeyObject'], [PrivateKeyObject, 'PrivateKeyObject'], [PublicKeyObject, 'PublicKeyObject'], [SecretKeyObject, 'SecretKeyObject']] as const) {
  Object.defineProperty(type, 'name', { value: name })
}

/** The numbers of an asymmetric key, for signing and verifying (`prepareKey` has refused secret keys). */
export const keyMaterial = (key: KeyObject): KeyMaterial => materialOf(key) as KeyMaterial

/** A secret key's bytes, or undefined for an asymmetric key. */
export function secretBytes(key: KeyObject): Uint8Array | undefined {
  const material = materialOf(key)
  return material.type === 'secret' ? material.bytes : undefined
}

/** `crypto.createSecretKey(key[, encoding])`: a KeyObject of type `secret` (HMAC keys, as jsonwebtoken makes them). */
export function createSecretKey(key: unknown, encoding?: unknown): KeyObject {
  if (key instanceof KeyObject) throw invalidKeyType('"key" argument', 'createPrivateKey', key)
  const bytes = typeof key === 'string'
    ? Buffer.from(key, typeof encoding === 'string' && Buffer.isEncoding(encoding) ? encoding : 'utf8')
    : bytesOf(key)
  if (!bytes) throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "key" argument must be of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView. ${received(key)}`)
  return new SecretKeyObject('secret', { type: 'secret', bytes: Uint8Array.from(bytes) })
}

function keyObject(key: KeyMaterial, wantPrivate: boolean): KeyObject {
  if (!wantPrivate) return new PublicKeyObject('public', publicPart(key))
  if (!isPrivate(key)) throw decoderError()
  return new PrivateKeyObject('private', key)
}

function ecKey(curve: Curve, point: Uint8Array, d?: Uint8Array): KeyMaterial {
  if (d && !curve.ecdsa.utils.isValidSecretKey(d)) throw new Error('Invalid EC private key')
  return { type: 'ec', curve, point: curve.ecdsa.Point.fromBytes(point).toBytes(false), d }
}

function edKey(seed: Uint8Array): KeyMaterial {
  if (seed.length !== 32) throw new Error('Invalid Ed25519 private key')
  return { type: 'ed25519', seed, publicKey: ed25519.getPublicKey(seed) }
}

/** A named curve's OID, as EC keys give it. */
function curveOf(oid: Der | undefined): Curve {
  if (oid?.tag === 0x30) throw unsupported('EC keys with explicit curve parameters')
  if (oid?.tag !== 0x06) throw new Error('No curve')
  const id = hexOf(oid.body)
  const curve = CURVES.find((known) => known.oid === id)
  if (!curve) throw unsupported(OTHER_KEYS[id] ? `${OTHER_KEYS[id]} keys` : 'EC keys on this curve')
  return curve
}

/** SEC1's ECPrivateKey (RFC 5915); `curve` from PKCS#8's AlgorithmIdentifier, else its own parameters. */
function ecPrivate(element: Der, curve?: Curve): KeyMaterial {
  const items = children(element)
  const tagged = (tag: number) => items.find((item) => item.tag === tag)
  const parameters = tagged(0xa0)
  const on = curve ?? curveOf(parameters && children(parameters)[0])
  const d = new Uint8Array(on.size)
  d.set(items[1].body, on.size - items[1].body.length)
  const publicKey = tagged(0xa1)
  return ecKey(on, publicKey ? bitsOf(children(publicKey)[0]) : on.ecdsa.getPublicKey(d, false), d)
}

function rsaKey(element: Der): KeyMaterial {
  const numbers = children(element).map((item) => toBigInt(item.body))
  if (numbers.length === 2) return { type: 'rsa', n: numbers[0], e: numbers[1] }
  const [, n, e, d, p, q, dp, dq, qi] = numbers
  return { type: 'rsa', n, e, d, p, q, dp, dq, qi }
}

/** An AlgorithmIdentifier: RSA, Ed25519, or the curve of an EC key. */
function algorithmOf(identifier: Der): 'rsa' | 'ed25519' | Curve {
  const [oid, parameters] = children(identifier)
  const id = hexOf(oid.body)
  if (id === RSA_OID) return 'rsa'
  if (id === ED25519_OID) return 'ed25519'
  if (id === EC_OID) return curveOf(parameters)
  throw unsupported(OTHER_KEYS[id] ? `${OTHER_KEYS[id]} keys` : 'this type of key')
}

/** The structures of a key's DER, by the name of Node's `type` option. */
const STRUCTURES = {
  pkcs1: rsaKey,
  sec1: (element: Der) => ecPrivate(element),
  pkcs8(element: Der): KeyMaterial {
    const [, identifier, privateKey] = children(element)
    const algorithm = algorithmOf(identifier)
    const inner = readDer(privateKey.body)
    if (algorithm === 'rsa') return rsaKey(inner)
    return algorithm === 'ed25519' ? edKey(inner.body) : ecPrivate(inner, algorithm)
  },
  spki(element: Der): KeyMaterial {
    const [identifier, publicKey] = children(element)
    const algorithm = algorithmOf(identifier)
    if (algorithm === 'rsa') return rsaKey(readDer(bitsOf(publicKey)))
    if (algorithm !== 'ed25519') return ecKey(algorithm, bitsOf(publicKey))
    if (bitsOf(publicKey).length !== 32) throw new Error('Invalid Ed25519 public key')
    return { type: 'ed25519', publicKey: bitsOf(publicKey) }
  },
}
type Structure = keyof typeof STRUCTURES

/** The DER of a key; what does not parse is OpenSSL's decoder error, as in Node. */
function decode(der: Uint8Array, structure: Structure): KeyMaterial {
  try {
    return STRUCTURES[structure](readDer(der))
  } catch (error) {
    if ((error as { code?: unknown }).code) throw error
    throw decoderError()
  }
}

const PEM_LABELS: Record<string, Structure> = {
  'PRIVATE KEY': 'pkcs8', 'PUBLIC KEY': 'spki', 'RSA PRIVATE KEY': 'pkcs1', 'RSA PUBLIC KEY': 'pkcs1', 'EC PRIVATE KEY': 'sec1',
}

function fromPem(text: string, wantPrivate: boolean): KeyObject {
  // `openssl ecparam -genkey` writes the curve's parameters before the key.
  const block = [...text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g)].find((match) => match[1] !== 'EC PARAMETERS')
  if (!block) throw decoderError()
  const [, label, body] = block
  if (label.includes('ENCRYPTED') || body.includes('Proc-Type: 4,ENCRYPTED')) {
    throw unavailable('The playground does not decrypt encrypted keys (no passphrase is emulated): give it the key unencrypted.')
  }
  if (label === 'DSA PRIVATE KEY') throw unsupported('DSA keys')
  if (!Object.hasOwn(PEM_LABELS, label)) throw decoderError()
  return keyObject(decode(Buffer.from(body.replace(/\s+/g, ''), 'base64'), PEM_LABELS[label]), wantPrivate)
}

function invalidValue(name: string, value: unknown): Error {
  return nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The property '${name}' is invalid. Received ${inspect(value)}`)
}

function fromDer(der: Uint8Array, type: unknown, wantPrivate: boolean): KeyObject {
  const types = wantPrivate ? ['pkcs1', 'pkcs8', 'sec1'] : ['pkcs1', 'spki', 'pkcs8', 'sec1']
  if (!types.includes(type as string)) throw invalidValue('options.type', type)
  return keyObject(decode(der, type as Structure), wantPrivate)
}

/** Node's checks of a JWK's members, in its order. */
function jwkString(jwk: Record<string, unknown>, name: string): string {
  const value = jwk[name]
  if (typeof value !== 'string') throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "key.${name}" property must be of type string. ${received(value)}`)
  return value
}

function jwkOneOf(jwk: Record<string, unknown>, name: string, values: string[]): string {
  if (!values.includes(jwk[name] as string)) {
    throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE',
      `The property 'key.${name}' must be one of: ${values.map((value) => `'${value}'`).join(', ')}. Received ${inspect(jwk[name])}`)
  }
  return jwk[name] as string
}

const invalidJwk = (message = 'Invalid JWK data') => nodeError(TypeError, 'ERR_CRYPTO_INVALID_JWK', message)
const fromBase64 = (text: string) => Uint8Array.from(Buffer.from(text, 'base64url'))

/** A coordinate or scalar of `size` bytes, as OpenSSL reads it: an integer, so shorter is fine. */
function fixedSize(text: string, size: number): Uint8Array {
  const bytes = fromBase64(text)
  const start = bytes.findIndex((byte) => byte !== 0)
  const significant = start < 0 ? new Uint8Array(0) : bytes.subarray(start)
  if (significant.length > size) throw invalidJwk('Invalid JWK EC key')
  const out = new Uint8Array(size)
  out.set(significant, size - significant.length)
  return out
}

function fromJwk(jwk: unknown, wantPrivate: boolean): KeyObject {
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) {
    throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "key.key" property must be of type object. ${received(jwk)}`)
  }
  const members = jwk as Record<string, unknown>
  const kty = jwkOneOf(members, 'kty', ['RSA', 'EC', 'OKP'])
  if (kty === 'OKP') {
    jwkString(members, 'crv')
    const crv = jwkOneOf(members, 'crv', ['Ed25519', 'Ed448', 'X25519', 'X448'])
    const x = jwkString(members, 'x')
    const bytes = fromBase64(wantPrivate ? jwkString(members, 'd') : x)
    if (crv !== 'Ed25519') throw unsupported(`${crv} keys`)
    if (bytes.length !== 32) throw invalidJwk()
    return keyObject(wantPrivate ? edKey(bytes) : { type: 'ed25519', publicKey: bytes }, wantPrivate)
  }
  if (kty === 'EC') {
    jwkString(members, 'crv')
    const crv = jwkOneOf(members, 'crv', ['P-256', 'secp256k1', 'P-384', 'P-521'])
    const [x, y] = [jwkString(members, 'x'), jwkString(members, 'y')]
    const d = wantPrivate ? jwkString(members, 'd') : undefined
    const curve = CURVES.find((known) => known.jwk === crv)
    if (!curve) throw unsupported(`${crv} keys`)
    const point = new Uint8Array([4, ...fixedSize(x, curve.size), ...fixedSize(y, curve.size)])
    try {
      return keyObject(ecKey(curve, point, d === undefined ? undefined : fixedSize(d, curve.size)), wantPrivate)
    } catch {
      throw invalidJwk('Invalid JWK EC key')
    }
  }
  const fields = wantPrivate ? ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'] : ['n', 'e']
  const numbers = Object.fromEntries(fields.map((name) => [name, toBigInt(fromBase64(jwkString(members, name)))]))
  return keyObject({ type: 'rsa', ...(numbers as unknown as RsaKey) }, wantPrivate)
}

/** Who wants the key, as in Node's `prepareAsymmetricKey`: what it accepts and what it makes of it. */
export type KeyUse = 'createPrivateKey' | 'createPublicKey' | 'sign' | 'verify'

const BYTES = 'string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView'
const BYTES_OR_KEY = 'string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey'

function invalidKeyType(name: string, use: KeyUse, value: unknown): Error {
  const types = use === 'createPrivateKey' ? BYTES : BYTES_OR_KEY
  return nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The ${name} must be of type ${types}. ${received(value)}`)
}

function fromKeyObject(key: KeyObject, use: KeyUse): KeyObject {
  if (use === 'createPrivateKey') throw invalidKeyType('"key" argument', use, key)
  if (key.type === 'secret') {
    throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', `Invalid key object type secret, expected ${use === 'verify' || use === 'createPublicKey' ? 'private or public' : 'private'}.`)
  }
  if (key.type === 'public' && use !== 'verify') {
    throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', 'Invalid key object type public, expected private.')
  }
  return use === 'sign' || key.type === 'public' ? key : keyObject(keyMaterial(key), false)
}

/** Key data: a string (in `encoding` when it is DER), an ArrayBuffer or a view. */
function bytesOf(value: unknown, encoding?: unknown): Uint8Array | undefined {
  if (typeof value === 'string') return Buffer.from(value, typeof encoding === 'string' && Buffer.isEncoding(encoding) ? encoding : 'utf8')
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
  if (value instanceof ArrayBuffer) return new Uint8Array(value)
  return undefined
}

function pemText(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  const bytes = bytesOf(value)
  return bytes && Buffer.from(bytes).toString('latin1')
}

/** A key argument (PEM, DER, JWK or KeyObject) as the private or public KeyObject that `use` wants. */
export function prepareKey(input: unknown, use: KeyUse): KeyObject {
  const wantPrivate = use === 'createPrivateKey' || use === 'sign'
  if (input instanceof KeyObject) return fromKeyObject(input, use)
  const pem = pemText(input)
  if (pem !== undefined) return fromPem(pem, wantPrivate)
  if (typeof input !== 'object' || input === null) throw invalidKeyType('"key" argument', use, input)
  const { key, format, type, encoding } = input as { key?: unknown; format?: unknown; type?: unknown; encoding?: unknown }
  if (key instanceof KeyObject) return fromKeyObject(key, use)
  if (format === 'jwk') return fromJwk(key, wantPrivate)
  const bytes = bytesOf(key, encoding)
  if (!bytes) throw invalidKeyType('"key.key" property', use, key)
  if (format === undefined || format === 'pem') return fromPem(pemText(key)!, wantPrivate)
  if (format === 'der') return fromDer(bytes, type, wantPrivate)
  throw invalidValue('options.format', format)
}
