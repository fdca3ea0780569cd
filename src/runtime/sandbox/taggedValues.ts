/**
 * How WebCrypto values cross the CLI sandbox's bridge as JSON, the same on both sides: bytes as arrays of
 * numbers (`$bytes` an ArrayBuffer, `$uint8` a view), keys as whatever each side makes of them, objects and
 * arrays item by item. The host and the context each bundle their own copy: no object crosses.
 */
export interface KeyTags<Key> {
  isKey(value: unknown): value is Key
  encodeKey(key: Key): unknown
  decodeKey(tagged: Record<string, unknown> & { $key: number }): Key
}

export function taggedValues<Key>(keys: KeyTags<Key>) {
  const encode = (value: unknown): unknown => {
    if (keys.isKey(value)) return keys.encodeKey(value)
    if (value instanceof ArrayBuffer) return { $bytes: Array.from(new Uint8Array(value)) }
    if (ArrayBuffer.isView(value)) return { $uint8: Array.from(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) }
    if (Array.isArray(value)) return value.map(encode)
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, encode(item)]))
    return value
  }
  const decode = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(decode)
    if (typeof value !== 'object' || value === null) return value
    const tagged = value as Record<string, unknown>
    if (Array.isArray(tagged.$bytes)) return new Uint8Array(tagged.$bytes as number[]).buffer
    if (Array.isArray(tagged.$uint8)) return new Uint8Array(tagged.$uint8 as number[])
    if (typeof tagged.$key === 'number') return keys.decodeKey(tagged as Record<string, unknown> & { $key: number })
    return Object.fromEntries(Object.entries(tagged).map(([name, item]) => [name, decode(item)]))
  }
  return { encode, decode }
}
