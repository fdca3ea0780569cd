/**
 * The browser's package CDN, in unpkg's URL layout (which unpkg.com serves, and the e2e server copies from
 * node_modules):
 * - `<base>/<name>@<version>/<path>`: one file of one version;
 * - `<base>/<name>@<range>/package.json`: the package.json of the newest version in the range (or tag), by
 *   redirect: how a range is resolved;
 * - `<base>/<name>@<version>/?meta`: the version's file listing, as JSON (`{ files: [{ path }] }`, flat or
 *   nested in folders).
 * Everything fetched is kept in a cache (Cache Storage in the page), read first: a package fetched once needs
 * no network again, and a range resolved once stays resolved until the cache is cleared.
 */
import type { PackageRef, PackageSource } from './collect.ts'
import { isExactVersion } from './versions.ts'

/** Texts kept by URL: Cache Storage in the page, a Map in tests and where Cache Storage is missing. */
export interface TextCache {
  get(url: string): Promise<string | undefined>
  put(url: string, text: string): Promise<void>
}

export function memoryCache(): TextCache & { entries: Map<string, string> } {
  const entries = new Map<string, string>()
  return { entries, get: async (url) => entries.get(url), put: async (url, text) => { entries.set(url, text) } }
}

/** Cache Storage (kept across reloads, offline included), or memory where the page has none (not a secure context). */
export function cacheStorage(name: string, storage: CacheStorage | undefined = globalThis.caches): TextCache {
  const memory = memoryCache()
  let opened: Promise<Cache | null> | null = null
  const open = () => (opened ??= storage ? storage.open(name).catch(() => null) : Promise.resolve(null))
  return {
    async get(url) {
      const hit = await memory.get(url)
      if (hit !== undefined) return hit
      const cache = await open()
      const response = await cache?.match(url).catch(() => undefined)
      if (!response) return undefined
      const text = await response.text()
      await memory.put(url, text)
      return text
    },
    async put(url, text) {
      await memory.put(url, text)
      const cache = await open()
      await cache?.put(url, new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } })).catch(() => {})
    },
  }
}

export class PackageFetchError extends Error {}

const trimBase = (base: string) => base.replace(/\/+$/, '')
const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/')

/** `<base>/<name>@<version>/<path>`; a range or tag is encoded (`ms@%5E2.1.1`). */
export function fileUrl(base: string, name: string, version: string, path: string): string {
  return `${trimBase(base)}/${name}@${encodeURIComponent(version)}/${encodePath(path)}`
}

export function listingUrl(base: string, name: string, version: string): string {
  return `${trimBase(base)}/${name}@${encodeURIComponent(version)}/?meta`
}

/** A `?meta` listing's file paths, relative to the package: unpkg's flat `files` or its older nested folders. */
export function parseListing(value: unknown): Set<string> {
  const files = new Set<string>()
  const walk = (node: unknown) => {
    const children = (node as { files?: unknown } | null)?.files
    if (!Array.isArray(children)) return
    for (const child of children as Array<{ path?: unknown; type?: unknown; files?: unknown }>) {
      if (child?.type === 'directory' || Array.isArray(child?.files)) walk(child)
      else if (typeof child?.path === 'string') files.add(child.path.replace(/^\/+/, ''))
    }
  }
  walk(value)
  return files
}

export type FetchText = (url: string) => Promise<string | null>

/** A fetch that reads the cache first and keeps what it gets; null for a 404. */
export function cachedFetchText(cache: TextCache, fetcher: typeof fetch = globalThis.fetch.bind(globalThis)): FetchText {
  const inFlight = new Map<string, Promise<string | null>>()
  return (url) => {
    let text = inFlight.get(url)
    if (!text) {
      text = (async () => {
        const hit = await cache.get(url)
        if (hit !== undefined) return hit
        let response: Response
        try {
          response = await fetcher(url)
        } catch (error) {
          throw new PackageFetchError(`${url} could not be fetched (${(error as Error).message}): offline, or the page's Content-Security-Policy does not allow this CDN?`)
        }
        if (response.status === 404) return null
        if (!response.ok) throw new PackageFetchError(`${url} answered ${response.status}`)
        const body = await response.text()
        await cache.put(url, body)
        return body
      })()
      inFlight.set(url, text)
      text.finally(() => inFlight.delete(url)).catch(() => {})
    }
    return text
  }
}

/** Packages from a CDN in unpkg's layout. Identity is `name@version`. */
export function cdnSource(base: string, fetchText: FetchText): PackageSource {
  const listings = new Map<string, Promise<Set<string>>>()
  // The package.json a range resolved to is the version's own: not fetched a second time.
  const manifests = new Map<string, string>()
  return {
    async resolve(name, range, _from) {
      // A dependency a package does not declare cannot be looked up by version.
      if (range === undefined) return null
      if (isExactVersion(range)) {
        const manifest = await fetchText(fileUrl(base, name, range, 'package.json'))
        return manifest === null ? null : { name, version: range, key: `${name}@${range}` }
      }
      const text = await fetchText(fileUrl(base, name, range || 'latest', 'package.json'))
      if (text === null) return null
      let version: unknown
      try { version = (JSON.parse(text) as { version?: unknown }).version } catch { /* below */ }
      if (typeof version !== 'string') throw new PackageFetchError(`${name}@${range}: the CDN's package.json has no version`)
      manifests.set(`${name}@${version}`, text)
      return { name, version, key: `${name}@${version}` }
    },
    list(pkg: PackageRef) {
      let listing = listings.get(pkg.key)
      if (!listing) {
        listing = fetchText(listingUrl(base, pkg.name, pkg.version)).then((text) => {
          if (text === null) throw new PackageFetchError(`${pkg.name}@${pkg.version}: the CDN has no file listing (${listingUrl(base, pkg.name, pkg.version)})`)
          return parseListing(JSON.parse(text))
        })
        listing.catch(() => listings.delete(pkg.key))
        listings.set(pkg.key, listing)
      }
      return listing
    },
    async read(pkg, path) {
      const known = path === 'package.json' ? manifests.get(pkg.key) : undefined
      if (known !== undefined) return known
      const text = await fetchText(fileUrl(base, pkg.name, pkg.version, path))
      if (text === null) throw new PackageFetchError(`${pkg.name}@${pkg.version}/${path} is not on the CDN`)
      return text
    },
  }
}
