/**
 * The host's side of the sandbox's WebCrypto: runs `crypto.subtle` calls for the context on Node's own
 * WebCrypto, keeping the keys in a table and handing the context only their ids and descriptions.
 */
import { webcrypto } from 'node:crypto'
import { SUBTLE_METHODS, type KeyDescriptor, type SubtleCall } from './protocol.ts'
import { taggedValues } from './taggedValues.ts'

type Subtle = Record<string, (...args: unknown[]) => Promise<unknown>>

export interface KeyTable {
  call(request: SubtleCall): Promise<unknown>
}

export function createKeyTable(): KeyTable {
  const keys = new Map<number, CryptoKey>()

  const describe = (key: CryptoKey): KeyDescriptor => {
    const id = keys.size + 1
    keys.set(id, key)
    return { $key: id, type: key.type, extractable: key.extractable, algorithm: encode(key.algorithm), usages: [...key.usages] }
  }

  const { encode, decode } = taggedValues<CryptoKey>({
    isKey: (value): value is CryptoKey => value instanceof CryptoKey,
    encodeKey: describe,
    decodeKey: ({ $key }) => {
      const key = keys.get($key)
      if (!key) throw new TypeError('Unknown CryptoKey.')
      return key
    },
  })

  return {
    async call({ method, args }) {
      if (!SUBTLE_METHODS.includes(method) || !Array.isArray(args)) throw new TypeError(`crypto.subtle.${String(method)} is not available.`)
      const subtle = webcrypto.subtle as unknown as Subtle
      return encode(await subtle[method].apply(webcrypto.subtle, decode(args) as unknown[]))
    },
  }
}
