/**
 * Node's `url`: the WHATWG `URL` and `URLSearchParams`, and the legacy `parse` / `format` / `resolve` that older
 * Actions still call. `parse` and `format` follow Node 20's algorithm.
 */
import { parse as parseQuery, stringify as stringifyQuery, type ParsedQuery } from './nodeQuerystring.ts'

export interface LegacyUrl {
  protocol: string | null
  slashes: boolean | null
  auth: string | null
  host: string | null
  port: string | null
  hostname: string | null
  hash: string | null
  search: string | null
  query: string | ParsedQuery | null
  pathname: string | null
  path: string | null
  href: string
}

/** Protocols whose URLs always have `//` and a path. */
const SLASHED = new Set(['http:', 'https:', 'ftp:', 'gopher:', 'file:'])

function queryOf(search: string | null, parseQueryString: boolean): LegacyUrl['query'] {
  return parseQueryString ? parseQuery(search?.slice(1) ?? '') : (search?.slice(1) ?? null)
}

/** Internationalised hostnames become punycode, as in Node. */
function toASCII(hostname: string): string {
  try {
    return new URL(`http://${hostname}`).hostname
  } catch {
    return ''
  }
}

export function parse(input: string, parseQueryString = false): LegacyUrl {
  if (typeof input !== 'string') throw new TypeError(`The "url" argument must be of type string. Received ${typeof input}`)
  const url: LegacyUrl = {
    protocol: null, slashes: null, auth: null, host: null, port: null, hostname: null,
    hash: null, search: null, query: null, pathname: null, path: null, href: '',
  }
  const trimmed = input.replace(/^[\x00-\x20\u00a0\ufeff]+|[\x00-\x20\u00a0\ufeff]+$/g, '')
  const split = trimmed.search(/[?#]/)
  const head = split === -1 ? trimmed : trimmed.slice(0, split)
  let rest = head.replace(/\\/g, '/') + trimmed.slice(head.length)

  // Node's fast path: a plain path with an optional query is taken as is, without escaping.
  const simple = !trimmed.includes('#') && !head.includes('@') && /^(\/\/?(?!\/)[^?\s]*)(\?\S*)?$/.exec(rest)
  if (simple) {
    const search = simple[2] ?? null
    return { ...url, pathname: simple[1], search, query: queryOf(search, parseQueryString), path: rest, href: rest }
  }

  const protocol = /^[a-z0-9.+-]+:/i.exec(rest)?.[0].toLowerCase() ?? null
  if (protocol) {
    url.protocol = protocol
    rest = rest.slice(protocol.length)
  }
  const isJavascript = protocol === 'javascript:'

  let slashes = false
  if (protocol || /^\/\/[^@/]+@[^@/]+/.test(rest)) {
    slashes = rest.startsWith('//')
    if (slashes && !isJavascript) {
      rest = rest.slice(2)
      url.slashes = true
    }
  }

  if (!isJavascript && (slashes || (protocol && !SLASHED.has(protocol)))) {
    // The host ends at the first '/', '?' or '#'. Before that the last '@' ends the credentials, and the host
    // also stops at the first character never allowed in one (the rest goes to the path).
    let atSign = -1
    let nonHost = -1
    for (let i = 0; i < rest.length; i++) {
      const char = rest[i]
      if ('/?#'.includes(char)) {
        if (nonHost === -1) nonHost = i
        break
      }
      if (char === '@') {
        atSign = i
        nonHost = -1
      } else if (nonHost === -1 && '\t\n\r "%\';<>\\^`{|}'.includes(char)) {
        nonHost = i
      }
    }
    if (atSign !== -1) url.auth = decodeURIComponent(rest.slice(0, atSign))
    let hostname = rest.slice(atSign + 1, nonHost === -1 ? undefined : nonHost)
    rest = nonHost === -1 ? '' : rest.slice(nonHost)

    const port = /:[0-9]*$/.exec(hostname)?.[0]
    if (port) {
      if (port !== ':') url.port = port.slice(1)
      hostname = hostname.slice(0, -port.length)
    }
    const ipv6 = hostname.startsWith('[') && hostname.endsWith(']')
    const invalid = ipv6 ? -1 : hostname.search(/[/\\#?:]/)
    if (invalid !== -1) {
      rest = `/${hostname.slice(invalid)}${rest}`
      hostname = hostname.slice(0, invalid)
    }
    hostname = hostname.length > 255 ? '' : hostname.toLowerCase()
    if (!ipv6 && /[^\x00-\x7f]/.test(hostname)) hostname = toASCII(hostname)
    url.host = hostname + (url.port ? `:${url.port}` : '')
    if (ipv6) {
      hostname = hostname.slice(1, -1)
      if (!rest.startsWith('/')) rest = `/${rest}`
    }
    url.hostname = hostname
  }

  if (!isJavascript) {
    rest = rest.replace(/[\t\n\r "'<>\\^`{|}]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
  }
  const hashAt = rest.indexOf('#')
  if (hashAt !== -1) {
    url.hash = rest.slice(hashAt)
    rest = rest.slice(0, hashAt)
  }
  const questionAt = rest.indexOf('?')
  if (questionAt !== -1) {
    url.search = rest.slice(questionAt)
    rest = rest.slice(0, questionAt)
  }
  url.query = queryOf(url.search, parseQueryString)
  if (rest) url.pathname = rest
  if (protocol && SLASHED.has(protocol) && url.hostname && !url.pathname) url.pathname = '/'
  if (url.pathname || url.search) url.path = (url.pathname ?? '') + (url.search ?? '')
  url.href = formatLegacy(url)
  return url
}

function formatLegacy(url: { [K in keyof LegacyUrl]?: unknown }): string {
  const text = (value: unknown) => (value ? String(value) : '')
  let auth = text(url.auth)
  if (auth) auth = `${encodeURIComponent(auth).replace(/%3A/gi, ':')}@`
  let protocol = text(url.protocol)
  if (protocol && !protocol.endsWith(':')) protocol += ':'
  let host = ''
  if (url.host) {
    host = auth + text(url.host)
  } else if (url.hostname) {
    const hostname = text(url.hostname)
    const bracketed = hostname.includes(':') && !(hostname.startsWith('[') && hostname.endsWith(']'))
    host = auth + (bracketed ? `[${hostname}]` : hostname) + (url.port ? `:${text(url.port)}` : '')
  }
  let pathname = text(url.pathname).replace(/[?#]/g, (char) => encodeURIComponent(char))
  if (url.slashes || SLASHED.has(protocol)) {
    if (url.slashes || host) {
      if (pathname && !pathname.startsWith('/')) pathname = `/${pathname}`
      host = `//${host}`
    } else if (protocol.startsWith('file')) {
      host = '//'
    }
  }
  const query = url.query !== null && typeof url.query === 'object' ? stringifyQuery(url.query) : ''
  let search = (text(url.search) || (query && `?${query}`)).replace(/#/g, '%23')
  if (search && !search.startsWith('?')) search = `?${search}`
  let hash = text(url.hash)
  if (hash && !hash.startsWith('#')) hash = `#${hash}`
  return protocol + host + pathname + search + hash
}

export interface UrlFormatOptions {
  auth?: unknown
  fragment?: unknown
  search?: unknown
  unicode?: unknown
}

/** Accepts a legacy url object, a WHATWG `URL` (with Node's options) or a string (which is parsed first). */
export function format(url: unknown, options?: UrlFormatOptions): string {
  if (typeof url === 'string') return parse(url).href
  if (url instanceof URL) return formatWhatwg(url, options)
  if (url === null || typeof url !== 'object') throw new TypeError('The "urlObject" argument must be of type object or string.')
  return formatLegacy(url)
}

function formatWhatwg(url: URL, options: UrlFormatOptions | undefined): string {
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    const shown = options === null ? 'Received null' : `Received type ${typeof options} (${String(options)})`
    throw Object.assign(new TypeError(`The "options" argument must be of type object. ${shown}`), { code: 'ERR_INVALID_ARG_TYPE' })
  }
  const flag = (value: unknown, fallback: boolean) => (value === null || value === undefined ? fallback : Boolean(value))
  const copy = new URL(url.href)
  if (!flag(options?.fragment, true)) copy.hash = ''
  if (!flag(options?.search, true)) copy.search = ''
  if (!flag(options?.auth, true)) {
    copy.username = ''
    copy.password = ''
  }
  const href = copy.href
  if (!flag(options?.unicode, false) || !copy.hostname || !/(^|\.)xn--/i.test(copy.hostname)) return href
  const hostAt = href.indexOf(copy.hostname, Math.max(href.indexOf('@') + 1, href.indexOf('//') + 2))
  return href.slice(0, hostAt) + domainToUnicode(copy.hostname) + href.slice(hostAt + copy.hostname.length)
}

/** RFC 3492 decoding of each `xn--` label, as Node's `url.domainToUnicode`. */
export function domainToUnicode(domain: string): string {
  return domain.split('.').map((label) => {
    if (!/^xn--/i.test(label)) return label
    try {
      return decodePunycode(label.slice(4).toLowerCase())
    } catch {
      return label
    }
  }).join('.')
}

function decodePunycode(input: string): string {
  const base = 36
  const output: number[] = []
  const delimiter = input.lastIndexOf('-')
  for (let i = 0; i < Math.max(delimiter, 0); i++) output.push(input.charCodeAt(i))
  let n = 128
  let bias = 72
  let i = 0
  const adapt = (delta: number, points: number, first: boolean) => {
    delta = first ? Math.floor(delta / 700) : delta >> 1
    delta += Math.floor(delta / points)
    let k = 0
    for (; delta > ((base - 1) * 26) >> 1; k += base) delta = Math.floor(delta / (base - 1))
    return k + Math.floor(((base - 1 + 1) * delta) / (delta + 38))
  }
  for (let index = delimiter > 0 ? delimiter + 1 : 0; index < input.length;) {
    const oldi = i
    for (let w = 1, k = base; ; k += base) {
      if (index >= input.length) throw new RangeError('invalid punycode')
      const code = input.charCodeAt(index++)
      const digit = code >= 48 && code < 58 ? code - 22 : code >= 97 && code < 123 ? code - 97 : base
      if (digit >= base) throw new RangeError('invalid punycode')
      i += digit * w
      const t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias
      if (digit < t) break
      w *= base - t
    }
    bias = adapt(i - oldi, output.length + 1, oldi === 0)
    n += Math.floor(i / (output.length + 1))
    i %= output.length + 1
    output.splice(i++, 0, n)
  }
  return String.fromCodePoint(...output)
}

/** Node's legacy merging of a relative path onto a relative base: `..` past the start is kept. */
function mergeRelative(base: string, relative: string): string {
  const segments = (base.slice(0, base.lastIndexOf('/') + 1) + relative).split('/')
  const out: string[] = []
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1
    if (segment === '.' || segment === '..') {
      if (segment === '..') {
        if (out.length && out[out.length - 1] !== '..') out.pop()
        else out.push('..')
      }
      if (last) out.push('')
      return
    }
    out.push(segment)
  })
  return out.join('/')
}

/**
 * The WHATWG resolution Node's documentation recommends over the legacy one; a relative base (`a/b`) stays
 * relative and is merged as Node's legacy algorithm does.
 */
export function resolve(from: string, to: string): string {
  const base = parse(from)
  if (!base.protocol && !base.slashes && !base.host && !(base.pathname ?? '').startsWith('/')) {
    const relative = parse(to)
    if (!relative.protocol) {
      if ((relative.pathname ?? '').startsWith('/')) return relative.href
      if (!relative.pathname) return (base.pathname ?? '') + (relative.search ?? base.search ?? '') + (relative.hash ?? '')
      return mergeRelative(base.pathname ?? '', relative.pathname) + (relative.search ?? '') + (relative.hash ?? '')
    }
  }
  const resolved = new URL(to, new URL(from, 'resolve://'))
  if (resolved.protocol !== 'resolve:') return resolved.href
  return resolved.pathname + resolved.search + resolved.hash
}

export function createUrl() {
  return { URL, URLSearchParams, parse, format, resolve, domainToUnicode }
}
