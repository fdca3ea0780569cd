/**
 * Outbound HTTP from actions: `fetch` and `require('axios')` answer from the flow's HTTP mocks, and every
 * request is recorded. Nothing leaves the playground.
 */
import type { HttpMock } from './flowDocument.ts'
import { STAND_IN, type ManagementApiStandIn } from './managementApi.ts'
import type { HttpExchange, JsonValue } from './types.ts'
import { setOwn, toJson } from './serialize.ts'
import type { AxiosInstance, AxiosRequestConfig, AxiosResponse, AxiosStatic, InternalAxiosRequestConfig } from 'axios'

/** An exchange as the HTTP client sees it; the engine adds the action and phase. */
export type HttpRecord = Omit<HttpExchange, 'action' | 'phase'>

export interface HttpHooks {
  /** Called synchronously when a request starts; returns the line in the action that called `callee` by one of `names`. */
  callerLine(callee: Function, names: readonly string[]): number | undefined
  record(exchange: HttpRecord, line: number | undefined): void
}

interface MockAnswer {
  /** The mock's index in the flow's HTTP mocks; `null` when the stand-in answered. */
  index: number | null
  standIn?: typeof STAND_IN
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

function notMocked(method: string, url: string, standIn?: ManagementApiStandIn): string {
  const why = standIn?.unanswered(method, url)
  return `No HTTP mock answers ${method} ${url}.${why ? ` ${why}` : ''} Add one under HTTP mocks (method, URL, status, body).`
}

/** The stand-in's answer in the shape of a mock's. */
function standInAnswer(standIn: ManagementApiStandIn | undefined, method: string, url: string, headers: Record<string, string>, body: JsonValue): MockAnswer | undefined {
  const answered = standIn?.answer({ method, url, headers, body })
  if (!answered) return undefined
  const text = answered.body === undefined ? '' : JSON.stringify(answered.body)
  return { index: null, standIn: STAND_IN, status: answered.status, headers: answered.headers, body: answered.body ?? null, text }
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

/**
 * `standIn`: answers the requests no mock answers that it knows (the Management API stand-in); the flow's mocks
 * always come first.
 */
export function createHttpClient(mocks: HttpMock[], hooks: HttpHooks, standIn?: ManagementApiStandIn) {
  function exchange(method: string, url: string, headers: Record<string, string>, body: JsonValue, line: number | undefined) {
    const mocked = answer(mocks, method, url)
    if (mocked) standIn?.observeMock({ method, url, headers, body }, mocked.status, mocked.body)
    const found = mocked ?? standInAnswer(standIn, method, url, headers, body)
    hooks.record({
      method, url, headers, body,
      mock: found ? found.index : null,
      ...(found?.standIn ? { standIn: found.standIn } : {}),
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
    if (!found) throw new TypeError(`fetch failed: ${notMocked(method, url, standIn)}`)
    const nullBody = [101, 204, 205, 304].includes(found.status)
    const response = new Response(nullBody ? null : found.text, { status: found.status, statusText: statusText(found.status), headers: found.headers })
    Object.defineProperty(response, 'url', { value: url })
    return response
  }

  return {
    fetch: mockFetch as typeof fetch,
    /** axios bound to the mocks; the runtime loads the library itself only when an action requires it. */
    axios: (library: AxiosStatic) => createAxios(library, exchange, hooks, standIn),
  }
}

type Exchange = (method: string, url: string, headers: Record<string, string>, body: JsonValue, line: number | undefined) => MockAnswer | undefined

/** Where the line of the action's call travels from the synchronous entry point to the (asynchronous) adapter. */
const LINE_KEY = 'playgroundCallLine'
type Config = InternalAxiosRequestConfig & { [LINE_KEY]?: number }

/**
 * The real axios (its browser build, which never touches Node's http), with an adapter that answers from
 * the mocks: params, headers, interceptors and transforms are axios's own.
 */
function createAxios(axiosLib: AxiosStatic, exchange: Exchange, hooks: HttpHooks, standIn?: ManagementApiStandIn): AxiosStatic {
  const { AxiosError, AxiosHeaders } = axiosLib
  const adapter = async (config: Config): Promise<AxiosResponse> => {
    const request = {}
    const method = (config.method ?? 'get').toUpperCase()
    const full = axiosLib.getUri(config)
    let url: string
    try { url = new URL(full).href } catch { throw new AxiosError(`Invalid URL: ${full}`, 'ERR_INVALID_URL', config, request) }
    const headers = AxiosHeaders.from(config.headers)
    if (typeof FormData !== 'undefined' && config.data instanceof FormData && !/boundary=/.test(String(headers.getContentType() ?? ''))) {
      headers.setContentType(impliedContentType(config.data) ?? null)
    }
    const recorded = lowerKeys(headers.toJSON(true) as Record<string, string>)
    const found = exchange(method, url, recorded, describeBody(config.data, recorded['content-type']), config[LINE_KEY])
    if (!found) throw new AxiosError(notMocked(method, url, standIn), 'ERR_NETWORK', config, request)
    const response: AxiosResponse = {
      data: found.text, status: found.status, statusText: statusText(found.status),
      headers: AxiosHeaders.from(found.headers), config, request,
    }
    const validate = config.validateStatus
    if (!validate || validate(found.status)) return response
    const code = found.status >= 500 ? 'ERR_BAD_RESPONSE' : 'ERR_BAD_REQUEST'
    throw new AxiosError(`Request failed with status code ${found.status}`, code, config, request, response)
  }

  function expose(instance: AxiosInstance, statics: object): AxiosStatic {
    const withLine = (config: AxiosRequestConfig | undefined, line: number | undefined) => ({ ...config, [LINE_KEY]: line })
    const axios = function axios(urlOrConfig: string | AxiosRequestConfig, config?: AxiosRequestConfig) {
      const line = hooks.callerLine(axios, AXIOS_NAMES)
      return typeof urlOrConfig === 'string' ? instance(urlOrConfig, withLine(config, line)) : instance(withLine(urlOrConfig, line))
    }
    const out = Object.assign(axios, statics, instance) as unknown as Record<string, unknown>
    out.request = function request(config: AxiosRequestConfig) {
      return instance.request(withLine(config, hooks.callerLine(request, AXIOS_NAMES)))
    }
    for (const method of ['get', 'delete', 'head', 'options'] as const) {
      out[method] = function call(url: string, config?: AxiosRequestConfig) {
        return instance[method](url, withLine(config, hooks.callerLine(call, AXIOS_NAMES)))
      }
    }
    for (const method of ['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm'] as const) {
      out[method] = function call(url: string, data?: unknown, config?: AxiosRequestConfig) {
        return instance[method](url, data, withLine(config, hooks.callerLine(call, AXIOS_NAMES)))
      }
    }
    out.create = (config?: AxiosRequestConfig) => expose(instance.create(config), {})
    out.default = out
    return out as unknown as AxiosStatic
  }

  return expose(axiosLib.create({ adapter: adapter as AxiosRequestConfig['adapter'] }), axiosLib)
}
