/**
 * Inside the sandbox's context: `URL`, parsed and updated by the host's own `URL` (the WHATWG parser is
 * too large to bundle), and `URLSearchParams` in plain JavaScript.
 */
import { Buffer } from 'buffer'
import type { UrlParts, UrlSetter } from '../protocol.ts'
import { wellFormed } from './encoding.ts'
import { callHost } from './hostCall.ts'

type Pairs = [string, string][]

/** The application/x-www-form-urlencoded byte serializer. */
function encodeComponent(text: string): string {
  return encodeURIComponent(wellFormed(text))
    .replace(/[!'()~]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+')
}

/** Percent-decoding leaves a `%` that starts no escape as it is, and reads the bytes as UTF-8. */
function decodeComponent(text: string): string {
  const bytes: number[] = []
  const input = Buffer.from(text.replace(/\+/g, ' '), 'utf8')
  for (let i = 0; i < input.length; i++) {
    const hex = input[i] === 0x25 ? String.fromCharCode(input[i + 1], input[i + 2]) : ''
    if (/^[0-9a-fA-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16))
      i += 2
    } else {
      bytes.push(input[i])
    }
  }
  return Buffer.from(bytes).toString('utf8')
}

function parseQuery(query: string): Pairs {
  const pairs: Pairs = []
  for (const part of query.replace(/^\?/, '').split('&')) {
    if (!part) continue
    const at = part.indexOf('=')
    pairs.push(at < 0 ? [decodeComponent(part), ''] : [decodeComponent(part.slice(0, at)), decodeComponent(part.slice(at + 1))])
  }
  return pairs
}

/** A URL's own params follow its `search`, and the other way round. */
let linkParams: (url: URL, search: string) => URLSearchParams
let reparse: (params: URLSearchParams, search: string) => void

export class URLSearchParams {
  #pairs: Pairs
  #url: URL | null = null

  static {
    linkParams = (url, search) => {
      const params = new URLSearchParams(search)
      params.#url = url
      return params
    }
    reparse = (params, search) => { params.#pairs = parseQuery(search) }
  }

  constructor(init: unknown = '') {
    if (typeof init === 'object' && init !== null) {
      const entries = Symbol.iterator in init ? [...(init as Iterable<unknown>)] : Object.entries(init)
      this.#pairs = entries.map((entry) => {
        const pair = [...(entry as Iterable<unknown>)]
        if (pair.length !== 2) throw new TypeError('Each query pair must be an iterable [name, value] tuple')
        return [String(pair[0]), String(pair[1])]
      })
    } else {
      this.#pairs = parseQuery(String(init))
    }
  }

  get size() { return this.#pairs.length }
  append(name: unknown, value: unknown) { this.#pairs.push([String(name), String(value)]); this.#changed() }
  delete(name: unknown, value?: unknown) {
    this.#pairs = this.#pairs.filter(([key, item]) => key !== String(name) || (value !== undefined && item !== String(value)))
    this.#changed()
  }
  get(name: unknown) { return this.#pairs.find(([key]) => key === String(name))?.[1] ?? null }
  getAll(name: unknown) { return this.#pairs.filter(([key]) => key === String(name)).map(([, value]) => value) }
  has(name: unknown, value?: unknown) { return this.#pairs.some(([key, item]) => key === String(name) && (value === undefined || item === String(value))) }
  set(name: unknown, value: unknown) {
    const key = String(name)
    const at = this.#pairs.findIndex(([item]) => item === key)
    if (at < 0) this.#pairs.push([key, String(value)])
    else this.#pairs = [...this.#pairs.slice(0, at), [key, String(value)], ...this.#pairs.slice(at + 1).filter(([item]) => item !== key)]
    this.#changed()
  }
  sort() { this.#pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)); this.#changed() }
  forEach(callback: (value: string, name: string, params: this) => void, thisArg?: unknown) {
    for (const [name, value] of this.#pairs) callback.call(thisArg, value, name, this)
  }
  keys() { return this.#pairs.map(([name]) => name)[Symbol.iterator]() }
  values() { return this.#pairs.map(([, value]) => value)[Symbol.iterator]() }
  entries() { return this.#pairs.map(([name, value]): [string, string] => [name, value])[Symbol.iterator]() }
  [Symbol.iterator]() { return this.entries() }
  toString() { return this.#pairs.map(([name, value]) => `${encodeComponent(name)}=${encodeComponent(value)}`).join('&') }
  get [Symbol.toStringTag]() { return 'URLSearchParams' }

  #changed() {
    if (this.#url) this.#url.search = this.toString()
  }
}

function parseUrl(url: unknown, base?: unknown): UrlParts {
  return callHost('url.parse', [String(url), base === undefined ? null : String(base)]) as UrlParts
}

export class URL {
  #parts: UrlParts
  #params: URLSearchParams | null = null

  constructor(url: unknown, base?: unknown) {
    this.#parts = parseUrl(url, base)
  }

  static canParse(url: unknown, base?: unknown): boolean {
    try {
      parseUrl(url, base)
      return true
    } catch {
      return false
    }
  }

  get origin() { return this.#parts.origin }
  get href() { return this.#parts.href }
  set href(value) { this.#update(parseUrl(value)) }
  get protocol() { return this.#parts.protocol }
  set protocol(value) { this.#set('protocol', value) }
  get username() { return this.#parts.username }
  set username(value) { this.#set('username', value) }
  get password() { return this.#parts.password }
  set password(value) { this.#set('password', value) }
  get host() { return this.#parts.host }
  set host(value) { this.#set('host', value) }
  get hostname() { return this.#parts.hostname }
  set hostname(value) { this.#set('hostname', value) }
  get port() { return this.#parts.port }
  set port(value) { this.#set('port', value) }
  get pathname() { return this.#parts.pathname }
  set pathname(value) { this.#set('pathname', value) }
  get search() { return this.#parts.search }
  set search(value) { this.#set('search', value) }
  get hash() { return this.#parts.hash }
  set hash(value) { this.#set('hash', value) }
  get searchParams() { return (this.#params ??= linkParams(this, this.#parts.search)) }
  toString() { return this.#parts.href }
  toJSON() { return this.#parts.href }
  get [Symbol.toStringTag]() { return 'URL' }

  #set(name: UrlSetter, value: unknown) {
    this.#update(callHost('url.set', [this.#parts.href, name, String(value)]) as UrlParts)
  }

  #update(parts: UrlParts) {
    this.#parts = parts
    if (this.#params) reparse(this.#params, parts.search)
  }
}
