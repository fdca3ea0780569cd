/** Inside the sandbox's context: `TextEncoder`, `TextDecoder`, `atob`, `btoa` and `DOMException`, in plain JavaScript. */
import { Buffer } from 'buffer'

export class DOMException extends Error {
  constructor(message = '', name = 'Error') {
    super(message)
    Object.defineProperty(this, 'name', { value: name, configurable: true, writable: true })
  }
}

/** The bytes an ArrayBuffer or a view holds, without copying. */
export function bytesOf(input: unknown): Uint8Array {
  if (input instanceof ArrayBuffer) return new Uint8Array(input)
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
  throw new TypeError('The "input" argument must be an instance of ArrayBuffer or ArrayBufferView.')
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** A string as Unicode scalar values: lone surrogates become U+FFFD, as when a USVString is expected. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD')
}

export class TextEncoder {
  readonly encoding = 'utf-8'

  encode(input: unknown = ''): Uint8Array {
    // V8's own UTF-8 encoder: the engine's code runs cold in each fresh context, a JavaScript one would be slow.
    const binary = unescape(encodeURIComponent(wellFormed(String(input))))
    const bytes = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
    return bytes
  }

  encodeInto(source: unknown, destination: Uint8Array): { read: number; written: number } {
    let read = 0
    let written = 0
    for (const char of String(source)) {
      const bytes = Buffer.from(char, 'utf8')
      if (written + bytes.length > destination.length) break
      destination.set(bytes, written)
      written += bytes.length
      read += char.length
    }
    return { read, written }
  }
}

const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8'])

export class TextDecoder {
  readonly encoding = 'utf-8'
  readonly fatal: boolean
  readonly ignoreBOM: boolean

  constructor(label: unknown = 'utf-8', options: { fatal?: boolean; ignoreBOM?: boolean } = {}) {
    if (!UTF8_LABELS.has(String(label).trim().toLowerCase())) {
      throw new RangeError(`The "${String(label)}" encoding is not supported in the Actions Playground (only UTF-8 is).`)
    }
    this.fatal = Boolean(options.fatal)
    this.ignoreBOM = Boolean(options.ignoreBOM)
  }

  decode(input?: unknown): string {
    if (input === undefined) return ''
    const bytes = bytesOf(input)
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
    if (this.fatal && text.includes('\uFFFD') && !Buffer.from(text, 'utf8').equals(Buffer.from(bytes))) {
      throw Object.assign(new TypeError('The encoded data was not valid for encoding utf-8'), { code: 'ERR_ENCODING_INVALID_ENCODED_DATA' })
    }
    return !this.ignoreBOM && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  }
}

export function btoa(data: unknown): string {
  const text = String(data)
  if (/[^\0-\xff]/.test(text)) throw new DOMException('Invalid character', 'InvalidCharacterError')
  return Buffer.from(text, 'latin1').toString('base64')
}

export function atob(data: unknown): string {
  const text = String(data).replace(/[\t\n\f\r ]/g, '')
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 === 1) throw new DOMException('The string to be decoded is not correctly encoded.', 'InvalidCharacterError')
  return Buffer.from(text, 'base64').toString('latin1')
}
