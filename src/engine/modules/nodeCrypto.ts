/**
 * Node's `crypto` as far as Actions use it: hashes and HMACs (synchronous, from @noble/hashes), random values
 * drawn from the run's entropy so seeded runs repeat, `timingSafeEqual`, and WebCrypto's `subtle`.
 */
import { Buffer } from 'buffer'
import { hmac } from '@noble/hashes/hmac.js'
import { md5, sha1 } from '@noble/hashes/legacy.js'
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js'
import type { Entropy } from '../determinism.ts'
import { inspect } from '../serialize.ts'

type HashState = { update(bytes: Uint8Array): unknown; digest(): Uint8Array }

const HASHES = { md5, sha1, sha256, sha384, sha512 }

/** OpenSSL also knows these algorithms as `SHA256`, `sha-256` and `RSA-SHA256`. */
function hashFunction(algorithm: unknown) {
  const name = String(algorithm).toLowerCase().replace(/^rsa-/, '').replace(/^sha-/, 'sha')
  return Object.hasOwn(HASHES, name) ? HASHES[name as keyof typeof HASHES] : undefined
}

function nodeError(Type: ErrorConstructor, code: string, message: string): Error {
  return Object.assign(new Type(message), { code })
}

/** The end of Node's ERR_INVALID_ARG_TYPE messages. */
function received(value: unknown): string {
  if (value === null || value === undefined) return `Received ${value}`
  if (typeof value === 'function') return `Received function ${value.name}`
  if (typeof value === 'object') return `Received an instance of ${value.constructor?.name ?? 'Object'}`
  return `Received type ${typeof value} (${inspect(value)})`
}

function viewBytes(value: unknown): Uint8Array | undefined {
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
  if (value instanceof ArrayBuffer) return new Uint8Array(value)
  return undefined
}

function dataBytes(value: unknown, name: string, encoding?: string): Uint8Array {
  if (typeof value === 'string') {
    // The `buffer` package lacks 'base64url' but its base64 decoder reads the URL-safe alphabet too; Node reads
    // text in an unknown encoding as UTF-8.
    if (encoding === 'base64url') return Buffer.from(value, 'base64')
    return Buffer.from(value, encoding && Buffer.isEncoding(encoding) ? encoding : 'utf8')
  }
  const bytes = viewBytes(value)
  if (bytes) return bytes
  throw nodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
    `The "${name}" argument must be of type string or an instance of Buffer, TypedArray, or DataView. ${received(value)}`)
}

/** What `createHash` and `createHmac` return. */
class Hash {
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
    const bytes = Buffer.from(this.#state.digest())
    if (encoding === 'base64url') return bytes.toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
    return encoding && Buffer.isEncoding(encoding) ? bytes.toString(encoding) : bytes
  }

  #assertOpen() {
    if (this.#finished) throw nodeError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called')
  }
}

export function createCrypto(entropy: Entropy) {
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
  const subtle = globalThis.crypto.subtle

  return {
    createHash(algorithm: string): Hash {
      const hash = hashFunction(algorithm)
      if (!hash) throw new Error('Digest method not supported')
      return new Hash(hash.create())
    },
    createHmac(algorithm: string, key: unknown): Hash {
      const hash = hashFunction(algorithm)
      if (!hash) throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid digest: ${algorithm}`)
      return new Hash(hmac.create(hash, dataBytes(key, 'key')))
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
    webcrypto: { getRandomValues, randomUUID, subtle },
    subtle,
  }
}
