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

/** Accepts a legacy url object, a WHATWG `URL` or a string (which is parsed first). */
export function format(url: unknown): string {
  if (typeof url === 'string') return parse(url).href
  if (url instanceof URL) return url.href
  if (url === null || typeof url !== 'object') throw new TypeError('The "urlObject" argument must be of type object or string.')
  return formatLegacy(url)
}

/** The WHATWG resolution Node's documentation recommends over the legacy one; relative bases stay relative. */
export function resolve(from: string, to: string): string {
  const resolved = new URL(to, new URL(from, 'resolve://'))
  if (resolved.protocol !== 'resolve:') return resolved.href
  return resolved.pathname + resolved.search + resolved.hash
}

export function createUrl() {
  return { URL, URLSearchParams, parse, format, resolve }
}
