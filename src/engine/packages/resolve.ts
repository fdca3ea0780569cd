/**
 * Node's module resolution over a run's package files (`ModuleFiles`): what `require(request)` from a file names,
 * following Node's documented algorithm (Modules: CommonJS, "All together"; Packages: "exports", "imports"):
 * relative and absolute requests as a file (exact, `.js`, `.json`) or a directory (`package.json` `main`, `index.js`),
 * bare requests through the `node_modules` folders from the requiring file's folder up, a package's `exports` (with
 * conditions and `*` patterns) before its files, a package's own name, and `#imports`. Plain string work, no Node APIs.
 */
import type { ModuleFiles } from './moduleFiles.ts'

/** The conditions of `require()` (Node's, without `node-addons`: native code cannot load here). */
export const REQUIRE_CONDITIONS: readonly string[] = ['require', 'node', 'default']
/** The conditions of an ES module's `import` (static or dynamic). */
export const IMPORT_CONDITIONS: readonly string[] = ['import', 'node', 'default']

export type PackageJson = Record<string, unknown> & { name?: unknown; main?: unknown; exports?: unknown; imports?: unknown; type?: unknown }

/** An error with Node's code (`MODULE_NOT_FOUND`, `ERR_PACKAGE_PATH_NOT_EXPORTED`, …). */
export function codedError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code })
}

export function dirname(path: string): string {
  const at = path.lastIndexOf('/')
  return at <= 0 ? '/' : path.slice(0, at)
}

/** `a/./b/../c` → `a/c`, always absolute. */
export function normalize(path: string): string {
  const out: string[] = []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') out.pop()
    else out.push(part)
  }
  return `/${out.join('/')}`
}

export function join(base: string, request: string): string {
  return normalize(request.startsWith('/') ? request : `${base}/${request}`)
}

/** `@scope/name/sub/path` → `['@scope/name', './sub/path']`; `name` → `['name', '.']`. */
export function splitPackageRequest(request: string): [string, string] | null {
  const parts = request.split('/')
  const count = request.startsWith('@') ? 2 : 1
  if (parts.length < count || parts.slice(0, count).some((part) => !part)) return null
  const name = parts.slice(0, count).join('/')
  const rest = parts.slice(count).join('/')
  return [name, rest ? `./${rest}` : '.']
}

/** The package a bare request names (`lodash/fp` → `lodash`), or null for a relative or absolute one. */
export function packageName(request: string): string | null {
  if (request.startsWith('.') || request.startsWith('/') || request.startsWith('#')) return null
  return splitPackageRequest(request)?.[0] ?? null
}

/** Where a file's folder looks for packages, nearest first: `/a/node_modules/b/lib` → `/a/node_modules/b/lib/node_modules`, …, `/node_modules`. */
const pathsCache = new Map<string, readonly string[]>()

/** The folders Node looks in for packages from `from` (made once per folder; callers get their own copy). */
export function nodeModulesPaths(from: string): string[] {
  let paths = pathsCache.get(from)
  if (!paths) {
    if (pathsCache.size > 1000) pathsCache.clear()
    pathsCache.set(from, paths = lookupPaths(from))
  }
  return paths.slice()
}

function lookupPaths(from: string): string[] {
  const parts = from.split('/').filter(Boolean)
  const paths: string[] = []
  for (let i = parts.length; i >= 0; i--) {
    if (parts[i - 1] === 'node_modules') continue
    paths.push(`/${[...parts.slice(0, i), 'node_modules'].join('/')}`)
  }
  return paths
}

/** The files of a run, with the folders they make and their parsed package.json files, computed once per file set. */
export class FileSystem {
  private readonly folders = new Set<string>(['/'])
  private readonly manifests = new Map<string, PackageJson | null>()

  constructor(readonly files: ModuleFiles) {
    for (const path of Object.keys(files)) {
      for (let dir = dirname(path); !this.folders.has(dir); dir = dirname(dir)) this.folders.add(dir)
    }
  }

  isFile(path: string): boolean {
    return Object.hasOwn(this.files, path)
  }

  isFolder(path: string): boolean {
    return this.folders.has(path)
  }

  read(path: string): string {
    return this.files[path]
  }

  /** The folder's package.json, parsed (null when it has none; an unreadable one throws as Node does). */
  manifest(folder: string): PackageJson | null {
    const path = `${folder === '/' ? '' : folder}/package.json`
    if (this.manifests.has(path)) return this.manifests.get(path)!
    let manifest: PackageJson | null = null
    if (this.isFile(path)) {
      try {
        const parsed: unknown = JSON.parse(this.files[path])
        manifest = parsed && typeof parsed === 'object' ? parsed as PackageJson : {}
      } catch (error) {
        throw codedError(`Invalid package config ${path}: ${(error as Error).message}`, 'ERR_INVALID_PACKAGE_CONFIG')
      }
    }
    this.manifests.set(path, manifest)
    return manifest
  }

  /** The nearest folder above `path` (itself included) with a package.json, and that package.json. */
  packageScope(path: string): { folder: string; manifest: PackageJson } | null {
    for (let folder = path; ; folder = dirname(folder)) {
      // LOOKUP_PACKAGE_SCOPE stops at a node_modules folder.
      if (folder.endsWith('/node_modules')) return null
      const manifest = this.manifest(folder)
      if (manifest) return { folder, manifest }
      if (folder === '/') return null
    }
  }

  /** Whether a file is an ES module: `.mjs`, or `.js` in a package whose package.json says `"type": "module"`. */
  isEsm(path: string): boolean {
    if (path.endsWith('.mjs')) return true
    if (!path.endsWith('.js')) return false
    return this.packageScope(dirname(path))?.manifest.type === 'module'
  }
}

type Target = string | null | undefined

function invalidTarget(folder: string, detail: string): Error {
  return codedError(`Invalid "exports" target ${detail} defined in the package config ${folder}/package.json`, 'ERR_INVALID_PACKAGE_TARGET')
}

/** PACKAGE_TARGET_RESOLVE: a path inside the package, null when excluded, undefined when no condition matched. */
function resolveTarget(folder: string, target: unknown, patternMatch: string | null, conditions: readonly string[], internal: boolean, resolveBare: (request: string) => string): Target {
  if (typeof target === 'string') {
    if (!target.startsWith('./')) {
      if (internal && !target.startsWith('../') && !target.startsWith('/')) {
        return resolveBare(patternMatch === null ? target : target.replaceAll('*', patternMatch))
      }
      throw invalidTarget(folder, JSON.stringify(target))
    }
    const resolved = join(folder, patternMatch === null ? target : target.replaceAll('*', patternMatch))
    if (!resolved.startsWith(`${folder}/`) && resolved !== folder) throw invalidTarget(folder, JSON.stringify(target))
    return resolved
  }
  if (Array.isArray(target)) {
    let last: unknown
    for (const item of target) {
      try {
        const resolved = resolveTarget(folder, item, patternMatch, conditions, internal, resolveBare)
        if (resolved === undefined) continue
        return resolved
      } catch (error) {
        last = error
        if ((error as { code?: string }).code === 'ERR_INVALID_PACKAGE_TARGET') continue
        throw error
      }
    }
    if (last) throw last
    return null
  }
  if (target && typeof target === 'object') {
    for (const [key, value] of Object.entries(target)) {
      if (key === 'default' || conditions.includes(key)) {
        const resolved = resolveTarget(folder, value, patternMatch, conditions, internal, resolveBare)
        if (resolved !== undefined) return resolved
      }
    }
    return undefined
  }
  return target === null ? null : undefined
}

/** PATTERN_KEY_COMPARE's order: the longest prefix before `*` first. */
function patternOrder(a: string, b: string): number {
  const prefixA = a.indexOf('*')
  const prefixB = b.indexOf('*')
  const baseA = prefixA < 0 ? a.length : prefixA + 1
  const baseB = prefixB < 0 ? b.length : prefixB + 1
  if (baseA !== baseB) return baseB - baseA
  if (prefixA < 0) return 1
  if (prefixB < 0) return -1
  return b.length - a.length
}

/** PACKAGE_IMPORTS_EXPORTS_RESOLVE: `matchKey` is `./sub` for exports, `#name` for imports. */
function resolveMap(folder: string, map: Record<string, unknown>, matchKey: string, conditions: readonly string[], internal: boolean, resolveBare: (request: string) => string): Target {
  if (Object.hasOwn(map, matchKey) && !matchKey.includes('*')) return resolveTarget(folder, map[matchKey], null, conditions, internal, resolveBare)
  const keys = Object.keys(map).filter((key) => key.split('*').length === 2).sort(patternOrder)
  for (const key of keys) {
    const [prefix, suffix] = key.split('*')
    if (matchKey.startsWith(prefix) && matchKey !== prefix && matchKey.length >= key.length - 1 && matchKey.endsWith(suffix)) {
      return resolveTarget(folder, map[key], matchKey.slice(prefix.length, matchKey.length - suffix.length), conditions, internal, resolveBare)
    }
  }
  return undefined
}

/** An `exports` field as a subpath map: a string, an array or a conditions object stands for `"."`. */
function exportsMap(exports: unknown): Record<string, unknown> {
  if (typeof exports === 'string' || Array.isArray(exports)) return { '.': exports }
  if (exports && typeof exports === 'object') {
    const keys = Object.keys(exports)
    return keys.length && keys.every((key) => !key.startsWith('.')) ? { '.': exports } : exports as Record<string, unknown>
  }
  return {}
}

/** What a package's `exports` makes of a subpath (`.` or `./sub`): a path, or an error Node would throw. */
export function resolveExports(folder: string, manifest: PackageJson, subpath: string, conditions: readonly string[]): string {
  const resolved = resolveMap(folder, exportsMap(manifest.exports), subpath, conditions, false, () => '')
  if (resolved) return resolved
  const detail = subpath === '.' ? 'No "exports" main defined' : `Package subpath '${subpath}' is not defined by "exports"`
  throw codedError(`${detail} in ${folder}/package.json`, 'ERR_PACKAGE_PATH_NOT_EXPORTED')
}

export interface Resolution {
  /** The file's path in the run's files. */
  path: string
}

/** The resolver of one run's files. */
export class Resolver {
  constructor(readonly fs: FileSystem) {}

  /** LOAD_AS_FILE: the path itself, then with `.js` or `.json`. */
  private asFile(path: string): string | null {
    for (const candidate of [path, `${path}.js`, `${path}.json`]) if (this.fs.isFile(candidate)) return candidate
    return null
  }

  private asIndex(path: string): string | null {
    for (const candidate of [`${path}/index.js`, `${path}/index.json`]) if (this.fs.isFile(candidate)) return candidate
    return null
  }

  /** LOAD_AS_DIRECTORY: its package.json's `main` (as a file or a folder), else its index. */
  private asFolder(path: string): string | null {
    if (!this.fs.isFolder(path)) return null
    const main = this.fs.manifest(path)?.main
    if (typeof main === 'string' && main) {
      const target = join(path, main)
      const found = this.asFile(target) ?? this.asIndex(target)
      if (found) return found
    }
    return this.asIndex(path)
  }

  private fileOrFolder(path: string): string | null {
    return this.asFile(path) ?? this.asFolder(path)
  }

  /** The file a request names from the folder `from`, or null when there is none. Errors of `exports` and `imports` are thrown. */
  resolve(request: string, from: string, conditions: readonly string[] = REQUIRE_CONDITIONS): string | null {
    if (request.startsWith('/')) return this.fileOrFolder(normalize(request))
    if (request === '.' || request === '..' || request.startsWith('./') || request.startsWith('../')) {
      const path = join(from, request)
      return this.fileOrFolder(path) ?? (request.endsWith('/') ? this.asIndex(path) : null)
    }
    if (request.startsWith('#')) return this.resolveImports(request, from, conditions)
    const split = splitPackageRequest(request)
    if (!split) return null
    const [name, subpath] = split
    const self = this.resolveSelf(name, subpath, from, conditions)
    if (self !== undefined) return self
    for (const folder of nodeModulesPaths(from)) {
      const packageFolder = `${folder}/${name}`
      if (!this.fs.isFolder(packageFolder)) continue
      const manifest = this.fs.manifest(packageFolder)
      if (manifest && manifest.exports !== undefined && manifest.exports !== null) {
        const target = resolveExports(packageFolder, manifest, subpath, conditions)
        return this.fs.isFile(target) ? target : null
      }
      const found = this.fileOrFolder(subpath === '.' ? packageFolder : join(packageFolder, subpath))
      if (found) return found
    }
    return null
  }

  /** LOAD_PACKAGE_SELF: a package requiring itself by name, through its own `exports`. */
  private resolveSelf(name: string, subpath: string, from: string, conditions: readonly string[]): string | null | undefined {
    const scope = this.fs.packageScope(from)
    if (!scope || scope.manifest.name !== name || scope.manifest.exports === undefined || scope.manifest.exports === null) return undefined
    const target = resolveExports(scope.folder, scope.manifest, subpath, conditions)
    return this.fs.isFile(target) ? target : null
  }

  /** LOAD_PACKAGE_IMPORTS: `#name` through the `imports` of the requiring file's package. */
  private resolveImports(request: string, from: string, conditions: readonly string[]): string | null {
    const scope = this.fs.packageScope(from)
    const imports = scope?.manifest.imports
    if (scope && imports && typeof imports === 'object' && !Array.isArray(imports)) {
      const resolved = resolveMap(scope.folder, imports as Record<string, unknown>, request, conditions, true,
        (bare) => this.resolve(bare, scope.folder, conditions) ?? '')
      if (resolved) return this.fs.isFile(resolved) ? resolved : null
    }
    throw codedError(`Package import specifier "${request}" is not defined${scope ? ` in package ${scope.folder}/package.json` : ''}`, 'ERR_PACKAGE_IMPORT_NOT_DEFINED')
  }
}
