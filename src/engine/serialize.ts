/**
 * Turning anything an action hands us into plain JSON (timeline arguments, logs, results) and into text
 * the way Node prints it (`console.log`, `util.format`, `util.inspect`).
 */
import type { JsonValue } from './types.ts'

const MAX_DEPTH = 8
const MAX_ITEMS = 200
const MAX_STRING = 10_000

function truncate(text: string): string {
  return text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}… [${text.length - MAX_STRING} more characters]` : text
}

/** A JSON-safe copy: cycles, functions, BigInt, Map/Set, Errors and deep or huge values become readable placeholders. */
export function toJson(value: unknown, depth = 0, seen: Set<object> = new Set()): JsonValue {
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

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/

/** An error as Node prints it, keeping only the stack frames in action code: the engine's own are noise. */
function errorText(error: Error): string {
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at .*action-\d+-[\w-]+\.js:\d+/.test(line))
  return [`${error.name}: ${error.message}`, ...frames].join('\n')
}

function inspectValue(value: unknown, depth: number, seen: Set<object>): string {
  if (typeof value === 'string') return depth === 0 ? `'${value}'` : `'${value.replace(/'/g, "\\'")}'`
  if (value === undefined) return 'undefined'
  if (typeof value === 'function') return `[Function: ${value.name || 'anonymous'}]`
  if (typeof value === 'bigint') return `${value}n`
  if (typeof value === 'symbol') return value.toString()
  if (value === null || typeof value !== 'object') return String(value)
  if (value instanceof Error) return errorText(value)
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString()
  if (value instanceof RegExp) return value.toString()
  if (seen.has(value)) return '[Circular *1]'
  if (depth > 2) return Array.isArray(value) ? '[Array]' : '[Object]'
  seen.add(value)
  try {
    const inner = (item: unknown) => inspectValue(item, depth + 1, seen)
    if (Array.isArray(value)) return value.length ? `[ ${value.slice(0, 100).map(inner).join(', ')}${value.length > 100 ? `, ... ${value.length - 100} more items` : ''} ]` : '[]'
    if (value instanceof Map) return `Map(${value.size}) {${[...value].map(([k, v]) => ` ${inner(k)} => ${inner(v)}`).join(',')} }`
    if (value instanceof Set) return `Set(${value.size}) {${[...value].map((v) => ` ${inner(v)}`).join(',')} }`
    const keys = Object.keys(value)
    if (!keys.length) return '{}'
    const body = keys.map((key) => `${IDENTIFIER.test(key) ? key : `'${key}'`}: ${inner((value as Record<string, unknown>)[key])}`)
    return `{ ${body.join(', ')} }`
  } finally {
    seen.delete(value)
  }
}

/** Node-like `util.inspect`: `{ a: 1, b: 'x' }`, `[ 1, 2 ]`, nesting shown to depth 2. */
export function inspect(value: unknown): string {
  return inspectValue(value, 0, new Set())
}

/** Node's `util.format`: `%s %d %i %f %j %o %O %%` placeholders, then the remaining arguments inspected. */
export function format(...args: unknown[]): string {
  const [first, ...rest] = args
  const show = (arg: unknown) => (typeof arg === 'string' ? arg : inspect(arg))
  if (typeof first !== 'string') return args.map(show).join(' ')
  let index = 0
  const text = first.replace(/%[sdifjoO%]/g, (token) => {
    if (token === '%%') return '%'
    if (index >= rest.length) return token
    const arg = rest[index++]
    switch (token) {
      case '%s': return typeof arg === 'string' ? arg : inspect(arg)
      case '%d': return String(Number(arg))
      case '%i': return String(Number.parseInt(String(arg), 10))
      case '%f': return String(Number.parseFloat(String(arg)))
      case '%j': return JSON.stringify(toJson(arg))
      default: return inspect(arg)
    }
  })
  const remaining = rest.slice(index).map(show)
  return [text, ...remaining].join(' ')
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
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true })
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
