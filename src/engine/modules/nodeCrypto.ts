/**
 * Node's `crypto` as far as Actions use it: hashes and HMACs (synchronous, from @noble/hashes), random values
 * drawn from the run's entropy so seeded runs repeat, `timingSafeEqual`, and WebCrypto's `subtle`.
 */
import { Buffer } from './nodeBuffer.ts'
import { blake2b, blake2s } from '@noble/hashes/blake2.js'
import { hkdf } from '@noble/hashes/hkdf.js'
import { hmac } from '@noble/hashes/hmac.js'
import type { CHash } from '@noble/hashes/utils.js'
import { md5, ripemd160, sha1 } from '@noble/hashes/legacy.js'
import { pbkdf2 } from '@noble/hashes/pbkdf2.js'
import { scrypt } from '@noble/hashes/scrypt.js'
import { sha224, sha256, sha384, sha512, sha512_224, sha512_256 } from '@noble/hashes/sha2.js'
import { sha3_224, sha3_256, sha3_384, sha3_512, shake128, shake256 } from '@noble/hashes/sha3.js'
import { withSubtle, type Entropy } from '../determinism.ts'
import { nodeError, received } from './nodeErrors.ts'
import { createSigning } from './nodeSign.ts'
import { KeyObject, secretBytes } from './nodeKeys.ts'

interface HashState {
  update(bytes: Uint8Array): unknown
  digest(): Uint8Array
  clone(): HashState
  xof?(length: number): Uint8Array
}
interface HashFunction {
  (bytes: Uint8Array): Uint8Array
  create(): HashState
  outputLen: number
  blockLen: number
  canXOF: boolean
}

/** Node's digests (OpenSSL's names); `sm3`, `md5-sha1` and the `ssl3-*` ones are missing here. */
const HASHES: Record<string, HashFunction> = {
  md5, sha1, sha224, sha256, sha384, sha512, 'sha512-224': sha512_224, 'sha512-256': sha512_256,
  'sha3-224': sha3_224, 'sha3-256': sha3_256, 'sha3-384': sha3_384, 'sha3-512': sha3_512,
  shake128: shake128 as unknown as HashFunction, shake256: shake256 as unknown as HashFunction,
  ripemd160, blake2b512: blake2b as unknown as HashFunction, blake2s256: blake2s as unknown as HashFunction,
} as Record<string, HashFunction>
const XOF = new Set(['shake128', 'shake256'])

/**
 * OpenSSL's names are case-insensitive and have aliases: `SHA256`, `sha-256`, `RSA-SHA256`,
 * `sha256WithRSAEncryption`, `ripemd`, `rmd160`.
 */
function canonicalName(algorithm: unknown): string | undefined {
  const name = String(algorithm).toLowerCase()
    .replace(/^id-rsassa-pkcs1-v1_5-with-/, '').replace(/^rsa-/, '').replace(/withrsa(encryption)?$/, '')
    .replace(/^sha-(?=\d)/, 'sha').replace(/^sha512\/(224|256)$/, 'sha512-$1').replace(/^sha1-2$/, 'sha1')
  const canonical = name === 'ripemd' || name === 'rmd160' ? 'ripemd160' : name
  return Object.hasOwn(HASHES, canonical) ? canonical : undefined
}

function hashFunction(algorithm: unknown, allowXof = false): HashFunction | undefined {
  const name = canonicalName(algorithm)
  return name && (allowXof || !XOF.has(name)) ? HASHES[name] : undefined
}

function viewBytes(value: unknown): Uint8Array | undefined {
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
  if (value instanceof ArrayBuffer) return new Uint8Array(value)
  return undefined
}

function dataBytes(value: unknown, name: string, encoding?: string): Uint8Array {
  if (typeof value === 'string') {
    // Node reads text in an unknown encoding as UTF-8.
    return Buffer.from(value, encoding && Buffer.isEncoding(encoding) ? encoding : 'utf8')
  }
  const bytes = viewBytes(value)
  if (bytes) return bytes
  throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
    `The "${name}" argument must be of type string or an instance of Buffer, TypedArray, or DataView. ${received(value)}`)
}

/** What `createHmac` returns. */
class Hmac {
  #state: HashState
  #finished = false

  constructor(state: HashState) {
    this.#state = state
  }

  update(data: unknown, inputEncoding?: string): this {
    this.#assertOpen()
    this.#state.update(dataBytes(data, 'data', inputEncoding))
    return this
  }

  /** A Buffer, or a string for a known encoding (Node also returns a Buffer for unknown encodings). */
  digest(encoding?: string): Buffer | string {
    this.#assertOpen()
    this.#finished = true
    return encoded(this.finish(this.#state), encoding)
  }

  protected finish(state: HashState): Uint8Array {
    return state.digest()
  }

  protected get state(): HashState {
    this.#assertOpen()
    return this.#state
  }

  #assertOpen() {
    if (this.#finished) throw nodeError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called')
  }
}

/** What `createHash` returns; shake128/256 take an `outputLength`. */
class Hash extends Hmac {
  #algorithm: string
  #length: number | undefined

  constructor(algorithm: string, state: HashState, length: number | undefined) {
    super(state)
    this.#algorithm = algorithm
    this.#length = length
  }

  copy(options?: { outputLength?: number }): Hash {
    const length = checkOutputLength(this.#algorithm, options?.outputLength ?? this.#length)
    return new Hash(this.#algorithm, this.state.clone(), length)
  }

  protected finish(state: HashState): Uint8Array {
    if (!XOF.has(this.#algorithm) || this.#length === undefined) return state.digest()
    return this.#length === 0 ? new Uint8Array(0) : state.xof!(this.#length)
  }
}

function checkOutputLength(algorithm: string, length: unknown): number | undefined {
  if (length === undefined) return undefined
  if (typeof length !== 'number') {
    throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "options.outputLength" property must be of type number. ${received(length)}`)
  }
  if (!XOF.has(algorithm) && length !== HASHES[algorithm].outputLen) {
    throw nodeError(Error, 'ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH', 'error:030000B2:digital envelope routines::not XOF or invalid length')
  }
  return XOF.has(algorithm) ? length : undefined
}

const BUFFER_ENCODINGS = new Set(['hex', 'base64', 'base64url', 'latin1', 'binary', 'utf8', 'utf-8', 'ascii', 'ucs2', 'ucs-2', 'utf16le', 'utf-16le'])

function encoded(digest: Uint8Array, encoding?: string): Buffer | string {
  const bytes = Buffer.from(digest)
  return encoding && Buffer.isEncoding(encoding) ? bytes.toString(encoding) : bytes
}

function checkInteger(name: string, value: unknown, min: number, max = 2147483647): number {
  if (typeof value !== 'number') throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "${name}" argument must be of type number. ${received(value)}`)
  if (!Number.isInteger(value)) {
    throw nodeError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "${name}" is out of range. It must be an integer. Received ${value}`)
  }
  if (value < min || value > max) {
    throw nodeError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "${name}" is out of range. It must be >= ${min} && <= ${max}. Received ${value}`)
  }
  return value
}

/** The digest argument of pbkdf2 and hkdf: a string naming a digest Node has. */
function kdfDigest(digest: unknown): HashFunction {
  if (typeof digest !== 'string') throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "digest" argument must be of type string. ${received(digest)}`)
  const hash = hashFunction(digest)
  if (!hash) throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid digest: ${digest}`)
  return hash
}

/** Node's key material: strings (UTF-8), Buffers, views and ArrayBuffers. */
function keyBytes(value: unknown, name: string): Uint8Array {
  if (typeof value === 'string') return Buffer.from(value, 'utf8')
  const bytes = viewBytes(value)
  if (bytes) return bytes
  throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
    `The "${name}" argument must be of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView. ${received(value)}`)
}

function pbkdf2Sync(password: unknown, salt: unknown, iterations: unknown, keylen: unknown, digest: unknown): Buffer {
  const passwordBytes = keyBytes(password, 'password')
  const saltBytes = keyBytes(salt, 'salt')
  const count = checkInteger('iterations', iterations, 1)
  const length = checkInteger('keylen', keylen, 0)
  const hash = kdfDigest(digest)
  if (length === 0) return Buffer.alloc(0)
  return Buffer.from(pbkdf2(hash as unknown as CHash, passwordBytes, saltBytes, { c: count, dkLen: length }))
}

function hkdfSync(digest: unknown, ikm: unknown, salt: unknown, info: unknown, keylen: unknown): ArrayBuffer {
  const hash = kdfDigest(digest)
  const key = keyBytes(ikm, 'ikm')
  const saltBytes = keyBytes(salt, 'salt')
  const infoBytes = keyBytes(info, 'info')
  const length = checkInteger('length', keylen, 0)
  if (infoBytes.length > 1024) {
    throw nodeError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "info" is out of range. It must be <= 1024. Received ${infoBytes.length}`)
  }
  if (length > 255 * hash.outputLen) throw nodeError(RangeError, 'ERR_CRYPTO_INVALID_KEYLEN', 'Invalid key length')
  const out = length === 0 ? new Uint8Array(0) : hkdf(hash as unknown as CHash, key, saltBytes.length ? saltBytes : new Uint8Array(hash.outputLen), infoBytes, length)
  return out.slice().buffer
}

interface ScryptOptions {
  N?: number; cost?: number; r?: number; blockSize?: number; p?: number; parallelization?: number; maxmem?: number
}

function scryptSync(password: unknown, salt: unknown, keylen: unknown, options: ScryptOptions = {}): Buffer {
  const passwordBytes = keyBytes(password, 'password')
  const saltBytes = keyBytes(salt, 'salt')
  const length = checkInteger('keylen', keylen, 0)
  const pairs: Array<[number | undefined, number | undefined]> = [[options.N, options.cost], [options.r, options.blockSize], [options.p, options.parallelization]]
  if (pairs.some(([a, b]) => a !== undefined && b !== undefined)) {
    throw nodeError(Error, 'ERR_CRYPTO_SCRYPT_INVALID_PARAMETER', 'Invalid scrypt parameter')
  }
  const N = options.N ?? options.cost ?? 16384
  const r = options.r ?? options.blockSize ?? 8
  const p = options.p ?? options.parallelization ?? 1
  const maxmem = options.maxmem ?? 32 * 1024 * 1024
  const cost = N || 16384
  const block = r || 8
  const parallel = p || 1
  if (cost < 2 || (cost & (cost - 1)) !== 0 || !Number.isInteger(cost)) {
    throw nodeError(RangeError, 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS', 'Invalid scrypt params')
  }
  if (128 * cost * block + 128 * block * parallel > maxmem) {
    throw nodeError(RangeError, 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS', 'Invalid scrypt params: error:030000AC:digital envelope routines::memory limit exceeded')
  }
  if (length === 0) return Buffer.alloc(0)
  return Buffer.from(scrypt(passwordBytes, saltBytes, { N: cost, r: block, p: parallel, dkLen: length, maxmem: maxmem + 1024 * 1024 }))
}

/** The callback forms: arguments are checked now, the work runs after the current job. */
function later<T>(run: () => T, callback: unknown): void {
  if (typeof callback !== 'function') {
    throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "callback" argument must be of type function. ${received(callback)}`)
  }
  const result = run()
  setTimeout(() => (callback as (error: Error | null, value: T) => void)(null, result), 0)
}

/** `crypto.hash(algorithm, data, outputEncoding = 'hex')`, Node 20.12's one-shot digest. */
function oneShotHash(algorithm: unknown, data: unknown, outputEncoding: unknown = 'hex'): Buffer | string {
  if (typeof algorithm !== 'string') throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "algorithm" argument must be of type string. ${received(algorithm)}`)
  if (typeof data !== 'string' && !ArrayBuffer.isView(data)) {
    throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "data" argument must be of type string or an instance of Buffer, TypedArray, or DataView. ${received(data)}`)
  }
  if (typeof outputEncoding !== 'string') {
    throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "outputEncoding" argument must be of type string. ${received(outputEncoding)}`)
  }
  const normalized = outputEncoding.toLowerCase()
  if (normalized !== 'buffer' && !BUFFER_ENCODINGS.has(normalized)) {
    throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument 'outputEncoding' is invalid. Received '${outputEncoding}'`)
  }
  const hash = hashFunction(algorithm, true)
  if (!hash) throw new Error(`Digest method ${algorithm} is not supported`)
  const digest = hash(dataBytes(data, 'data'))
  return normalized === 'buffer' ? Buffer.from(digest) : encoded(digest, normalized)
}

/**
 * What Node's crypto has and the playground does not emulate (ciphers, key generation, key agreement, RSA encryption,
 * certificates): present, as packages reach for them as they load (jose 5 promisifies `generateKeyPair`), and failing
 * with a clear error when called.
 */
function notEmulated(name: string): (...args: unknown[]) => never {
  const fail = (): never => {
    throw nodeError(Error, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', `crypto.${name}() is not available in the Actions Playground: it emulates hashes, HMAC, key derivation, random values, and signing and verifying with RSA, EC and Ed25519 keys.`)
  }
  Object.defineProperty(fail, 'name', { value: name })
  return fail
}
const NOT_EMULATED = [
  'createCipheriv', 'createDecipheriv', 'createECDH', 'createDiffieHellman', 'createDiffieHellmanGroup', 'getDiffieHellman', 'diffieHellman',
  'generateKeyPair', 'generateKeyPairSync', 'generateKey', 'generateKeySync', 'generatePrime', 'generatePrimeSync', 'checkPrime', 'checkPrimeSync',
  'publicEncrypt', 'privateDecrypt', 'privateEncrypt', 'publicDecrypt', 'X509Certificate', 'Certificate', 'secureHeapUsed', 'setEngine',
]

export function createCrypto(entropy: Entropy, fallbackSubtle?: () => SubtleCrypto | undefined) {
  /** `crypto.getRandomValues` (the unseeded entropy) fills at most 64 KiB per call. */
  function fillRandom<T extends Uint8Array>(bytes: T): T {
    for (let offset = 0; offset < bytes.length; offset += 65_536) entropy.fill(bytes.subarray(offset, offset + 65_536))
    return bytes
  }

  function randomBytes(size: number, callback?: (error: Error | null, bytes: Buffer) => void): Buffer | undefined {
    if (typeof size !== 'number') {
      throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "size" argument must be of type number. ${received(size)}`)
    }
    if (!(size >= 0 && size <= 2 ** 31 - 1)) {
      throw nodeError(RangeError, 'ERR_OUT_OF_RANGE',
        `The value of "size" is out of range. It must be >= 0 && <= 2147483647. Received ${size}`)
    }
    const bytes = fillRandom(Buffer.alloc(size))
    if (!callback) return bytes
    queueMicrotask(() => callback(null, bytes))
    return undefined
  }

  function randomInt(min: number, max?: number): number {
    if (max === undefined) [min, max] = [0, min]
    for (const [name, value] of [['min', min], ['max', max]] as const) {
      if (!Number.isSafeInteger(value)) {
        throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "${name}" argument must be a safe integer. ${received(value)}`)
      }
    }
    if (max <= min) {
      throw nodeError(RangeError, 'ERR_OUT_OF_RANGE',
        `The value of "max" is out of range. It must be greater than the value of "min" (${min}). Received ${max}`)
    }
    // Node's algorithm: draw 48 bits and reject the top partial range, so every result is equally likely.
    const RAND_MAX = 0xffff_ffff_ffff
    const range = max - min
    if (range > RAND_MAX) {
      throw nodeError(RangeError, 'ERR_OUT_OF_RANGE',
        `The value of "max - min" is out of range. It must be <= ${RAND_MAX}. Received ${range}`)
    }
    const limit = RAND_MAX - (RAND_MAX % range)
    for (;;) {
      const draw = entropy.fill(new Uint8Array(6)).reduce((value, byte) => value * 256 + byte, 0)
      if (draw < limit) return min + (draw % range)
    }
  }

  function getRandomValues<T extends ArrayBufferView>(array: T): T {
    // The real one first, for its argument checks and errors; then the run's entropy replaces its bytes.
    globalThis.crypto.getRandomValues(array)
    entropy.fill(new Uint8Array(array.buffer, array.byteOffset, array.byteLength))
    return array
  }

  const randomUUID = () => entropy.uuid()

  return withSubtle({
    createHash(algorithm: string, options?: { outputLength?: number }): Hash {
      const name = canonicalName(algorithm)
      if (!name) throw new Error('Digest method not supported')
      const length = checkOutputLength(name, options?.outputLength)
      return new Hash(name, HASHES[name].create(), length)
    },
    createHmac(algorithm: string, key: unknown): Hmac {
      const hash = hashFunction(algorithm)
      if (!hash) throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid digest: ${algorithm}`)
      const secret = key instanceof KeyObject ? secretBytes(key) : undefined
      if (key instanceof KeyObject && !secret) {
        throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', `Invalid key object type ${key.type}, expected secret.`)
      }
      return new Hmac(hmac.create(hash as unknown as CHash, secret ?? dataBytes(key, 'key')) as unknown as HashState)
    },
    hash: oneShotHash,
    ...createSigning(dataBytes),
    getHashes: () => Object.keys(HASHES),
    pbkdf2Sync,
    pbkdf2(password: unknown, salt: unknown, iterations: unknown, keylen: unknown, digest: unknown, callback: unknown): void {
      later(() => pbkdf2Sync(password, salt, iterations, keylen, digest), callback)
    },
    hkdfSync,
    hkdf(digest: unknown, ikm: unknown, salt: unknown, info: unknown, keylen: unknown, callback: unknown): void {
      later(() => hkdfSync(digest, ikm, salt, info, keylen), callback)
    },
    scryptSync,
    scrypt(password: unknown, salt: unknown, keylen: unknown, options: unknown, callback?: unknown): void {
      if (typeof options === 'function') [options, callback] = [undefined, options]
      later(() => scryptSync(password, salt, keylen, (options ?? {}) as ScryptOptions), callback)
    },
    randomBytes,
    randomUUID,
    randomInt,
    getRandomValues,
    timingSafeEqual(buf1: unknown, buf2: unknown): boolean {
      const a = viewBytes(buf1)
      const b = viewBytes(buf2)
      if (!a || !b) {
        throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
          `The "${a ? 'buf2' : 'buf1'}" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.`)
      }
      if (a.length !== b.length) {
        throw nodeError(RangeError, 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH', 'Input buffers must have the same byte length')
      }
      let diff = 0
      for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i]
      return diff === 0
    },
    // Node's `webcrypto` is the global `crypto`; here its random half also draws from the run's entropy.
    webcrypto: withSubtle({ getRandomValues, randomUUID }, fallbackSubtle),
    getCiphers: () => [],
    getCurves: () => ['prime256v1', 'secp384r1', 'secp521r1'],
    getFips: () => 0,
    constants: { RSA_PKCS1_PADDING: 1, RSA_NO_PADDING: 3, RSA_PKCS1_OAEP_PADDING: 4, RSA_PKCS1_PSS_PADDING: 6, RSA_PSS_SALTLEN_DIGEST: -1, RSA_PSS_SALTLEN_MAX_SIGN: -2, RSA_PSS_SALTLEN_AUTO: -2 },
    ...Object.fromEntries(NOT_EMULATED.map((name) => [name, notEmulated(name)])),
  }, fallbackSubtle)
}
