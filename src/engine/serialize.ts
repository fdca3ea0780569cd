/**
 * Turning anything an action hands us into plain JSON (timeline arguments, logs, results). Text the way
 * Node prints it (`console.log`, `util.format`, `util.inspect`) is nodeInspect.ts's.
 */
import type { JsonValue } from './types.ts'

const MAX_DEPTH = 8
const MAX_ITEMS = 200
const MAX_STRING = 10_000

function truncate(text: string): string {
  return text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}… [${text.length - MAX_STRING} more characters]` : text
}

/** A JSON-safe copy: cycles, functions, BigInt, Map/Set, Errors and deep or huge values become readable placeholders. */
export function toJson(value: unknown, depth = 0, seen?: Set<object>): JsonValue {
  switch (typeof value) {
    case 'string': return truncate(value)
    case 'number': return Number.isFinite(value) ? value : String(value)
    case 'boolean': return value
    case 'undefined': return null
    case 'bigint': return `${value}n`
    case 'symbol': return value.toString()
    case 'function': return `[Function ${value.name || 'anonymous'}]`
  }
  if (value === null) return null
  const object = value as object
  // Made for the first object only: most arguments are strings and numbers, and this runs on every api call.
  seen ??= new Set()
  if (seen.has(object)) return '[Circular]'
  if (depth >= MAX_DEPTH) return Array.isArray(object) ? '[Array]' : '[Object]'
  if (object instanceof Date) return Number.isNaN(object.getTime()) ? 'Invalid Date' : object.toISOString()
  if (object instanceof Error) return { name: object.name, message: object.message }
  if (object instanceof RegExp) return object.toString()
  seen.add(object)
  try {
    if (Array.isArray(object)) return object.slice(0, MAX_ITEMS).map((item) => toJson(item, depth + 1, seen))
    if (object instanceof Map) return { '[Map]': toJson(Object.fromEntries(object), depth + 1, seen) }
    if (object instanceof Set) return { '[Set]': toJson([...object], depth + 1, seen) }
    if (ArrayBuffer.isView(object)) return `[${object.constructor.name} ${object.byteLength} bytes]`
    const out: { [key: string]: JsonValue } = {}
    let count = 0
    for (const key of Object.keys(object)) {
      if (count++ >= MAX_ITEMS) { out['…'] = `${Object.keys(object).length - MAX_ITEMS} more keys`; break }
      const item = (object as Record<string, unknown>)[key]
      if (item !== undefined) setOwn(out, key, toJson(item, depth + 1, seen))
    }
    return out
  } finally {
    seen.delete(object)
  }
}

/**
 * A value as Auth0 receives it: JSON-serialized (undefined and functions vanish, Dates become strings),
 * exactly, without the display limits of `toJson`. A circular value throws, as JSON.stringify does.
 */
export function jsonCopy(value: unknown): JsonValue {
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  const text = JSON.stringify(value)
  return text === undefined ? null : JSON.parse(text)
}

/**
 * Sets an own, enumerable property, also for the key `__proto__` (JSON.parse makes it an ordinary key), where
 * `target[key] = value` would replace the object's prototype instead.
 */
export function setOwn<T>(target: { [key: string]: T }, key: string, value: T) {
  // Only `__proto__` would reach the prototype: every other key is an own property by plain assignment.
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true })
  else target[key] = value
}

/** A size in characters as megabytes, for messages: "4.2 MB". */
export function megabytes(characters: number): string {
  return `${(characters / 1_000_000).toFixed(1)} MB`
}

/** The UTF-8 byte length of a string, without encoding it. */
export function utf8Length(text: string): number {
  let length = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) length += 1
    else if (code < 0x800) length += 2
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) { length += 4; i++ }
    else length += 3
  }
  return length
}

/** Deep copy of plain JSON data. */
export function cloneJson<T>(value: T): T {
  return value === undefined ? value : JSON.parse(JSON.stringify(value))
}
