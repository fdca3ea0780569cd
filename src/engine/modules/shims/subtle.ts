/**
 * `crypto.subtle` where the realm has none: the browser's sandbox workers are not a secure context, so jose (and
 * jwks-rsa, which imports a JWKS's keys through jose) would find no WebCrypto there. This is the part of WebCrypto
 * that JWTs use, on the engine's own `crypto` module: `digest` (SHA-1/256/384/512), `importKey` and `exportKey` (raw,
 * JWK, SPKI; PKCS#8 import), `sign` and `verify` with HMAC, RSASSA-PKCS1-v1_5, ECDSA (P-256/384/521) and Ed25519.
 * Everything else (encryption, key generation, key derivation, RSA-PSS) rejects with a NotSupportedError.
 */
import { Buffer } from 'buffer'
import * as crypto from 'crypto'

type Algorithm = { name: string; hash?: string | { name: string }; namedCurve?: string; length?: number }
type Material = { secret: Uint8Array } | { key: crypto.KeyObject }
type Jwk = Record<string, unknown>

const HASHES: Record<string, string> = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' }
const ASYMMETRIC: Record<string, 'rsa' | 'ec' | 'ed25519'> = { 'RSASSA-PKCS1-V1_5': 'rsa', ECDSA: 'ec', ED25519: 'ed25519' }
const NAMES: Record<string, string> = { 'RSASSA-PKCS1-V1_5': 'RSASSA-PKCS1-v1_5', ECDSA: 'ECDSA', ED25519: 'Ed25519', HMAC: 'HMAC' }
const CURVE_OIDS: Record<string, string> = { 'P-256': '06082a8648ce3d030107', 'P-384': '06052b81040022', 'P-521': '06052b81040023' }
const CURVE_SIZES: Record<string, number> = { 'P-256': 32, 'P-384': 48, 'P-521': 66 }

const notSupported = (what: string) => new DOMException(`${what} is not supported by the Actions Playground's WebCrypto (HMAC, RSASSA-PKCS1-v1_5, ECDSA and Ed25519 signatures, digests, and key import and export).`, 'NotSupportedError')

function bytesOf(data: unknown): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
  throw new TypeError("Failed to execute on 'SubtleCrypto': The provided value is not of type '(ArrayBuffer or ArrayBufferView)'.")
}

function arrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
}

function normalize(algorithm: unknown): Algorithm {
  const value = typeof algorithm === 'string' ? { name: algorithm } : algorithm as Algorithm
  if (!value || typeof value.name !== 'string') throw new TypeError('Algorithm: name is missing')
  return value
}

function hashOf(algorithm: Algorithm, fallback?: string): string {
  const hash = algorithm.hash === undefined ? fallback : typeof algorithm.hash === 'string' ? algorithm.hash : algorithm.hash.name
  const node = hash && HASHES[hash.toUpperCase()]
  if (!node) throw notSupported(`The hash ${String(hash)}`)
  return node
}

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url')
const fromB64url = (text: unknown) => new Uint8Array(Buffer.from(String(text), 'base64url'))

/** DER: a length, and an element of a tag and contents. */
function der(tag: number, ...contents: Uint8Array[]): Uint8Array {
  const body = Buffer.concat(contents)
  const length = body.length < 0x80 ? [body.length] : (() => {
    const bytes: number[] = []
    for (let n = body.length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256)
    return [0x80 | bytes.length, ...bytes]
  })()
  return Buffer.concat([Uint8Array.of(tag, ...length), body])
}
const hex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'))
const derInteger = (bytes: Uint8Array) => {
  let start = 0
  while (start < bytes.length - 1 && bytes[start] === 0) start++
  const trimmed = bytes.subarray(start)
  return der(0x02, trimmed[0] & 0x80 ? Buffer.concat([Uint8Array.of(0), trimmed]) : trimmed)
}
const bitString = (bytes: Uint8Array) => der(0x03, Uint8Array.of(0), bytes)

/** SubjectPublicKeyInfo of a public JWK (RFC 5280, RFC 3279, RFC 5480, RFC 8410). */
function spkiOf(jwk: Jwk): Uint8Array {
  if (jwk.kty === 'RSA') {
    return der(0x30, der(0x30, hex('06092a864886f70d010101'), hex('0500')), bitString(der(0x30, derInteger(fromB64url(jwk.n)), derInteger(fromB64url(jwk.e)))))
  }
  if (jwk.kty === 'EC') {
    return der(0x30, der(0x30, hex('06072a8648ce3d0201'), hex(CURVE_OIDS[String(jwk.crv)])), bitString(Buffer.concat([Uint8Array.of(4), fromB64url(jwk.x), fromB64url(jwk.y)])))
  }
  return der(0x30, der(0x30, hex('06032b6570')), bitString(fromB64url(jwk.x)))
}

export function createSubtle(): SubtleCrypto {
  const materials = new WeakMap<object, Material>()
  class CryptoKey {
    declare readonly type: string
    declare readonly extractable: boolean
    declare readonly algorithm: Record<string, unknown>
    declare readonly usages: string[]
    get [Symbol.toStringTag]() { return 'CryptoKey' }
  }
  function makeKey(type: string, extractable: boolean, algorithm: Record<string, unknown>, usages: unknown, material: Material): CryptoKey {
    const key = Object.create(CryptoKey.prototype) as CryptoKey
    Object.defineProperties(key, {
      type: { value: type, enumerable: true },
      extractable: { value: Boolean(extractable), enumerable: true },
      algorithm: { value: algorithm, enumerable: true },
      usages: { value: Array.isArray(usages) ? [...usages] : [], enumerable: true },
    })
    materials.set(key, material)
    return key
  }
  function materialOf(key: unknown, usage?: string): Material {
    const material = typeof key === 'object' && key !== null ? materials.get(key) : undefined
    if (!material) throw new TypeError("Failed to execute on 'SubtleCrypto': parameter is not of type 'CryptoKey'.")
    if (usage && !(key as CryptoKey).usages.includes(usage)) throw new DOMException(`The requested operation is not valid for the provided key (its usages do not include ${usage}).`, 'InvalidAccessError')
    return material
  }

  function importAsymmetric(format: string, data: unknown, algorithm: Algorithm, kind: 'rsa' | 'ec' | 'ed25519'): crypto.KeyObject {
    let jwk: Jwk | undefined
    if (format === 'jwk') jwk = data as Jwk
    if (format === 'raw') {
      if (kind === 'rsa') throw notSupported('Importing a raw RSA key')
      const bytes = bytesOf(data)
      if (kind === 'ed25519') jwk = { kty: 'OKP', crv: 'Ed25519', x: b64url(bytes) }
      else {
        const curve = String(algorithm.namedCurve)
        const size = CURVE_SIZES[curve]
        if (!size || bytes[0] !== 4 || bytes.length !== 1 + 2 * size) throw new DOMException('Invalid raw EC public key (uncompressed points only).', 'DataError')
        jwk = { kty: 'EC', crv: curve, x: b64url(bytes.subarray(1, 1 + size)), y: b64url(bytes.subarray(1 + size)) }
      }
    }
    try {
      if (jwk) return jwk.d === undefined ? crypto.createPublicKey({ key: jwk as never, format: 'jwk' }) : crypto.createPrivateKey({ key: jwk as never, format: 'jwk' })
      const key = Buffer.from(bytesOf(data))
      if (format === 'spki') return crypto.createPublicKey({ key, format: 'der', type: 'spki' })
      if (format === 'pkcs8') return crypto.createPrivateKey({ key, format: 'der', type: 'pkcs8' })
    } catch (error) {
      throw new DOMException(`Invalid key data: ${(error as Error).message}`, 'DataError')
    }
    throw notSupported(`The key format ${format}`)
  }

  function keyAlgorithm(name: string, kind: 'rsa' | 'ec' | 'ed25519', key: crypto.KeyObject, algorithm: Algorithm): Record<string, unknown> {
    if (key.asymmetricKeyType !== (kind === 'ed25519' ? 'ed25519' : kind)) throw new DOMException(`The key is not a ${name} key.`, 'DataError')
    if (kind === 'rsa') {
      const details = key.asymmetricKeyDetails as { modulusLength: number; publicExponent: bigint }
      const exponent = Buffer.from(details.publicExponent.toString(16).padStart(6, '0'), 'hex')
      return { name, hash: { name: Object.keys(HASHES).find((hash) => HASHES[hash] === hashOf(algorithm)) }, modulusLength: details.modulusLength, publicExponent: new Uint8Array(exponent) }
    }
    if (kind === 'ec') {
      const curve = String((key.export({ format: 'jwk' }) as Jwk).crv)
      if (algorithm.namedCurve !== undefined && algorithm.namedCurve !== curve) throw new DOMException(`The key's curve is ${curve}, not ${algorithm.namedCurve}.`, 'DataError')
      return { name, namedCurve: curve }
    }
    return { name }
  }

  const subtle = {
    async digest(algorithm: unknown, data: unknown): Promise<ArrayBuffer> {
      const hash = HASHES[normalize(algorithm).name.toUpperCase()]
      if (!hash) throw notSupported(`The digest ${normalize(algorithm).name}`)
      return arrayBuffer(crypto.createHash(hash).update(bytesOf(data)).digest())
    },

    async importKey(format: string, data: unknown, algorithmInput: unknown, extractable: boolean, usages: string[]): Promise<CryptoKey> {
      const algorithm = normalize(algorithmInput)
      const upper = algorithm.name.toUpperCase()
      if (upper === 'HMAC') {
        const hash = hashOf(algorithm)
        let secret: Uint8Array
        if (format === 'raw') secret = Uint8Array.from(bytesOf(data))
        else if (format === 'jwk' && (data as Jwk)?.kty === 'oct') secret = fromB64url((data as Jwk).k)
        else throw notSupported(`Importing an HMAC key as ${format}`)
        const hashName = Object.keys(HASHES).find((name) => HASHES[name] === hash)
        return makeKey('secret', extractable, { name: 'HMAC', hash: { name: hashName }, length: secret.length * 8 }, usages, { secret })
      }
      const kind = ASYMMETRIC[upper]
      if (!kind) throw notSupported(`The algorithm ${algorithm.name}`)
      const key = importAsymmetric(format, data, algorithm, kind)
      return makeKey(key.type, extractable, keyAlgorithm(NAMES[upper], kind, key, algorithm), usages, { key })
    },

    async exportKey(format: string, cryptoKey: unknown): Promise<ArrayBuffer | Jwk> {
      const material = materialOf(cryptoKey)
      const key = cryptoKey as CryptoKey
      if (!key.extractable) throw new DOMException('The key is not extractable.', 'InvalidAccessError')
      if ('secret' in material) {
        if (format === 'raw') return arrayBuffer(material.secret)
        if (format === 'jwk') {
          const hash = String((key.algorithm.hash as { name: string }).name).replace('SHA-', '')
          return { kty: 'oct', k: b64url(material.secret), alg: `HS${hash === '1' ? '1' : hash}`, ext: true, key_ops: key.usages }
        }
        throw notSupported(`Exporting an HMAC key as ${format}`)
      }
      const jwk = material.key.export({ format: 'jwk' }) as Jwk
      if (format === 'jwk') {
        const alg = key.algorithm.name === 'RSASSA-PKCS1-v1_5' ? { alg: `RS${String((key.algorithm.hash as { name: string }).name).replace('SHA-', '')}` } : {}
        return { ...jwk, ...alg, ext: true, key_ops: key.usages }
      }
      if (key.type !== 'public') throw notSupported(`Exporting a private key as ${format}`)
      if (format === 'spki') return arrayBuffer(spkiOf(jwk))
      if (format === 'raw' && jwk.kty === 'EC') return arrayBuffer(Buffer.concat([Uint8Array.of(4), fromB64url(jwk.x), fromB64url(jwk.y)]))
      if (format === 'raw' && jwk.kty === 'OKP') return arrayBuffer(fromB64url(jwk.x))
      throw notSupported(`Exporting this key as ${format}`)
    },

    async sign(algorithmInput: unknown, cryptoKey: unknown, data: unknown): Promise<ArrayBuffer> {
      const algorithm = normalize(algorithmInput)
      const material = materialOf(cryptoKey, 'sign')
      const key = cryptoKey as CryptoKey
      const bytes = bytesOf(data)
      if ('secret' in material) return arrayBuffer(crypto.createHmac(hashOf(key.algorithm as Algorithm), material.secret).update(bytes).digest())
      const upper = algorithm.name.toUpperCase()
      if (upper === 'ECDSA') return arrayBuffer(crypto.sign(hashOf(algorithm), bytes, { key: material.key, dsaEncoding: 'ieee-p1363' }))
      if (upper === 'ED25519') return arrayBuffer(crypto.sign(null, bytes, material.key))
      if (upper === 'RSASSA-PKCS1-V1_5') return arrayBuffer(crypto.sign(hashOf(key.algorithm as Algorithm), bytes, material.key))
      throw notSupported(`Signing with ${algorithm.name}`)
    },

    async verify(algorithmInput: unknown, cryptoKey: unknown, signature: unknown, data: unknown): Promise<boolean> {
      const algorithm = normalize(algorithmInput)
      const material = materialOf(cryptoKey, 'verify')
      const key = cryptoKey as CryptoKey
      const bytes = bytesOf(data)
      const expected = bytesOf(signature)
      if ('secret' in material) {
        const actual = crypto.createHmac(hashOf(key.algorithm as Algorithm), material.secret).update(bytes).digest()
        return actual.length === expected.length && crypto.timingSafeEqual(actual, expected)
      }
      const upper = algorithm.name.toUpperCase()
      if (upper === 'ECDSA') return crypto.verify(hashOf(algorithm), bytes, { key: material.key, dsaEncoding: 'ieee-p1363' }, expected)
      if (upper === 'ED25519') return crypto.verify(null, bytes, material.key, expected)
      if (upper === 'RSASSA-PKCS1-V1_5') return crypto.verify(hashOf(key.algorithm as Algorithm), bytes, material.key, expected)
      throw notSupported(`Verifying with ${algorithm.name}`)
    },
  }
  for (const name of ['encrypt', 'decrypt', 'generateKey', 'deriveKey', 'deriveBits', 'wrapKey', 'unwrapKey']) {
    (subtle as Record<string, unknown>)[name] = async () => { throw notSupported(`crypto.subtle.${name}()`) }
  }
  return subtle as unknown as SubtleCrypto
}
