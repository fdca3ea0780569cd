/**
 * Inside the sandbox's context: the global `crypto`. Random values come from the host; `subtle`, for
 * action code's own WebCrypto, runs in the host, its keys staying in the host's key table and only their
 * ids and descriptions coming back. (The engine signs its tokens in plain JavaScript, `engine/rs256.ts`.)
 */
import { SUBTLE_METHODS, type KeyDescriptor, type SubtleCall } from '../protocol.ts'
import { taggedValues } from '../taggedValues.ts'
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

/** Keys go to the host as their ids and come back as CryptoKeys of this context. */
const { encode, decode } = taggedValues<CryptoKey>({
  isKey: (value): value is CryptoKey => value instanceof CryptoKey,
  encodeKey: (key) => {
    const id = keyIds.get(key)
    if (id === undefined) throw new TypeError('The key is not a CryptoKey of this sandbox.')
    return { $key: id }
  },
  decodeKey: (tagged) => toKey(tagged as unknown as KeyDescriptor),
})

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
