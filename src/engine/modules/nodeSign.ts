/**
 * Node's RSA signatures (RSASSA-PKCS1-v1_5, what RS256 tokens use) in plain JavaScript, synchronous as in Node:
 * `createSign`, `createVerify`, `sign`, `verify`, `createPrivateKey` and `createPublicKey` for RSA keys in PEM
 * (PKCS#8, PKCS#1, SPKI), DER and JWK. Elliptic-curve keys (ES256) are not emulated: @noble/curves is not a
 * dependency.
 */
import { Buffer } from './nodeBuffer.ts'
import { sha1 } from '@noble/hashes/legacy.js'
import { sha224, sha256, sha384, sha512 } from '@noble/hashes/sha2.js'
import { emsaPkcs1v15, modPow, rsaPrivate, toBigInt, toBytes } from '../rsaMath.ts'
import { nodeError } from './nodeErrors.ts'

/** DER of DigestInfo before the hash (RFC 8017 §9.2, note 1). */
const DIGESTS: Record<string, { hash: (bytes: Uint8Array) => Uint8Array; prefix: string }> = {
  sha1: { hash: sha1, prefix: '3021300906052b0e03021a05000414' },
  sha224: { hash: sha224, prefix: '302d300d06096086480165030402040500041c' },
  sha256: { hash: sha256, prefix: '3031300d060960864801650304020105000420' },
  sha384: { hash: sha384, prefix: '3041300d060960864801650304020205000430' },
  sha512: { hash: sha512, prefix: '3051300d060960864801650304020305000440' },
}

function digestOf(algorithm: unknown) {
  const name = String(algorithm).toLowerCase().replace(/^rsa-/, '').replace(/withrsaencryption$/, '').replace(/^sha-(?=\d)/, 'sha')
  return Object.hasOwn(DIGESTS, name) ? DIGESTS[name] : undefined
}


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
  if (tag === undefined || start + length > bytes.length) throw new Error('Invalid DER')
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

const RSA_OID = '2a864886f70d010101'
const hexOf = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex')

interface RsaKey { n: bigint; e: bigint; d?: bigint; p?: bigint; q?: bigint; dp?: bigint; dq?: bigint; qi?: bigint }

function rsaPrivateKey(der: Der): RsaKey {
  const [, n, e, d, p, q, dp, dq, qi] = children(der).map((item) => toBigInt(item.body))
  return { n, e, d, p, q, dp, dq, qi }
}

function fromDer(bytes: Uint8Array, label: string): RsaKey {
  const top = readDer(bytes)
  const items = children(top)
  if (label === 'RSA PRIVATE KEY') return rsaPrivateKey(top)
  if (label === 'RSA PUBLIC KEY') return { n: toBigInt(items[0].body), e: toBigInt(items[1].body) }
  if (label === 'PRIVATE KEY') {
    if (hexOf(children(items[1])[0].body) !== RSA_OID) throw unsupported()
    return rsaPrivateKey(readDer(items[2].body))
  }
  if (label === 'PUBLIC KEY') {
    if (hexOf(children(items[0])[0].body) !== RSA_OID) throw unsupported()
    const rsa = children(readDer(items[1].body.subarray(1)))
    return { n: toBigInt(rsa[0].body), e: toBigInt(rsa[1].body) }
  }
  throw unsupported()
}

const unsupported = () => nodeError(Error, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM',
  'The playground signs and verifies with RSA keys only (RS256 and the other RSASSA-PKCS1-v1_5 digests).')

const b64url = (value: unknown) => toBigInt(Buffer.from(String(value), 'base64url'))
const jwkField = (value: bigint) => {
  let hex = value.toString(16)
  if (hex.length % 2) hex = `0${hex}`
  return Buffer.from(hex, 'hex').toString('base64url')
}

/** What `createPrivateKey` and `createPublicKey` return. */
export class KeyObject {
  readonly type: 'private' | 'public'
  readonly asymmetricKeyType = 'rsa'
  readonly #key: RsaKey

  constructor(type: 'private' | 'public', key: RsaKey) {
    this.type = type
    this.#key = key
  }

  get asymmetricKeyDetails() {
    return { modulusLength: this.#key.n.toString(2).length, publicExponent: this.#key.e }
  }

  /** JWK only (PEM and DER export are not emulated). */
  export(options?: { format?: string }): Record<string, string> {
    if (options?.format !== 'jwk') throw nodeError(Error, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', 'The playground exports keys as JWK only.')
    const key = this.#key
    const pub = { kty: 'RSA', n: jwkField(key.n), e: jwkField(key.e) }
    if (this.type === 'public') return pub
    return { ...pub, d: jwkField(key.d!), p: jwkField(key.p!), q: jwkField(key.q!), dp: jwkField(key.dp!), dq: jwkField(key.dq!), qi: jwkField(key.qi!) }
  }

  /** @internal */
  static rsa(key: KeyObject): RsaKey {
    return key.#key
  }
}

type KeyInput = string | Uint8Array | KeyObject | { key: unknown; format?: string; type?: string }

function parseKey(input: KeyInput, want: 'private' | 'public'): KeyObject {
  if (input instanceof KeyObject) {
    if (want === 'public' && input.type === 'private') return new KeyObject('public', { n: KeyObject.rsa(input).n, e: KeyObject.rsa(input).e })
    return input
  }
  const options = typeof input === 'object' && !ArrayBuffer.isView(input) ? input : { key: input }
  const key = options.key
  if (options.format === 'jwk') {
    const jwk = key as Record<string, unknown>
    if (jwk?.kty !== 'RSA') throw unsupported()
    const rsa: RsaKey = { n: b64url(jwk.n), e: b64url(jwk.e) }
    if (jwk.d !== undefined) Object.assign(rsa, { d: b64url(jwk.d), p: b64url(jwk.p), q: b64url(jwk.q), dp: b64url(jwk.dp), dq: b64url(jwk.dq), qi: b64url(jwk.qi) })
    return toType(rsa, want)
  }
  if (key instanceof KeyObject) return parseKey(key, want)
  if (options.format === 'der') {
    const label = options.type === 'pkcs1' ? (want === 'private' ? 'RSA PRIVATE KEY' : 'RSA PUBLIC KEY') : options.type === 'pkcs8' ? 'PRIVATE KEY' : 'PUBLIC KEY'
    return toType(fromDer(Buffer.from(key as Uint8Array), label), label.includes('PRIVATE') ? 'private' : 'public', want)
  }
  const text = typeof key === 'string' ? key : Buffer.from(key as Uint8Array).toString('utf8')
  const match = /-----BEGIN ([A-Z ]+)-----([\s\S]*?)-----END \1-----/.exec(text)
  if (!match) throw nodeError(Error, 'ERR_OSSL_UNSUPPORTED', 'error:1E08010C:DECODER routines::unsupported')
  const label = match[1]
  if (label.includes('ENCRYPTED')) throw unsupported()
  const der = Buffer.from(match[2].replace(/\s+/g, ''), 'base64')
  return toType(fromDer(der, label), label.includes('PRIVATE') ? 'private' : 'public', want)
}

function toType(key: RsaKey, has: 'private' | 'public', want: 'private' | 'public' = has): KeyObject {
  if (want === 'private' && (has === 'public' || key.d === undefined)) {
    throw nodeError(Error, 'ERR_OSSL_UNSUPPORTED', 'error:1E08010C:DECODER routines::unsupported')
  }
  return want === 'public' ? new KeyObject('public', { n: key.n, e: key.e }) : new KeyObject('private', key)
}

function encoded(digest: { hash: (bytes: Uint8Array) => Uint8Array; prefix: string }, data: Uint8Array, length: number): bigint {
  return emsaPkcs1v15(Buffer.from(digest.prefix + hexOf(digest.hash(data)), 'hex'), length)
}

function rsaSign(algorithm: unknown, data: Uint8Array, key: KeyInput): Buffer {
  const digest = digestOf(algorithm ?? 'sha256')
  if (!digest) throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid digest: ${String(algorithm)}`)
  const rsa = KeyObject.rsa(parseKey(key, 'private'))
  const length = Math.ceil(rsa.n.toString(16).length / 2)
  return Buffer.from(toBytes(rsaPrivate(encoded(digest, data, length), rsa as Required<RsaKey>), length))
}

function rsaVerify(algorithm: unknown, data: Uint8Array, key: KeyInput, signature: Uint8Array): boolean {
  const digest = digestOf(algorithm ?? 'sha256')
  if (!digest) throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid digest: ${String(algorithm)}`)
  const rsa = KeyObject.rsa(parseKey(key, 'public'))
  const length = Math.ceil(rsa.n.toString(16).length / 2)
  if (signature.length !== length) return false
  return modPow(toBigInt(signature), rsa.e, rsa.n) === encoded(digest, data, length)
}

type Bytes = (value: unknown, name: string, encoding?: string) => Uint8Array

/** The streaming forms: `createSign(alg).update(data).sign(key, encoding)`. */
export function createSigning(dataBytes: Bytes) {
  class Sign {
    #algorithm: string
    #chunks: Uint8Array[] = []
    constructor(algorithm: string) {
      if (!digestOf(algorithm)) throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', 'Invalid digest')
      this.#algorithm = algorithm
    }
    update(data: unknown, encoding?: string): this {
      this.#chunks.push(Uint8Array.from(dataBytes(data, 'data', encoding)))
      return this
    }
    protected data(): Uint8Array {
      return Buffer.concat(this.#chunks)
    }
    protected get algorithm() {
      return this.#algorithm
    }
    sign(key: KeyInput, encoding?: string): Buffer | string {
      const signature = rsaSign(this.algorithm, this.data(), key)
      return encoding && Buffer.isEncoding(encoding) ? signature.toString(encoding as BufferEncoding) : signature
    }
  }
  class Verify extends Sign {
    verify(key: KeyInput, signature: unknown, encoding?: string): boolean {
      return rsaVerify(this.algorithm, this.data(), key, dataBytes(signature, 'signature', encoding))
    }
  }
  return {
    createSign: (algorithm: string) => new Sign(algorithm),
    createVerify: (algorithm: string) => new Verify(algorithm),
    sign: (algorithm: string | null | undefined, data: unknown, key: KeyInput) => rsaSign(algorithm, dataBytes(data, 'data'), key),
    verify: (algorithm: string | null | undefined, data: unknown, key: KeyInput, signature: unknown) =>
      rsaVerify(algorithm, dataBytes(data, 'data'), key, dataBytes(signature, 'signature')),
    createPrivateKey: (key: KeyInput) => parseKey(key, 'private'),
    createPublicKey: (key: KeyInput) => parseKey(key, 'public'),
    KeyObject,
  }
}
