/**
 * Node's `http` and `https` for packages that make requests with them (jwks-rsa, older SDKs): `request` and `get`
 * send nothing. The request goes to the running action's `fetch`, which answers from the flow's HTTP mocks and records
 * the exchange on the timeline; its answer comes back as an `IncomingMessage` stream. A request no mock answers ends
 * in an `error` event that says so. Servers cannot be created.
 */
import { Buffer } from 'buffer'
import { EventEmitter } from 'events/events.js'
import Stream from 'stream-browserify'
import { statusText } from '../../http.ts'
import { refusedFunction } from './refused.ts'

type Headers = Record<string, string | string[] | number>
type RequestOptions = {
  protocol?: string; host?: string; hostname?: string; port?: number | string; path?: string; method?: string
  headers?: Headers | string[]; auth?: string; agent?: unknown; timeout?: number; signal?: AbortSignal; defaultPort?: number
  setHost?: boolean
}
type ResponseListener = (response: IncomingMessage) => void

const METHODS = ['ACL', 'BIND', 'CHECKOUT', 'CONNECT', 'COPY', 'DELETE', 'GET', 'HEAD', 'LINK', 'LOCK', 'M-SEARCH', 'MERGE', 'MKACTIVITY', 'MKCALENDAR',
  'MKCOL', 'MOVE', 'NOTIFY', 'OPTIONS', 'PATCH', 'POST', 'PROPFIND', 'PROPPATCH', 'PURGE', 'PUT', 'QUERY', 'REBIND', 'REPORT', 'SEARCH', 'SOURCE',
  'SUBSCRIBE', 'TRACE', 'UNBIND', 'UNLINK', 'UNLOCK', 'UNSUBSCRIBE']

/** What the status codes are called (`http.STATUS_CODES`). */
function statusCodes(): Record<number, string> {
  const codes: Record<number, string> = {}
  for (let code = 100; code < 600; code++) {
    const text = statusText(code)
    if (text) codes[code] = text
  }
  return codes
}

export class IncomingMessage extends Stream.Readable {
  httpVersion = '1.1'
  httpVersionMajor = 1
  httpVersionMinor = 1
  complete = false
  statusCode: number
  statusMessage: string
  headers: Record<string, string>
  rawHeaders: string[]
  trailers: Record<string, string> = {}
  rawTrailers: string[] = []
  url = ''
  method: string | null = null
  socket = null
  aborted = false

  constructor(status: number, headers: Record<string, string>) {
    super()
    this.statusCode = status
    this.statusMessage = statusText(status)
    this.headers = headers
    this.rawHeaders = Object.entries(headers).flat()
  }

  _read() {}
  setTimeout(_ms: number, callback?: () => void) { if (callback) this.once('timeout', callback); return this }
}

export class Agent extends EventEmitter {
  readonly options: Record<string, unknown>
  keepAlive: boolean
  maxSockets: number
  maxFreeSockets: number
  requests = {}
  sockets = {}
  freeSockets = {}
  constructor(options: Record<string, unknown> = {}) {
    super()
    this.options = { path: null, ...options }
    this.keepAlive = Boolean(options.keepAlive)
    this.maxSockets = Number(options.maxSockets ?? Infinity)
    this.maxFreeSockets = Number(options.maxFreeSockets ?? 256)
  }
  destroy() {}
  getName(options: RequestOptions = {}) { return `${options.host ?? 'localhost'}:${options.port ?? ''}:` }
}

function headerRecord(headers: RequestOptions['headers']): Map<string, { name: string; value: string | string[] | number }> {
  const out = new Map<string, { name: string; value: string | string[] | number }>()
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) out.set(headers[i].toLowerCase(), { name: headers[i], value: headers[i + 1] })
  } else if (headers) {
    for (const [name, value] of Object.entries(headers)) if (value !== undefined) out.set(name.toLowerCase(), { name, value })
  }
  return out
}

function toUrl(input: unknown, options: RequestOptions, defaultProtocol: string): { url: string; options: RequestOptions } {
  let merged: RequestOptions = options
  if (typeof input === 'string' || input instanceof URL) {
    const url = new URL(String(input))
    merged = { protocol: url.protocol, hostname: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, ...(url.username ? { auth: `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` } : {}), ...options }
  }
  const protocol = merged.protocol ?? defaultProtocol
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw Object.assign(new TypeError(`Protocol "${protocol}" not supported. Expected "${defaultProtocol}"`), { code: 'ERR_INVALID_PROTOCOL' })
  }
  const hostname = (merged.hostname ?? merged.host ?? 'localhost').replace(/^\[|\]$/g, '')
  const host = hostname.includes(':') ? `[${hostname}]` : hostname
  const defaultPort = protocol === 'https:' ? 443 : 80
  const port = merged.port === undefined || merged.port === '' || Number(merged.port) === (merged.defaultPort ?? defaultPort) ? '' : `:${merged.port}`
  const path = merged.path ?? '/'
  if (/[\u0000-\u0020]/.test(path)) throw Object.assign(new TypeError('Request path contains unescaped characters'), { code: 'ERR_UNESCAPED_CHARACTERS' })
  return { url: `${protocol}//${host}${port}${path.startsWith('/') ? path : `/${path}`}`, options: merged }
}

/** A request body as text when it is UTF-8 (so the timeline shows it, as JSON when it is), else as bytes. */
function bodyOf(chunks: Uint8Array[]): BodyInit {
  const bytes = Buffer.concat(chunks)
  try { return new TextDecoder('utf-8', { fatal: true }).decode(bytes) } catch { return Uint8Array.from(bytes) }
}

export function createHttp(protocol: 'http:' | 'https:', fetch: typeof globalThis.fetch): Record<string, unknown> {
  class ClientRequest extends Stream.Writable {
    readonly method: string
    readonly path: string
    readonly host: string
    readonly protocol: string
    readonly url: string
    aborted = false
    reusedSocket = false
    maxHeadersCount: number | null = null
    socket = null
    #headers: ReturnType<typeof headerRecord>
    #body: Uint8Array[] = []
    #signal: AbortSignal | undefined

    constructor(input: unknown, options?: RequestOptions | ResponseListener, callback?: ResponseListener) {
      super()
      if (typeof options === 'function') [callback, options] = [options, undefined]
      const target = typeof input === 'object' && input !== null && !(input instanceof URL)
        ? toUrl(undefined, { ...(input as RequestOptions), ...(options as RequestOptions | undefined) }, protocol)
        : toUrl(input, (options as RequestOptions | undefined) ?? {}, protocol)
      this.url = target.url
      const parsed = new URL(target.url)
      this.method = (target.options.method ?? 'GET').toUpperCase()
      this.path = `${parsed.pathname}${parsed.search}`
      this.host = parsed.hostname
      this.protocol = parsed.protocol
      this.#headers = headerRecord(target.options.headers)
      if (target.options.auth && !this.#headers.has('authorization')) {
        this.#headers.set('authorization', { name: 'Authorization', value: `Basic ${Buffer.from(target.options.auth).toString('base64')}` })
      }
      this.#signal = target.options.signal
      if (callback) this.once('response', callback)
      if (target.options.timeout !== undefined) this.setTimeout(target.options.timeout)
    }

    setHeader(name: string, value: string | string[] | number) { this.#headers.set(name.toLowerCase(), { name, value }); return this }
    getHeader(name: string) { return this.#headers.get(name.toLowerCase())?.value }
    getHeaders() { return Object.fromEntries([...this.#headers].map(([key, { value }]) => [key, value])) }
    getHeaderNames() { return [...this.#headers.keys()] }
    getRawHeaderNames() { return [...this.#headers.values()].map(({ name }) => name) }
    hasHeader(name: string) { return this.#headers.has(name.toLowerCase()) }
    removeHeader(name: string) { this.#headers.delete(name.toLowerCase()) }
    flushHeaders() {}
    setNoDelay() { return this }
    setSocketKeepAlive() { return this }
    setTimeout(_ms: number, callback?: () => void) { if (callback) this.once('timeout', callback); return this }
    abort() { this.aborted = true; this.destroy() }

    _write(chunk: unknown, encoding: string, callback: (error?: Error | null) => void) {
      this.#body.push(typeof chunk === 'string' ? Buffer.from(chunk, encoding as BufferEncoding) : chunk as Uint8Array)
      callback()
    }

    _final(callback: (error?: Error | null) => void) {
      callback()
      void this.#send()
    }

    async #send() {
      const headers: Record<string, string> = {}
      for (const { name, value } of this.#headers.values()) headers[name] = Array.isArray(value) ? value.join(', ') : String(value)
      const hasBody = this.#body.length > 0 && this.method !== 'GET' && this.method !== 'HEAD'
      let response: Response
      try {
        if (this.#signal?.aborted) throw Object.assign(new Error('The operation was aborted'), { name: 'AbortError', code: 'ABORT_ERR' })
        response = await fetch(this.url, { method: this.method, headers, ...(hasBody ? { body: bodyOf(this.#body) } : {}) })
      } catch (error) {
        const message = String((error as Error)?.message ?? error).replace(/^fetch failed: /, '')
        if (!this.destroyed) this.destroy(Object.assign(new Error(message), { code: (error as { code?: string })?.code ?? 'ECONNREFUSED', syscall: 'connect' }))
        return
      }
      if (this.destroyed) return
      const answerHeaders: Record<string, string> = {}
      response.headers.forEach((value, key) => { answerHeaders[key] = value })
      const message = new IncomingMessage(response.status, answerHeaders)
      message.url = ''
      const body = new Uint8Array(await response.arrayBuffer())
      this.emit('response', message)
      if (body.length) message.push(Buffer.from(body.buffer, body.byteOffset, body.byteLength))
      message.complete = true
      message.push(null)
    }
  }
  Object.defineProperty(ClientRequest, 'name', { value: 'ClientRequest' })

  const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 })
  const request = (input: unknown, options?: RequestOptions | ResponseListener, callback?: ResponseListener) => new ClientRequest(input, options, callback)
  const get = (input: unknown, options?: RequestOptions | ResponseListener, callback?: ResponseListener) => {
    const outgoing = request(input, options, callback)
    outgoing.end()
    return outgoing
  }
  const why = 'actions make requests; they do not serve them'
  return {
    request, get, Agent, globalAgent, ClientRequest, IncomingMessage,
    METHODS, STATUS_CODES: statusCodes(), maxHeaderSize: 16384,
    createServer: refusedFunction(`${protocol.slice(0, -1)}.createServer`, why),
    Server: refusedFunction(`${protocol.slice(0, -1)}.Server`, why),
    OutgoingMessage: Stream.Writable, ServerResponse: refusedFunction(`${protocol.slice(0, -1)}.ServerResponse`, why),
    validateHeaderName: (name: string) => { if (!/^[!#$%&'*+\-.^_`|~\w]+$/.test(name)) throw Object.assign(new TypeError(`Header name must be a valid HTTP token ["${name}"]`), { code: 'ERR_INVALID_HTTP_TOKEN' }) },
    validateHeaderValue: (name: string, value: unknown) => { if (value === undefined) throw Object.assign(new TypeError(`Invalid value "undefined" for header "${name}"`), { code: 'ERR_HTTP_INVALID_HEADER_VALUE' }) },
    setMaxIdleHTTPParsers: () => {},
  }
}
