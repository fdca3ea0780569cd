/** Node's `querystring`. */

export type ParsedQuery = Record<string, string | string[]>

const encoder = new TextEncoder()
const decoder = new TextDecoder()

export function escape(value: unknown): string {
  return encodeURIComponent(String(value))
}

/**
 * Percent-decoding that, like Node, keeps malformed escapes as they are and turns invalid UTF-8 into U+FFFD
 * where `decodeURIComponent` would throw.
 */
export function unescape(value: unknown): string {
  const text = String(value)
  if (!text.includes('%')) return text
  const input = encoder.encode(text)
  const output = new Uint8Array(input.length)
  const hex = (byte: number) => (byte >= 48 && byte <= 57) || ((byte | 0x20) >= 97 && (byte | 0x20) <= 102)
  let length = 0
  for (let i = 0; i < input.length; i++) {
    if (input[i] === 0x25 && hex(input[i + 1]) && hex(input[i + 2])) {
      output[length++] = Number.parseInt(String.fromCharCode(input[i + 1], input[i + 2]), 16)
      i += 2
    } else {
      output[length++] = input[i]
    }
  }
  return decoder.decode(output.subarray(0, length))
}

export interface ParseOptions {
  maxKeys?: number
  decodeURIComponent?: (text: string) => string
}

/**
 * Repeated keys collect their values in an array; `+` is a space. As in Node, at most `maxKeys` (1000 unless
 * given; 0 for no limit) pieces between separators are read, empty ones included.
 */
export function parse(text: unknown, sep?: string | null, eq?: string | null, options?: ParseOptions): ParsedQuery {
  const result: ParsedQuery = Object.create(null)
  if (typeof text !== 'string' || text.length === 0) return result
  const equals = eq || '='
  const maxKeys = typeof options?.maxKeys === 'number' ? options.maxKeys : 1000
  const decodeText = typeof options?.decodeURIComponent === 'function' ? options.decodeURIComponent : unescape
  const decode = (part: string) => {
    const spaced = part.replace(/\+/g, ' ')
    if (decodeText === unescape) return unescape(spaced)
    try {
      return decodeText(spaced)
    } catch {
      return unescape(spaced)
    }
  }
  let pairs = text.split(sep || '&')
  if (maxKeys > 0) pairs = pairs.slice(0, maxKeys)
  for (const pair of pairs) {
    if (!pair) continue
    const at = pair.indexOf(equals)
    const key = decode(at === -1 ? pair : pair.slice(0, at))
    const value = at === -1 ? '' : decode(pair.slice(at + equals.length))
    const existing = result[key]
    if (existing === undefined) result[key] = value
    else if (Array.isArray(existing)) existing.push(value)
    else result[key] = [existing, value]
  }
  return result
}

function primitive(value: unknown): string {
  switch (typeof value) {
    case 'string': return escape(value)
    case 'number': return Number.isFinite(value) ? String(value) : ''
    case 'bigint':
    case 'boolean': return String(value)
    default: return ''
  }
}

/** Arrays repeat their key; values that are neither strings, finite numbers, bigints nor booleans become empty. */
export function stringify(object: unknown, sep?: string, eq?: string): string {
  if (object === null || typeof object !== 'object') return ''
  const pairs: string[] = []
  for (const [key, value] of Object.entries(object)) {
    const prefix = escape(key) + (eq || '=')
    if (Array.isArray(value)) for (const item of value) pairs.push(prefix + primitive(item))
    else pairs.push(prefix + primitive(value))
  }
  return pairs.join(sep || '&')
}

export function createQuerystring() {
  return { parse, stringify, escape, unescape, decode: parse, encode: stringify }
}
