import { describe, expect, it } from 'vitest'
import type { FlowDocument } from '../../engine/flowDocument.ts'
import { createBrowserPackages, PackagesError } from './browserPackages.ts'
import { cachedFetchText, cacheStorage, cdnSource, fileUrl, listingUrl, memoryCache, parseListing } from './cdn.ts'
import { cdnUrlProblem } from './cdnSetting.ts'
import type { CuratedSet } from './curated.ts'

const BASE = 'https://cdn.test/npm'

/** A CDN in unpkg's layout over in-memory packages: ranges resolve to the newest version, `?meta` lists files. */
function fakeCdn(packages: Record<string, Record<string, string>>) {
  const requests: string[] = []
  let offline = false
  const fetcher = async (input: RequestInfo | URL) => {
    const url = String(input)
    requests.push(url.slice(BASE.length))
    if (offline) throw new TypeError('Failed to fetch')
    const match = /^\/((?:@[^/]+\/)?[^/@]+)@([^/]+)\/(.*)$/.exec(url.slice(BASE.length))
    if (!match) return new Response('', { status: 400 })
    const [, name, encoded, path] = match
    const range = decodeURIComponent(encoded)
    const versions = Object.keys(packages).filter((key) => key.startsWith(`${name}@`)).map((key) => key.slice(name.length + 1))
    const version = versions.includes(range) ? range : versions.filter((item) => range === 'latest' || item.startsWith(range.replace(/^\^/, '').split('.')[0])).sort().at(-1)
    const files = version && packages[`${name}@${version}`]
    if (!files) return new Response('not found', { status: 404 })
    if (path === '?meta') return Response.json({ package: name, version, prefix: '/', files: Object.keys(files).map((file) => ({ path: `/${file}`, type: 'file' })) })
    const text = files[decodeURIComponent(path)]
    return text === undefined ? new Response('not found', { status: 404 }) : new Response(text)
  }
  return { fetcher, requests, setOffline: (value: boolean) => { offline = value } }
}

const doc = (code: string, dependencies: Array<{ name: string; version: string }>): FlowDocument =>
  ({ version: 1, trigger: 'post-login', name: 'f', event: {}, mocks: { http: [] }, actions: [{ id: 'a', name: 'A', code, enabled: true, secrets: {}, dependencies }] }) as FlowDocument

const REGISTRY = {
  'is-odd@3.0.1': { 'package.json': JSON.stringify({ name: 'is-odd', version: '3.0.1', main: 'index.js', dependencies: { 'is-number': '^6.0.0' } }), 'index.js': "const n = require('is-number'); module.exports = (x) => n(x) && x % 2 === 1", 'README.md': '#' },
  'is-number@6.0.0': { 'package.json': JSON.stringify({ name: 'is-number', version: '6.0.0' }), 'index.js': 'module.exports = (x) => typeof x === "number"' },
  'ms@2.1.3': { 'package.json': JSON.stringify({ name: 'ms', version: '2.1.3' }), 'index.js': 'module.exports = "cdn ms"' },
  'lodash@4.18.1': { 'package.json': JSON.stringify({ name: 'lodash', version: '4.18.1', main: 'lodash.js' }), 'lodash.js': 'cdn lodash', 'get.js': "require('./_baseGet')", '_baseGet.js': 'base' },
}

describe('the package CDN (unpkg layout)', () => {
  it('lays out file, range and listing URLs', () => {
    expect(fileUrl(`${BASE}/`, '@xmldom/xmldom', '0.9.12', 'lib/dom.js')).toBe(`${BASE}/@xmldom/xmldom@0.9.12/lib/dom.js`)
    expect(fileUrl(BASE, 'ms', '^2.1.1', 'package.json')).toBe(`${BASE}/ms@%5E2.1.1/package.json`)
    expect(listingUrl(BASE, 'ms', '2.1.3')).toBe(`${BASE}/ms@2.1.3/?meta`)
  })

  it('reads flat and nested listings', () => {
    expect([...parseListing({ files: [{ path: '/index.js' }, { path: '/lib/a.js', type: 'file' }] })]).toEqual(['index.js', 'lib/a.js'])
    expect([...parseListing({ path: '/', type: 'directory', files: [{ path: '/package.json', type: 'file' }, { path: '/lib', type: 'directory', files: [{ path: '/lib/b.js', type: 'file' }] }] })]).toEqual(['package.json', 'lib/b.js'])
  })

  it('resolves a range by the CDN, an exact version without asking', async () => {
    const cdn = fakeCdn(REGISTRY)
    const source = cdnSource(BASE, cachedFetchText(memoryCache(), cdn.fetcher))
    expect(await source.resolve('is-number', '^6.0.0', null)).toEqual({ name: 'is-number', version: '6.0.0', key: 'is-number@6.0.0' })
    expect(await source.resolve('is-odd', '3.0.1', null)).toEqual({ name: 'is-odd', version: '3.0.1', key: 'is-odd@3.0.1' })
    expect(await source.resolve('nope', '1.0.0', null)).toBeNull()
    expect(await source.resolve('ms', undefined, null)).toBeNull()
    expect(cdn.requests).toEqual(['/is-number@%5E6.0.0/package.json', '/is-odd@3.0.1/package.json', '/nope@1.0.0/package.json'])
  })

  it('keeps what it fetched: a second fetch, and one offline, read the cache', async () => {
    const cdn = fakeCdn(REGISTRY)
    const cache = memoryCache()
    const fetchText = cachedFetchText(cache, cdn.fetcher)
    expect(await fetchText(`${BASE}/ms@2.1.3/index.js`)).toBe('module.exports = "cdn ms"')
    cdn.setOffline(true)
    expect(await cachedFetchText(cache, cdn.fetcher)(`${BASE}/ms@2.1.3/index.js`)).toBe('module.exports = "cdn ms"')
    expect(cdn.requests).toEqual(['/ms@2.1.3/index.js'])
    await expect(fetchText(`${BASE}/ms@2.1.3/other.js`)).rejects.toThrow(/could not be fetched \(Failed to fetch\): offline/)
  })

  it('keeps texts in Cache Storage, and in memory without it', async () => {
    const stored = new Map<string, string>()
    const fakeCaches = {
      open: async () => ({
        match: async (url: string) => (stored.has(url) ? new Response(stored.get(url)) : undefined),
        put: async (url: string, response: Response) => { stored.set(url, await response.text()) },
      }),
    } as unknown as CacheStorage
    await cacheStorage('packages', fakeCaches).put('https://x/a', 'A')
    expect(stored.get('https://x/a')).toBe('A')
    expect(await cacheStorage('packages', fakeCaches).get('https://x/a')).toBe('A')
    const memoryOnly = cacheStorage('packages', undefined)
    await memoryOnly.put('https://x/b', 'B')
    expect(await memoryOnly.get('https://x/b')).toBe('B')
  })

  it('checks the setting: a URL the page may fetch from', () => {
    expect(cdnUrlProblem('https://unpkg.com')).toBeNull()
    expect(cdnUrlProblem('unpkg.com')).toMatch(/Not a URL/)
    expect(cdnUrlProblem('ftp://x')).toMatch(/http\(s\)/)
    expect(cdnUrlProblem('http://127.0.0.1:4392/-/npm', 'http://127.0.0.1:4392')).toBeNull()
    expect(cdnUrlProblem('https://cdn.jsdelivr.net/npm', 'http://127.0.0.1:4392')).toMatch(/VITE_PACKAGE_CDN=https:\/\/cdn\.jsdelivr\.net/)
  })
})

describe('the page\'s packages', () => {
  const curated: CuratedSet = {
    roots: { lodash: '4.18.1', debug: '4.4.3' },
    packages: [
      { name: 'lodash', version: '4.18.1', files: { 'package.json': REGISTRY['lodash@4.18.1']['package.json'], 'lodash.js': 'curated lodash' }, listing: ['get.js', '_baseGet.js', 'lodash.js'], dependencies: {} },
      { name: 'debug', version: '4.4.3', files: { 'package.json': JSON.stringify({ name: 'debug', version: '4.4.3', main: 'index.js', dependencies: { ms: '^2.1.3' } }), 'index.js': "require('ms')" }, listing: ['index.js'], dependencies: { ms: '2.1.3' } },
      { name: 'ms', version: '2.1.3', files: { 'package.json': REGISTRY['ms@2.1.3']['package.json'], 'index.js': 'curated ms' }, listing: ['index.js'], dependencies: {} },
    ],
  }

  function loader() {
    const cdn = fakeCdn(REGISTRY)
    let curatedLoads = 0
    const load = createBrowserPackages({
      base: () => BASE,
      fetchText: cachedFetchText(memoryCache(), cdn.fetcher),
      loadCurated: async () => { curatedLoads++; return curated },
    })
    return { load, cdn, curatedLoads: () => curatedLoads }
  }

  it('fetches a package and its dependencies from the CDN, once', async () => {
    const { load, cdn, curatedLoads } = loader()
    const flow = doc("const isOdd = require('is-odd')", [{ name: 'is-odd', version: '3.0.1' }])
    expect(await load(flow)).toEqual({
      '/node_modules/is-odd/package.json': REGISTRY['is-odd@3.0.1']['package.json'],
      '/node_modules/is-odd/index.js': REGISTRY['is-odd@3.0.1']['index.js'],
      '/node_modules/is-number/package.json': REGISTRY['is-number@6.0.0']['package.json'],
      '/node_modules/is-number/index.js': REGISTRY['is-number@6.0.0']['index.js'],
    })
    expect(cdn.requests).toEqual([
      '/is-odd@3.0.1/package.json', '/is-odd@3.0.1/?meta', '/is-odd@3.0.1/index.js',
      '/is-number@%5E6.0.0/package.json', '/is-number@6.0.0/?meta', '/is-number@6.0.0/index.js',
    ])
    expect(curatedLoads()).toBe(0)
    cdn.requests.length = 0
    await load(flow)
    expect(cdn.requests).toEqual([])
  })

  it('takes curated packages without the network, and a file the chunk left out from the CDN', async () => {
    const { load, cdn, curatedLoads } = loader()
    const files = await load(doc("require('debug'); require('lodash/get')", [{ name: 'debug', version: '4.4.3' }, { name: 'lodash', version: '^4.17.0' }]))
    expect(files?.['/node_modules/ms/index.js']).toBe('curated ms')
    expect(files?.['/node_modules/lodash/get.js']).toBe("require('./_baseGet')")
    expect(files?.['/node_modules/lodash/_baseGet.js']).toBe('base')
    expect(files?.['/node_modules/lodash/lodash.js']).toBeUndefined()
    expect(cdn.requests).toEqual(['/lodash@4.18.1/get.js', '/lodash@4.18.1/_baseGet.js'])
    expect(curatedLoads()).toBe(1)
  })

  it('loads the chunk only for a curated package the actions declare, and then uses all it has', async () => {
    const alone = loader()
    // ms is in the chunk only as debug's dependency: a flow that declares it alone fetches it.
    expect((await alone.load(doc("require('ms')", [{ name: 'ms', version: '^2.0.0' }])))?.['/node_modules/ms/index.js']).toBe('module.exports = "cdn ms"')
    expect(alone.curatedLoads()).toBe(0)
    expect(alone.cdn.requests).toEqual(['/ms@%5E2.0.0/package.json', '/ms@2.1.3/?meta', '/ms@2.1.3/index.js'])
    const { load, cdn } = loader()
    const files = await load(doc("require('lodash'); require('ms')", [{ name: 'lodash', version: '4.18.1' }, { name: 'ms', version: '^2.0.0' }]))
    expect(files?.['/node_modules/ms/index.js']).toBe('curated ms')
    expect(files?.['/node_modules/lodash/lodash.js']).toBe('curated lodash')
    expect(cdn.requests).toEqual([])
  })

  it('fails the run with a clear message for a package the CDN lacks or when offline', async () => {
    const { load, cdn } = loader()
    await expect(load(doc('', [{ name: 'lodash', version: '3.10.1' }]))).rejects.toThrow(new PackagesError(`lodash@3.10.1 is not on the package CDN (${BASE}); the offline set has lodash@4.18.1.`))
    cdn.setOffline(true)
    await expect(load(doc('', [{ name: 'is-odd', version: '3.0.1' }]))).rejects.toThrow(/^The actions' npm packages could not be loaded: .*is-odd@3\.0\.1\/package\.json could not be fetched/)
  })

  it('needs nothing for a flow that declares no packages', async () => {
    const { load, cdn } = loader()
    expect(await load(doc("require('axios')", []))).toBeUndefined()
    expect(cdn.requests).toEqual([])
  })
})
