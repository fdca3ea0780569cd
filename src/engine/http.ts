/**
 * Outbound HTTP from actions: `fetch` and `require('axios')` answer from the flow's HTTP mocks, and every
 * request is recorded. Nothing leaves the playground.
 */
import type { HttpMock } from './flowDocument.ts'
import type { HttpExchange, JsonValue } from './types.ts'
import { setOwn, toJson } from './serialize.ts'

/** An exchange as the HTTP client sees it; the engine adds the action and phase. */
export type HttpRecord = Omit<HttpExchange, 'action' | 'phase'>

export interface HttpHooks {
  /** Called synchronously when a request starts; returns the line in the action that called `callee` by one of `names`. */
  callerLine(callee: Function, names: readonly string[]): number | undefined
  record(exchange: HttpRecord, line: number | undefined): void
}

interface MockAnswer {
  index: number
  status: number
  headers: Record<string, string>
  body: unknown
  text: string
}

/** The reason phrases of the IANA status code registry, as Node's `http.STATUS_CODES` has them. */
const STATUS_TEXT: Record<number, string> = {
  100: 'Continue', 101: 'Switching Protocols', 102: 'Processing', 103: 'Early Hints',
  200: 'OK', 201: 'Created', 202: 'Accepted', 203: 'Non-Authoritative Information', 204: 'No Content', 205: 'Reset Content',
  206: 'Partial Content', 207: 'Multi-Status', 208: 'Already Reported', 226: 'IM Used',
  300: 'Multiple Choices', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified', 305: 'Use Proxy',
  307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  406: 'Not Acceptable', 407: 'Proxy Authentication Required', 408: 'Request Timeout', 409: 'Conflict', 410: 'Gone',
  411: 'Length Required', 412: 'Precondition Failed', 413: 'Payload Too Large', 414: 'URI Too Long', 415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable', 417: 'Expectation Failed', 418: "I'm a Teapot", 421: 'Misdirected Request', 422: 'Unprocessable Entity',
  423: 'Locked', 424: 'Failed Dependency', 425: 'Too Early', 426: 'Upgrade Required', 428: 'Precondition Required',
  429: 'Too Many Requests', 431: 'Request Header Fields Too Large', 451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported', 506: 'Variant Also Negotiates', 507: 'Insufficient Storage', 508: 'Loop Detected',
  509: 'Bandwidth Limit Exceeded', 510: 'Not Extended', 511: 'Network Authentication Required',
}

/** The reason phrase a server sends with `status` (empty for codes without one, as over HTTP/2). */
export function statusText(status: number): string {
  return STATUS_TEXT[status] ?? ''
}

const FETCH_NAMES = ['fetch']
const AXIOS_NAMES = ['axios', 'request', 'get', 'post', 'put', 'patch', 'delete', 'head', 'options']

function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`)
}

function stripQuery(url: string): string {
  return url.replace(/[?#].*$/, '')
}

function normalize(url: string): string {
  try { return new URL(url).href } catch { return url }
}

/** A mock matches on method and URL; a mock URL without a query matches the request whatever its query. */
function matches(mock: HttpMock, method: string, url: string): boolean {
  const mockMethod = (mock.method || 'GET').toUpperCase()
  if (mockMethod !== '*' && mockMethod !== 'ANY' && mockMethod !== method) return false
  if (mock.url.includes('*')) return globToRegExp(mock.url).test(mock.url.includes('?') ? url : stripQuery(url))
  const mockUrl = normalize(mock.url)
  if (!mock.url.includes('?')) return stripQuery(mockUrl) === stripQuery(url)
  if (stripQuery(mockUrl) !== stripQuery(url)) return false
  const wanted = new URL(mockUrl).searchParams
  const actual = new URL(url).searchParams
  return [...wanted].every(([key, value]) => actual.getAll(key).includes(value))
}

function answer(mocks: HttpMock[], method: string, url: string): MockAnswer | undefined {
  const index = mocks.findIndex((mock) => matches(mock, method, url))
  if (index < 0) return undefined
  const mock = mocks[index]
  const isText = typeof mock.body === 'string'
  const headers: Record<string, string> = { 'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json', ...lowerKeys(mock.headers) }
  const text = mock.body === undefined ? '' : isText ? (mock.body as string) : JSON.stringify(mock.body)
  return { index, status: mock.status ?? 200, headers, body: mock.body ?? null, text }
}

function lowerKeys(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(headers ?? {})) out[key.toLowerCase()] = String(value)
  return out
}

function notMocked(method: string, url: string): string {
  return `No HTTP mock answers ${method} ${url}. Add one under HTTP mocks (method, URL, status, body).`
}

/** What a request body looked like, as JSON for the timeline. */
function describeBody(body: unknown, contentType: string | undefined): JsonValue {
  if (body === undefined || body === null) return null
  if (typeof FormData !== 'undefined' && body instanceof FormData) {
    const fields: Record<string, JsonValue> = {}
    body.forEach((value, key) => setOwn(fields, key, typeof value === 'string' ? value : `[File ${value.name}]`))
    return fields
  }
  if (body instanceof URLSearchParams) return body.toString()
  if (typeof body === 'string') {
    if (contentType?.includes('json')) { try { return toJson(JSON.parse(body)) } catch { /* not JSON after all */ } }
    return body
  }
  return toJson(body)
}

let boundaries = 0

/** The content type `fetch` adds for a body that implies one (undici's boundary format, numbered rather than random). */
export function impliedContentType(body: unknown): string | undefined {
  if (typeof FormData !== 'undefined' && body instanceof FormData) {
    boundaries = (boundaries + 1) % 1e11
    return `multipart/form-data; boundary=----formdata-undici-0${String(boundaries).padStart(11, '0')}`
  }
  if (body instanceof URLSearchParams) return 'application/x-www-form-urlencoded;charset=UTF-8'
  return undefined
}

function headersToRecord(headers: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  new Headers(headers).forEach((value, key) => setOwn(out, key, value))
  return out
}

export function createHttpClient(mocks: HttpMock[], hooks: HttpHooks) {
  function exchange(method: string, url: string, headers: Record<string, string>, body: JsonValue, line: number | undefined) {
    const found = answer(mocks, method, url)
    hooks.record({
      method, url, headers, body,
      mock: found ? found.index : null,
      status: found ? found.status : null,
      response: found ? toJson(found.body) : null,
    }, line)
    return found
  }

  async function mockFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
    const line = hooks.callerLine(mockFetch, FETCH_NAMES)
    const isRequest = typeof Request !== 'undefined' && input instanceof Request
    const rawUrl = isRequest ? (input as Request).url : String(input)
    let url: string
    try { url = new URL(rawUrl).href } catch { throw new TypeError(`Failed to parse URL from ${rawUrl}`) }
    const method = (init.method ?? (isRequest ? (input as Request).method : 'GET')).toUpperCase()
    const headers = headersToRecord(init.headers ?? (isRequest ? (input as Request).headers : undefined))
    const rawBody = init.body ?? (isRequest ? await (input as Request).text() : undefined)
    const implied = impliedContentType(rawBody)
    if (implied && !('content-type' in headers)) headers['content-type'] = implied
    const found = exchange(method, url, headers, describeBody(rawBody, headers['content-type']), line)
    if (!found) throw new TypeError(`fetch failed: ${notMocked(method, url)}`)
    const nullBody = [101, 204, 205, 304].includes(found.status)
    const response = new Response(nullBody ? null : found.text, { status: found.status, statusText: statusText(found.status), headers: found.headers })
    Object.defineProperty(response, 'url', { value: url })
    return response
  }

  return { fetch: mockFetch as typeof fetch, axios: createAxios(exchange, hooks) }
}

type Exchange = (method: string, url: string, headers: Record<string, string>, body: JsonValue, line: number | undefined) => MockAnswer | undefined

interface AxiosConfig {
  url?: string
  method?: string
  baseURL?: string
  params?: Record<string, unknown>
  headers?: Record<string, string>
  data?: unknown
  validateStatus?: (status: number) => boolean
  [key: string]: unknown
}

class AxiosError extends Error {
  isAxiosError = true
  constructor(message: string, public code: string, public config: AxiosConfig, public response?: Record<string, unknown>) {
    super(message)
    this.name = 'AxiosError'
  }
  get status() { return this.response?.status }
}

function buildUrl(config: AxiosConfig): string {
  const base = config.baseURL && !/^[a-z][a-z\d+.-]*:/i.test(config.url ?? '') ? config.baseURL.replace(/\/+$/, '') + '/' + (config.url ?? '').replace(/^\/+/, '') : config.url ?? ''
  let url: URL
  try { url = new URL(base) } catch { throw new AxiosError(`Invalid URL: ${base}`, 'ERR_INVALID_URL', config) }
  for (const [key, value] of Object.entries(config.params ?? {})) {
    if (value === undefined || value === null) continue
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(key, typeof item === 'object' ? JSON.stringify(item) : String(item))
  }
  return url.href
}

/** The part of axios Actions use: the callable instance, verb helpers, `create` and `isAxiosError`. */
function createAxios(exchange: Exchange, hooks: HttpHooks, defaults: AxiosConfig = {}) {
  function request(input: AxiosConfig): Promise<Record<string, unknown>> {
    const line = hooks.callerLine(request, AXIOS_NAMES)
    const config: AxiosConfig = { ...defaults, ...input, headers: { ...defaults.headers, ...input.headers } }
    return (async () => {
      const method = (config.method ?? 'get').toUpperCase()
      const url = buildUrl(config)
      const headers: Record<string, string> = { Accept: 'application/json, text/plain, */*', ...config.headers }
      let body: JsonValue = null
      if (config.data !== undefined) {
        const isPlain = typeof config.data === 'object' && config.data !== null && !(config.data instanceof URLSearchParams) && !(typeof FormData !== 'undefined' && config.data instanceof FormData)
        if (isPlain && !Object.keys(headers).some((key) => key.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json'
        body = describeBody(config.data, 'json')
      }
      const found = exchange(method, url, lowerKeys(headers), body, line)
      if (!found) throw new AxiosError(notMocked(method, url), 'ERR_NETWORK', config)
      let data: unknown = found.body
      if (typeof data === 'string' && found.headers['content-type']?.includes('json')) { try { data = JSON.parse(data) } catch { /* keep text */ } }
      const response = { data, status: found.status, statusText: statusText(found.status), headers: found.headers, config, request: {} }
      const ok = (config.validateStatus ?? ((status: number) => status >= 200 && status < 300))(found.status)
      if (!ok) {
        const code = found.status >= 500 ? 'ERR_BAD_RESPONSE' : 'ERR_BAD_REQUEST'
        throw new AxiosError(`Request failed with status code ${found.status}`, code, config, response)
      }
      return response
    })()
  }

  const axios = (urlOrConfig: string | AxiosConfig, config: AxiosConfig = {}) =>
    typeof urlOrConfig === 'string' ? request({ ...config, url: urlOrConfig }) : request(urlOrConfig)
  const withoutData = (method: string) => (url: string, config: AxiosConfig = {}) => request({ ...config, method, url })
  const withData = (method: string) => (url: string, data?: unknown, config: AxiosConfig = {}) => request({ ...config, method, url, data })
  return Object.assign(axios, {
    request,
    get: withoutData('get'), delete: withoutData('delete'), head: withoutData('head'), options: withoutData('options'),
    post: withData('post'), put: withData('put'), patch: withData('patch'),
    create: (more: AxiosConfig = {}): unknown => createAxios(exchange, hooks, { ...defaults, ...more, headers: { ...defaults.headers, ...more.headers } }),
    isAxiosError: (value: unknown) => typeof value === 'object' && value !== null && (value as AxiosError).isAxiosError === true,
    AxiosError,
    defaults,
    get default() { return axios },
  })
}
