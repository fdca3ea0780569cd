/**
 * The host's side of the sandbox's WebCrypto: runs `crypto.subtle` calls for the context on Node's own
 * WebCrypto, keeping the keys in a table and handing the context only their ids and descriptions.
 */
import { webcrypto } from 'node:crypto'
import { SUBTLE_METHODS, type KeyDescriptor, type SubtleCall } from './protocol.ts'

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

  function encode(value: unknown): unknown {
    if (value instanceof CryptoKey) return describe(value)
    if (value instanceof ArrayBuffer) return { $bytes: [...new Uint8Array(value)] }
    if (value instanceof Uint8Array) return { $uint8: [...value] }
    if (Array.isArray(value)) return value.map(encode)
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, encode(item)]))
    return value
  }

  function decode(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(decode)
    if (typeof value !== 'object' || value === null) return value
    const tagged = value as Record<string, unknown>
    if (Array.isArray(tagged.$uint8)) return new Uint8Array(tagged.$uint8)
    if (typeof tagged.$key === 'number') {
      const key = keys.get(tagged.$key)
      if (!key) throw new TypeError('Unknown CryptoKey.')
      return key
    }
    return Object.fromEntries(Object.entries(tagged).map(([name, item]) => [name, decode(item)]))
  }

  return {
    async call({ method, args }) {
      if (!SUBTLE_METHODS.includes(method) || !Array.isArray(args)) throw new TypeError(`crypto.subtle.${String(method)} is not available.`)
      const subtle = webcrypto.subtle as unknown as Subtle
      return encode(await subtle[method].apply(webcrypto.subtle, decode(args) as unknown[]))
    },
  }
}
