/** Inside the sandbox's context: the `Headers` and `Response` the engine's mocked `fetch` answers with. */
import { TextEncoder, TextDecoder, bytesOf } from './encoding.ts'

type HeadersInput = Headers | Iterable<Iterable<unknown>> | Record<string, unknown>

export class Headers {
  #entries = new Map<string, string>()

  constructor(init?: HeadersInput) {
    if (init === undefined || init === null) return
    const pairs = init instanceof Headers || Symbol.iterator in Object(init)
      ? [...(init as Iterable<Iterable<unknown>>)].map((pair) => [...pair])
      : Object.entries(init)
    for (const pair of pairs) {
      if (pair.length !== 2) throw new TypeError('Headers constructor: expected name/value pair to be length 2')
      this.append(pair[0], pair[1])
    }
  }

  append(name: unknown, value: unknown) {
    const key = checkedName(name)
    const text = String(value).trim()
    const existing = this.#entries.get(key)
    this.#entries.set(key, existing === undefined ? text : `${existing}, ${text}`)
  }
  delete(name: unknown) { this.#entries.delete(checkedName(name)) }
  get(name: unknown) { return this.#entries.get(checkedName(name)) ?? null }
  getSetCookie() { return this.#entries.has('set-cookie') ? [this.#entries.get('set-cookie')!] : [] }
  has(name: unknown) { return this.#entries.has(checkedName(name)) }
  set(name: unknown, value: unknown) { this.#entries.set(checkedName(name), String(value).trim()) }
  forEach(callback: (value: string, name: string, headers: this) => void, thisArg?: unknown) {
    for (const [name, value] of this.entries()) callback.call(thisArg, value, name, this)
  }
  entries() { return [...this.#entries].sort(([a], [b]) => (a < b ? -1 : 1))[Symbol.iterator]() }
  keys() { return [...this.entries()].map(([name]) => name)[Symbol.iterator]() }
  values() { return [...this.entries()].map(([, value]) => value)[Symbol.iterator]() }
  [Symbol.iterator]() { return this.entries() }
  get [Symbol.toStringTag]() { return 'Headers' }
}

function checkedName(name: unknown): string {
  const text = String(name)
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(text)) throw new TypeError(`Headers: "${text}" is an invalid header name.`)
  return text.toLowerCase()
}

interface ResponseInit { status?: number; statusText?: string; headers?: HeadersInput }

export class Response {
  readonly status: number
  readonly statusText: string
  readonly headers: Headers
  readonly type = 'default'
  readonly redirected = false
  readonly url: string = ''
  #body: Uint8Array | null
  #used = false

  constructor(body: unknown = null, init: ResponseInit = {}) {
    this.status = init.status ?? 200
    if (!Number.isInteger(this.status) || this.status < 200 || this.status > 599) {
      throw new RangeError(`init["status"] must be in the range of 200 to 599, inclusive.`)
    }
    this.statusText = init.statusText ?? ''
    this.headers = new Headers(init.headers)
    this.#body = body === null || body === undefined ? null
      : typeof body === 'string' ? new TextEncoder().encode(body)
      : body instanceof ArrayBuffer || ArrayBuffer.isView(body) ? bytesOf(body).slice()
      : new TextEncoder().encode(String(body))
    if (typeof body === 'string' && !this.headers.has('content-type')) this.headers.set('content-type', 'text/plain;charset=UTF-8')
  }

  static json(data: unknown, init: ResponseInit = {}): Response {
    const response = new Response(JSON.stringify(data), init)
    response.headers.set('content-type', 'application/json')
    return response
  }

  get ok() { return this.status >= 200 && this.status <= 299 }
  get bodyUsed() { return this.#used }
  async arrayBuffer(): Promise<ArrayBuffer> { return this.#consume().slice().buffer }
  async bytes(): Promise<Uint8Array> { return this.#consume().slice() }
  async text(): Promise<string> { return new TextDecoder().decode(this.#consume()) }
  async json(): Promise<unknown> { return JSON.parse(await this.text()) }
  clone(): Response {
    if (this.#used) throw new TypeError('Response.clone: Body has already been consumed.')
    const copy = new Response(this.#body, { status: this.status, statusText: this.statusText, headers: this.headers })
    Object.defineProperty(copy, 'url', { value: this.url })
    return copy
  }
  get [Symbol.toStringTag]() { return 'Response' }

  #consume(): Uint8Array {
    if (this.#used) throw new TypeError('Body is unusable: Body has already been read')
    this.#used = true
    return this.#body ?? new Uint8Array()
  }
}
