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
      if (item !== undefined) out[key] = toJson(item, depth + 1, seen)
    }
    return out
  } finally {
    seen.delete(object)
  }
}

/** Node-like `util.inspect`: strings quoted, objects shown as compact JSON-ish text. */
export function inspect(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`
  if (value === undefined) return 'undefined'
  if (typeof value === 'function') return `[Function: ${value.name || 'anonymous'}]`
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`
  if (typeof value === 'bigint') return `${value}n`
  if (typeof value === 'symbol') return value.toString()
  if (value === null || typeof value !== 'object') return String(value)
  return JSON.stringify(toJson(value), null, 0).replace(/,"/g, ', "').replace(/":/g, '": ')
}

/** Node's `util.format`: `%s %d %i %f %j %o %O %%` placeholders, then the remaining arguments inspected. */
export function format(...args: unknown[]): string {
  const [first, ...rest] = args
  if (typeof first !== 'string') return args.map(inspect).join(' ')
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
  const remaining = rest.slice(index).map((arg) => (typeof arg === 'string' ? arg : inspect(arg)))
  return [text, ...remaining].join(' ')
}

/** Deep copy of plain JSON data. */
export function cloneJson<T>(value: T): T {
  return value === undefined ? value : JSON.parse(JSON.stringify(value))
}
