/**
 * The `Buffer` action code gets, in the browser worker, in the CLI sandbox and in Vitest alike: the `buffer` npm
 * package (imported by path, so Node's own never stands in for it in tests), patched where it differs from Node's
 * in the encodings: it lacks `base64url`, stops hex at the first bad pair differently, writes half UTF-16 units,
 * counts base64 lengths otherwise and finds no empty needle. The patch is applied once, to the package itself, so
 * every Buffer the engine hands out (crypto digests too) is the same class.
 */
import * as bufferPackage from 'buffer/index.js'
import { nodeError } from './nodeErrors.ts'

const PackageBuffer = bufferPackage.Buffer
/** The engine's Buffer, typed as Node's (whose behaviour it follows). */
export const Buffer = PackageBuffer as unknown as typeof globalThis.Buffer
/** The package exports it; its types do not. */
export const kMaxLength = (bufferPackage as unknown as { kMaxLength: number }).kMaxLength

type Encoding = 'utf8' | 'utf16le' | 'latin1' | 'base64' | 'base64url' | 'hex' | 'ascii'

const ALIASES: Record<string, Encoding> = {
  utf8: 'utf8', 'utf-8': 'utf8', utf16le: 'utf16le', 'utf-16le': 'utf16le', ucs2: 'utf16le', 'ucs-2': 'utf16le',
  latin1: 'latin1', binary: 'latin1', base64: 'base64', base64url: 'base64url', hex: 'hex', ascii: 'ascii',
}

/** Node's names, any case; `undefined` is UTF-8; anything else fails as in Node. */
function encodingOf(encoding: unknown): Encoding {
  if (encoding === undefined || encoding === null || encoding === '') return 'utf8'
  const found = typeof encoding === 'string' ? ALIASES[encoding.toLowerCase()] : undefined
  if (!found) throw nodeError(TypeError, 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${String(encoding)}`)
  return found
}

/** How Node's messages show a string (util.inspect for the common cases). */
function quoted(text: string): string {
  const named: Record<string, string> = { '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r', "'": "\\'", '\\': '\\\\' }
  return `'${text.replace(/[\x00-\x1f\x7f'\\]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (char) => named[char]
    ?? (char.length === 1 && char.charCodeAt(0) < 0x100 ? `\\x${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}` : `\\u${char.charCodeAt(0).toString(16)}`))}'`
}

type Original = {
  from: (...args: unknown[]) => Uint8Array
  byteLength: (...args: unknown[]) => number
  isEncoding: (encoding: unknown) => boolean
  alloc: (...args: unknown[]) => Uint8Array
  toString: (...args: unknown[]) => string
  write: (...args: unknown[]) => number
  fill: (...args: unknown[]) => Uint8Array
  indexOf: (...args: unknown[]) => number
  lastIndexOf: (...args: unknown[]) => number
}

const PATCHED = Symbol.for('actions-playground.buffer-patched')

/**
 * A string's bytes in an encoding, as Node decodes it. Hex and UTF-16 are decoded here, since the package's
 * decoders go through `write`, which is patched to come here for them.
 */
function decode(original: Original, text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case 'base64url':
      // The package's base64 decoder reads the URL-safe alphabet too, as Node's does.
      return original.from(text, 'base64')
    case 'hex': {
      // Node reads whole pairs up to the first that is not hex.
      const bytes = new Uint8Array(text.length >>> 1)
      for (let i = 0; i < bytes.length; i++) {
        const pair = text.slice(i * 2, i * 2 + 2)
        if (!/^[0-9a-f]{2}$/i.test(pair)) return bytes.subarray(0, i)
        bytes[i] = Number.parseInt(pair, 16)
      }
      return bytes
    }
    case 'utf16le': {
      const bytes = new Uint8Array(text.length * 2)
      for (let i = 0; i < text.length; i++) {
        const unit = text.charCodeAt(i)
        bytes[i * 2] = unit & 0xff
        bytes[i * 2 + 1] = unit >>> 8
      }
      return bytes
    }
    default:
      return original.from(text, encoding)
  }
}

function urlSafe(base64: string): string {
  return base64.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
}

function patch(Class: Record<string | symbol, unknown> & { prototype: Record<string, unknown> }) {
  if (Class[PATCHED]) return
  Object.defineProperty(Class, PATCHED, { value: true })
  const proto = Class.prototype
  const original: Original = {
    from: (Class.from as Original['from']).bind(Class),
    byteLength: (Class.byteLength as Original['byteLength']).bind(Class),
    isEncoding: (Class.isEncoding as Original['isEncoding']).bind(Class),
    alloc: (Class.alloc as Original['alloc']).bind(Class),
    toString: proto.toString as Original['toString'],
    write: proto.write as Original['write'],
    fill: proto.fill as Original['fill'],
    indexOf: proto.indexOf as Original['indexOf'],
    lastIndexOf: proto.lastIndexOf as Original['lastIndexOf'],
  }

  Class.isEncoding = (encoding: unknown) => typeof encoding === 'string' && encoding !== '' && Object.hasOwn(ALIASES, encoding.toLowerCase())

  Class.from = function from(value: unknown, encodingOrOffset?: unknown, length?: unknown) {
    if (typeof value !== 'string') return original.from(value, encodingOrOffset, length)
    const name = encodingOf(encodingOrOffset)
    if (name !== 'hex' && name !== 'base64url' && name !== 'utf16le') return original.from(value, name)
    return original.from(decode(original, value, name))
  }

  Class.byteLength = function byteLength(value: unknown, encoding?: unknown) {
    if (typeof value !== 'string') return original.byteLength(value, encoding)
    let name: Encoding
    try {
      name = encodingOf(encoding)
    } catch {
      name = 'utf8' // Node counts an unknown encoding as UTF-8.
    }
    if (name === 'base64' || name === 'base64url') {
      // Node's estimate: the length without up to two '=' at the end, times 3/4.
      let end = value.length
      if (value.charCodeAt(end - 1) === 0x3d) end--
      if (end > 1 && value.charCodeAt(end - 1) === 0x3d) end--
      return (end * 3) >>> 2
    }
    if (name === 'hex') return value.length >>> 1
    return original.byteLength(value, name)
  }

  Class.alloc = function alloc(size: unknown, fill?: unknown, encoding?: unknown) {
    const buffer = original.alloc(size) as Uint8Array & { fill: (...args: unknown[]) => unknown }
    if (fill !== undefined && fill !== 0 && buffer.length > 0) buffer.fill(fill, encoding)
    return buffer
  }

  proto.toString = function toString(this: Uint8Array, encoding?: unknown, start?: unknown, end?: unknown) {
    if (arguments.length === 0) return original.toString.call(this)
    const name = encodingOf(encoding)
    if (name === 'base64url') return urlSafe(original.toString.call(this, 'base64', start, end))
    return original.toString.call(this, name, start, end)
  }

  proto.write = function write(this: Uint8Array, text: unknown, offset?: unknown, length?: unknown, encoding?: unknown) {
    if (typeof text !== 'string') return original.write.call(this, text, offset, length, encoding)
    // write(string[, offset[, length]][, encoding])
    if (typeof offset === 'string') [offset, length, encoding] = [0, undefined, offset]
    else if (typeof length === 'string') [length, encoding] = [undefined, length]
    const name = encodingOf(encoding)
    const start = offset === undefined ? 0 : Number(offset)
    if (start < 0 || start > this.length) {
      throw nodeError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', 'The value of "offset" is out of range.')
    }
    const room = Math.min(this.length - start, length === undefined ? Infinity : Number(length))
    if (name !== 'hex' && name !== 'base64url' && name !== 'utf16le') return original.write.call(this, text, start, room, name)
    const bytes = decode(original, text, name)
    // UTF-16 writes whole code units only.
    const count = Math.min(bytes.length, name === 'utf16le' ? room - (room % 2) : room)
    this.set(bytes.subarray(0, count), start)
    return count
  }

  proto.fill = function fill(this: Uint8Array, value: unknown, offset?: unknown, end?: unknown, encoding?: unknown) {
    if (typeof value !== 'string') return original.fill.call(this, value, offset, end, encoding)
    if (typeof offset === 'string') [offset, end, encoding] = [0, this.length, offset]
    else if (typeof end === 'string') [end, encoding] = [this.length, end]
    const name = encodingOf(encoding)
    if (value.length === 0) return original.fill.call(this, 0, offset, end)
    const bytes = decode(original, value, name)
    if (bytes.length === 0) throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument 'value' is invalid. Received ${quoted(value)}`)
    return original.fill.call(this, bytes, offset, end)
  }

  /** indexOf / lastIndexOf with a string needle in Node's encodings; an empty needle is found where the search starts. */
  function search(direction: 'first' | 'last') {
    const find = direction === 'first' ? original.indexOf : original.lastIndexOf
    return function (this: Uint8Array, value: unknown, byteOffset?: unknown, encoding?: unknown): number {
      if (typeof value !== 'string') return find.call(this, value, byteOffset, encoding)
      if (typeof byteOffset === 'string') [byteOffset, encoding] = [undefined, byteOffset]
      const needle = decode(original, value, encodingOf(encoding))
      if (needle.length > 0) return find.call(this, original.from(needle), byteOffset)
      let at = byteOffset === undefined ? NaN : Number(byteOffset)
      if (Number.isNaN(at)) at = direction === 'first' ? 0 : this.length
      else if (at < 0) at = Math.max(this.length + at, 0)
      return Math.min(Math.trunc(at), this.length)
    }
  }
  // Node's `<Buffer 61 62 ... 10 more bytes>` (the package leaves out the count).
  const custom = Symbol.for('nodejs.util.inspect.custom')
  ;(proto as Record<symbol, unknown>)[custom] = function inspect(this: Uint8Array) {
    const shown = original.toString.call(this, 'hex', 0, Math.min(50, this.length)).replace(/(.{2})/g, '$1 ').trim()
    const remaining = this.length - 50
    return `<${this.constructor.name} ${shown}${remaining > 0 ? ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}` : ''}>`
  }
  proto.indexOf = search('first')
  proto.lastIndexOf = search('last')
  proto.includes = function includes(this: { indexOf: (...args: unknown[]) => number }, value: unknown, byteOffset?: unknown, encoding?: unknown) {
    return this.indexOf(value, byteOffset, encoding) !== -1
  }
}

patch(PackageBuffer as unknown as Parameters<typeof patch>[0])
// Node's inspect prints `this.constructor.name`; a bundler may rename the package's function (`Buffer6`).
Object.defineProperty(PackageBuffer, 'name', { value: 'Buffer' })
