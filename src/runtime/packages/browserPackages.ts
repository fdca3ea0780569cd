/**
 * The page's packages for a run: from the curated offline set when it has a version the action accepts,
 * otherwise from the package CDN (cdn.ts), every fetch kept in the cache. The page fetches; the sandbox
 * only gets the files, as data, with the run. Loaded with `import()` only for flows that declare packages.
 */
import type { FlowDocument } from '../../engine/flowDocument.ts'
import type { ModuleFiles } from '../../engine/packages/moduleFiles.ts'
import { cachedFetchText, cacheStorage, cdnSource, PackageFetchError, type FetchText } from './cdn.ts'
import { collectPackages, type PackageRef, type PackageSource } from './collect.ts'
import { CURATED_NAMES, type CuratedPackage, type CuratedSet } from './curated.ts'
import { dependenciesKey, flowDependencies } from './dependencies.ts'
import { bestVersion } from './versions.ts'

/** Why a run's packages could not be had; its message is the run's error. */
export class PackagesError extends Error {}

/** Curated packages first, then the CDN; a curated file left out of the chunk comes from the CDN. */
export function browserSource(curated: CuratedSet | null, cdn: PackageSource): PackageSource {
  const byKey = new Map<string, CuratedPackage>()
  const versions = new Map<string, string[]>()
  for (const item of curated?.packages ?? []) {
    byKey.set(`${item.name}@${item.version}`, item)
    versions.set(item.name, [...versions.get(item.name) ?? [], item.version])
  }
  const ref = (name: string, version: string): PackageRef => ({ name, version, key: `${name}@${version}` })
  return {
    async resolve(name, range, from) {
      // A curated package's dependencies are the versions it was built with.
      const pinned = from ? byKey.get(from.key)?.dependencies[name] : undefined
      if (pinned && byKey.has(`${name}@${pinned}`)) return ref(name, pinned)
      const best = bestVersion(versions.get(name) ?? [], range)
      if (best) return ref(name, best)
      return cdn.resolve(name, range, from)
    },
    async list(pkg) {
      const item = byKey.get(pkg.key)
      return item ? new Set([...item.listing, 'package.json']) : cdn.list(pkg)
    },
    async read(pkg, path) {
      const text = byKey.get(pkg.key)?.files[path]
      return text ?? cdn.read(pkg, path)
    },
  }
}

export interface BrowserPackagesOptions {
  /** The CDN's base URL, read at each run (it is a setting). */
  base: () => string
  fetchText: FetchText
  /** Imports the curated set's chunk (only called for a flow that declares one of its packages). */
  loadCurated: () => Promise<CuratedSet>
}

/** A loader of a flow's packages: undefined when its enabled actions declare none, the same files for the same needs. */
export function createBrowserPackages(options: BrowserPackagesOptions): (doc: FlowDocument) => Promise<ModuleFiles | undefined> {
  const collected = new Map<string, Promise<ModuleFiles>>()
  let curated: Promise<CuratedSet> | null = null
  return async (doc) => {
    const { roots } = flowDependencies(doc)
    if (!roots.length) return undefined
    const base = options.base()
    const key = `${base}\0${dependenciesKey(roots)}`
    let files = collected.get(key)
    if (!files) {
      files = (async () => {
        const set = roots.some((root) => CURATED_NAMES.has(root.name)) ? await (curated ??= options.loadCurated()) : null
        let result
        try {
          result = await collectPackages(roots, browserSource(set, cdnSource(base, options.fetchText)))
        } catch (error) {
          throw new PackagesError(`The actions' npm packages could not be loaded: ${error instanceof PackageFetchError ? error.message : String(error)}`)
        }
        if (result.missing.length) {
          const list = result.missing.map(({ name, version }) => `${name}@${version}`).join(', ')
          const offline = result.missing.filter(({ name }) => set?.roots[name]).map(({ name }) => `${name}@${set!.roots[name]}`)
          throw new PackagesError(`${list} ${result.missing.length === 1 ? 'is' : 'are'} not on the package CDN (${base})${offline.length ? `; the offline set has ${offline.join(', ')}` : ''}.`)
        }
        for (const warning of result.warnings) console.warn(`Packages: ${warning}`)
        return result.files
      })()
      collected.set(key, files)
      files.catch(() => collected.delete(key))
    }
    return files
  }
}

/** The Cache Storage cache the page keeps fetched package files in. */
export const PACKAGE_CACHE = 'actions-playground-packages-v1'

let pageLoader: ((doc: FlowDocument) => Promise<ModuleFiles | undefined>) | null = null
let pageBase = ''
/** The page's loader, over Cache Storage, the page's fetch and the curated chunk. */
export function pagePackages(doc: FlowDocument, base: string): Promise<ModuleFiles | undefined> {
  pageBase = base
  pageLoader ??= createBrowserPackages({
    base: () => pageBase,
    fetchText: cachedFetchText(cacheStorage(PACKAGE_CACHE, typeof caches === 'undefined' ? undefined : caches)),
    loadCurated: () => import('virtual:curated-packages').then((module) => module.default),
  })
  return pageLoader(doc)
}
