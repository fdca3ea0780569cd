/**
 * Inside the sandbox's context: the global `crypto`. Random values come from the host; `subtle`, for
 * action code's own WebCrypto, runs in the host, its keys staying in the host's key table and only their
 * ids and descriptions coming back. (The engine signs its tokens in plain JavaScript, `engine/rs256.ts`.)
 */
import { SUBTLE_METHODS, type KeyDescriptor, type SubtleCall } from '../protocol.ts'
import { DOMException, bytesOf } from './encoding.ts'
import { callHost, callHostAsync } from './hostCall.ts'

const MAX_RANDOM_BYTES = 65_536
const keyIds = new WeakMap<object, number>()

export class CryptoKey {
  declare readonly type: string
  declare readonly extractable: boolean
  declare readonly algorithm: unknown
  declare readonly usages: string[]
  private constructor() {
    throw new TypeError('Illegal constructor')
  }
  get [Symbol.toStringTag]() { return 'CryptoKey' }
}

function toKey({ $key, type, extractable, algorithm, usages }: KeyDescriptor): CryptoKey {
  const key = Object.create(CryptoKey.prototype) as CryptoKey
  Object.defineProperties(key, {
    type: { value: type, enumerable: true },
    extractable: { value: extractable, enumerable: true },
    algorithm: { value: decode(algorithm), enumerable: true },
    usages: { value: usages, enumerable: true },
  })
  keyIds.set(key, $key)
  return key
}

/** Arguments going to the host: bytes as arrays of numbers (JSON's parser is native, a base64 decoder here would run cold), keys as their ids. */
function encode(value: unknown): unknown {
  if (value instanceof CryptoKey) {
    const id = keyIds.get(value)
    if (id === undefined) throw new TypeError('The key is not a CryptoKey of this sandbox.')
    return { $key: id }
  }
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return { $uint8: Array.from(bytesOf(value)) }
  if (Array.isArray(value)) return value.map(encode)
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, encode(item)]))
  return value
}

/** Results coming back. */
function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode)
  if (typeof value !== 'object' || value === null) return value
  const tagged = value as Record<string, unknown>
  if (Array.isArray(tagged.$bytes)) return new Uint8Array(tagged.$bytes).buffer
  if (Array.isArray(tagged.$uint8)) return new Uint8Array(tagged.$uint8)
  if (typeof tagged.$key === 'number') return toKey(tagged as unknown as KeyDescriptor)
  return Object.fromEntries(Object.entries(tagged).map(([name, item]) => [name, decode(item)]))
}

const subtle = Object.fromEntries(SUBTLE_METHODS.map((method) => [method, async (...args: unknown[]) =>
  decode(await callHostAsync('subtle', { method, args: encode(args) as unknown[] } satisfies Omit<SubtleCall, 'id'>)),
]))

function getRandomValues<T extends ArrayBufferView>(array: T): T {
  const integers = array instanceof Int8Array || array instanceof Uint8Array || array instanceof Uint8ClampedArray
    || array instanceof Int16Array || array instanceof Uint16Array || array instanceof Int32Array || array instanceof Uint32Array
    || array instanceof BigInt64Array || array instanceof BigUint64Array
  if (!integers) throw new DOMException('The data argument must be an integer-type TypedArray', 'TypeMismatchError')
  if (array.byteLength > MAX_RANDOM_BYTES) {
    throw new DOMException(`The ArrayBufferView's byte length (${array.byteLength}) exceeds the number of bytes of entropy available via this API (${MAX_RANDOM_BYTES})`, 'QuotaExceededError')
  }
  bytesOf(array).set(callHost('randomBytes', array.byteLength) as number[])
  return array
}

export const crypto = {
  getRandomValues,
  randomUUID: () => callHost('randomUUID') as string,
  subtle,
}
