/**
 * Which files of which npm packages a run needs, as a ModuleFiles tree (src/engine/packages/moduleFiles.ts):
 * one walk for every place packages come from (the CLI's node_modules, the browser's package CDN and its
 * curated offline set). Plain TypeScript, no Node or DOM APIs; the sources do the reading.
 *
 * The walk starts at the entries the actions use (`require('jsonwebtoken')`, `require('lodash/get')`) and
 * follows every `require('<literal>')` in the files it reaches (a scan of the text, so a require in a
 * comment or an unused branch is followed too: more files, never fewer), across packages by their
 * `dependencies`, with Node's rules: `exports` (conditions require, node, default), `main`, extensions,
 * `index.js`. A name built at run time (`require('./lang/' + x)`) is not followed: such a package needs a
 * module mock.
 *
 * Packages are laid out as npm installs them: the actions' dependencies at `/node_modules/<name>`, theirs
 * hoisted as high as Node's lookup allows, nested (`/node_modules/a/node_modules/b`) where two versions meet.
 */
import type { Dependency } from '../../engine/flowDocument.ts'
import type { ModuleFiles } from '../../engine/packages/moduleFiles.ts'

/** One version of one package, as a source knows it; `key` tells copies apart (a folder, or name@version). */
export interface PackageRef {
  name: string
  version: string
  key: string
}

export interface PackageManifest {
  name?: string
  version?: string
  main?: string
  exports?: unknown
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
}

export interface PackageSource {
  /**
   * The version of `name` that a dependent (`from`, or the actions when null) gets for `range` (undefined:
   * the dependent does not declare it). Null when there is none; throws when the source cannot tell.
   */
  resolve(name: string, range: string | undefined, from: PackageRef | null): Promise<PackageRef | null>
  /** The package's files, as paths relative to its folder (`lib/index.js`). */
  list(pkg: PackageRef): Promise<ReadonlySet<string>>
  read(pkg: PackageRef, path: string): Promise<string>
}

/** A package the actions depend on, and the entries their code requires (`''` for the package itself, `'fp'` for `lodash/fp`). */
export interface RootDependency extends Dependency {
  entries: string[]
}

export interface PlacedPackage {
  ref: PackageRef
  /** Where it sits in the tree: `/node_modules/jws`. */
  dir: string
  /** The files taken, relative to `dir`. */
  files: string[]
}

export interface CollectedPackages {
  files: ModuleFiles
  packages: PlacedPackage[]
  /** The actions' dependencies the source does not have. */
  missing: Dependency[]
  /** What the run can do without: a dependency's own missing dependency, two versions declared for one name. */
  warnings: string[]
}

const CONDITIONS = new Set(['require', 'node', 'node-addons', 'default'])

const BUILTINS = new Set([
  'assert', 'async_hooks', 'buffer', 'child_process', 'cluster', 'console', 'constants', 'crypto', 'dgram',
  'diagnostics_channel', 'dns', 'domain', 'events', 'fs', 'http', 'http2', 'https', 'inspector', 'module', 'net',
  'os', 'path', 'perf_hooks', 'process', 'punycode', 'querystring', 'readline', 'repl', 'stream', 'string_decoder',
  'sys', 'timers', 'tls', 'trace_events', 'tty', 'url', 'util', 'v8', 'vm', 'wasi', 'worker_threads', 'zlib',
])

/** A Node built-in (`fs`, `node:fs`, `fs/promises`): never a package, even where one has its name. */
export function isBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || BUILTINS.has(specifier.split('/')[0])
}

/** `@scope/name/sub/path` → { name: '@scope/name', subpath: 'sub/path' }; null for a relative or absolute specifier. */
export function splitSpecifier(specifier: string): { name: string; subpath: string } | null {
  if (!specifier || specifier.startsWith('.') || specifier.startsWith('/')) return null
  const parts = specifier.split('/')
  const length = specifier.startsWith('@') ? 2 : 1
  if (parts.length < length || parts.slice(0, length).some((part) => !part)) return null
  return { name: parts.slice(0, length).join('/'), subpath: parts.slice(length).join('/') }
}

const REQUIRE = /(?<![\w$.])require\s*\(\s*(?:'([^'\\\n]+)'|"([^"\\\n]+)"|`([^`\\$\n]+)`)\s*\)/g
/** An ES module's `import … from 'x'`, `export … from 'x'`, `import 'x'` and `import('x')`: the loader runs those too. */
const IMPORT = /(?<![\w$.])(?:(?:import|export)\s[^'"`;]*?\bfrom\s*|import\s*\(?\s*)(?:'([^'\\\n]+)'|"([^"\\\n]+)")/g

/** The literal specifiers a source `require`s or imports, in order, each once. */
export function requiredSpecifiers(source: string): string[] {
  const found = new Set<string>()
  for (const match of source.matchAll(REQUIRE)) found.add(match[1] ?? match[2] ?? match[3])
  for (const match of source.matchAll(IMPORT)) found.add(match[1] ?? match[2])
  return [...found]
}

/** POSIX `normalize` of a path inside a package; null when it leaves the package. */
export function normalizePath(path: string): string | null {
  const out: string[] = []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (!out.length) return null
      out.pop()
    } else out.push(part)
  }
  return out.join('/')
}

const dirnameOf = (path: string) => path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : ''

/** The target of a conditional `exports` value for `require`, as Node picks it (first matching condition). */
function conditionalTarget(value: unknown): string | null | undefined {
  if (typeof value === 'string') return value
  if (value === null) return null
  if (Array.isArray(value)) {
    for (const item of value) {
      const target = conditionalTarget(item)
      if (typeof target === 'string') return target
    }
    return undefined
  }
  if (typeof value === 'object') {
    for (const [condition, target] of Object.entries(value as Record<string, unknown>)) {
      if (!CONDITIONS.has(condition)) continue
      const chosen = conditionalTarget(target)
      if (chosen !== undefined) return chosen
    }
  }
  return undefined
}

/** The file `exports` maps `./subpath` (or `.`) to, relative to the package; null when it does not export it. */
export function exportsTarget(exports: unknown, subpath: string): string | null {
  const isMap = typeof exports === 'object' && exports !== null && !Array.isArray(exports) &&
    Object.keys(exports).some((key) => key.startsWith('.'))
  const map = (isMap ? exports : { '.': exports }) as Record<string, unknown>
  const key = subpath ? `./${subpath}` : '.'
  let target: string | null | undefined
  if (Object.hasOwn(map, key)) target = conditionalTarget(map[key])
  else {
    let best: { prefix: string; match: string; value: unknown } | null = null
    for (const [pattern, value] of Object.entries(map)) {
      const star = pattern.indexOf('*')
      if (star < 0) continue
      const prefix = pattern.slice(0, star)
      const suffix = pattern.slice(star + 1)
      if (!key.startsWith(prefix) || !key.endsWith(suffix) || key.length < prefix.length + suffix.length) continue
      if (!best || prefix.length > best.prefix.length) best = { prefix, match: key.slice(prefix.length, key.length - suffix.length), value }
    }
    if (best) {
      const chosen = conditionalTarget(best.value)
      target = typeof chosen === 'string' ? chosen.replaceAll('*', best.match) : chosen
    }
  }
  return typeof target === 'string' && target.startsWith('./') ? normalizePath(target) : null
}

/** A path as `require` completes it: the file, `.js`, `.json`, `.cjs`, then the folder's `main` or `index`. */
export function resolveFile(files: ReadonlySet<string>, path: string, readMain?: (packageJson: string) => string | undefined): string | null {
  for (const candidate of [path, `${path}.js`, `${path}.json`, `${path}.cjs`]) if (candidate && files.has(candidate)) return candidate
  const folder = path ? `${path}/` : ''
  const main = readMain && files.has(`${folder}package.json`) ? readMain(`${folder}package.json`) : undefined
  if (main) {
    const inner = normalizePath(`${folder}${main}`)
    if (inner !== null && inner !== path) {
      for (const candidate of [inner, `${inner}.js`, `${inner}.json`, `${inner}/index.js`, `${inner}/index.json`]) if (files.has(candidate)) return candidate
    }
  }
  for (const candidate of [`${folder}index.js`, `${folder}index.json`]) if (files.has(candidate)) return candidate
  return null
}

/** The file a package's entry (`''`: the package itself) loads, or null when it has none. */
export function resolveEntry(manifest: PackageManifest, files: ReadonlySet<string>, subpath: string, readMain?: (packageJson: string) => string | undefined): string | null {
  if (manifest.exports !== undefined && manifest.exports !== null) {
    const target = exportsTarget(manifest.exports, subpath)
    return target !== null && files.has(target) ? target : null
  }
  if (subpath) return resolveFile(files, normalizePath(subpath) ?? '', readMain)
  if (typeof manifest.main === 'string' && manifest.main) {
    const main = normalizePath(manifest.main)
    const found = main === null ? null : resolveFile(files, main, readMain)
    if (found) return found
  }
  return resolveFile(files, '')
}

/** The folders Node looks in for packages required from `dir` (a package's place in the tree, `''` for the actions). */
export function nodeModulesPaths(dir: string): string[] {
  const parts = dir.split('/').filter(Boolean)
  const paths: string[] = []
  for (let index = parts.length; index >= 0; index--) {
    if (parts[index - 1] === 'node_modules') continue
    paths.push(`/${[...parts.slice(0, index), 'node_modules'].join('/')}`)
  }
  return paths
}

export function dependencyRange(manifest: PackageManifest, name: string): string | undefined {
  return manifest.dependencies?.[name] ?? manifest.optionalDependencies?.[name] ?? manifest.peerDependencies?.[name]
}

interface Placed {
  ref: PackageRef
  dir: string
  files: ReadonlySet<string>
  manifest: PackageManifest
  manifestText: string
  taken: Set<string>
}

interface FileTask { placed: Placed; path: string }
interface EntryTask { from: Placed | null; name: string; range: string | undefined; subpath: string; root?: Dependency }

/** Walks the packages the actions use from their entries and lays out the files they reach. */
export async function collectPackages(roots: RootDependency[], source: PackageSource): Promise<CollectedPackages> {
  const byDir = new Map<string, Placed>()
  const byKey = new Map<string, Promise<{ files: ReadonlySet<string>; manifest: PackageManifest; manifestText: string }>>()
  const resolutions: Array<{ dir: string; name: string; slot: string; key: string }> = []
  const texts = new Map<string, string>()
  const missing: Dependency[] = []
  const warnings: string[] = []
  const warned = new Set<string>()
  const warn = (message: string) => { if (!warned.has(message)) { warned.add(message); warnings.push(message) } }

  const contents = (ref: PackageRef) => {
    let loaded = byKey.get(ref.key)
    if (!loaded) {
      loaded = Promise.all([source.list(ref), source.read(ref, 'package.json')])
        .then(([files, text]) => ({ files, manifest: parseManifest(text, ref), manifestText: text }))
      byKey.set(ref.key, loaded)
    }
    return loaded
  }
  const readMainOf = (placed: Placed) => (packageJson: string) => {
    const text = texts.get(`${placed.dir}/${packageJson}`)
    if (text !== undefined) return parseManifest(text, placed.ref).main
    return undefined
  }

  /** Where `ref` goes for a dependent at `fromDir`: an existing copy Node would find, or the highest free place that hides nothing. */
  function place(fromDir: string, ref: PackageRef): { dir: string; existing: boolean } | null {
    const slots = nodeModulesPaths(fromDir).map((path) => `${path}/${ref.name}`)
    const first = slots.findIndex((slot) => byDir.has(slot))
    if (first >= 0 && byDir.get(slots[first])!.ref.key === ref.key) return { dir: slots[first], existing: true }
    for (let index = (first < 0 ? slots.length : first) - 1; index >= 0; index--) {
      const slot = slots[index]
      const hides = resolutions.some((seen) => {
        if (seen.name !== ref.name || seen.key === ref.key) return false
        const theirs = nodeModulesPaths(seen.dir).map((path) => `${path}/${ref.name}`)
        const at = theirs.indexOf(slot)
        return at >= 0 && at < theirs.indexOf(seen.slot)
      })
      if (!hides) return { dir: slot, existing: false }
    }
    return null
  }

  let files: FileTask[] = []
  let entries: EntryTask[] = roots.flatMap((root) => {
    const subpaths = root.entries.length ? [...new Set(root.entries)] : ['']
    return subpaths.map((subpath) => ({ from: null, name: root.name, range: root.version, subpath, root: { name: root.name, version: root.version } }))
  })
  const rootKeys = new Map<string, string>()

  while (files.length || entries.length) {
    // Files first: their requires become the next entries and files.
    const fileBatch = files.filter((task) => !task.placed.taken.has(task.path) && !!task.placed.taken.add(task.path))
    files = []
    const read = await Promise.all(fileBatch.map((task) => task.path === 'package.json' ? task.placed.manifestText : source.read(task.placed.ref, task.path)))
    fileBatch.forEach((task, index) => {
      const { placed, path } = task
      const text = read[index]
      texts.set(`${placed.dir}/${path}`, text)
      // The nearest package.json inside the package says whether a .js file is CommonJS.
      for (let folder = dirnameOf(path); folder; folder = dirnameOf(folder)) {
        if (placed.files.has(`${folder}/package.json`)) { files.push({ placed, path: `${folder}/package.json` }); break }
      }
      if (path.endsWith('.json')) return
      for (const specifier of requiredSpecifiers(text)) {
        if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..') {
          const target = normalizePath(`${dirnameOf(path)}/${specifier}`)
          const file = target === null ? null : resolveFile(placed.files, target, readMainOf(placed))
          if (file) files.push({ placed, path: file })
          continue
        }
        if (isBuiltin(specifier)) continue
        const split = splitSpecifier(specifier)
        if (!split) continue
        if (split.name === placed.ref.name) {
          const file = resolveEntry(placed.manifest, placed.files, split.subpath, readMainOf(placed))
          if (file) files.push({ placed, path: file })
          continue
        }
        entries.push({ from: placed, name: split.name, range: dependencyRange(placed.manifest, split.name), subpath: split.subpath })
      }
    })

    const entryBatch = entries
    entries = []
    const refs = await Promise.all(entryBatch.map(async (task) => {
      const ref = await source.resolve(task.name, task.range, task.from?.ref ?? null)
      if (ref) await contents(ref)
      return ref
    }))
    for (const [index, task] of entryBatch.entries()) {
      const ref = refs[index]
      const who = task.from ? `${task.from.ref.name}@${task.from.ref.version}` : 'the actions'
      if (!ref) {
        if (task.root) { if (!missing.some((item) => item.name === task.name)) missing.push(task.root) }
        else if (task.range !== undefined && !dependencyRange({ optionalDependencies: task.from?.manifest.optionalDependencies }, task.name)) {
          warn(`${task.name}@${task.range}, a dependency of ${who}, is missing`)
        }
        continue
      }
      if (task.root) {
        const chosen = rootKeys.get(task.name)
        if (chosen && chosen !== ref.key) { warn(`the actions declare two versions of ${task.name}: the run uses the first`); continue }
        rootKeys.set(task.name, ref.key)
      }
      const fromDir = task.from?.dir ?? ''
      const where = place(fromDir, ref)
      if (!where) { warn(`${ref.name}@${ref.version} (for ${who}) has no place in the tree next to the other versions`); continue }
      let placed = byDir.get(where.dir)
      if (!placed) {
        const { files: list, manifest, manifestText } = await contents(ref)
        placed = { ref, dir: where.dir, files: list, manifest, manifestText, taken: new Set() }
        byDir.set(where.dir, placed)
        files.push({ placed, path: 'package.json' })
      }
      resolutions.push({ dir: fromDir, name: ref.name, slot: where.dir, key: ref.key })
      const file = resolveEntry(placed.manifest, placed.files, task.subpath, readMainOf(placed))
      if (file) files.push({ placed, path: file })
      else if (task.root) warn(`${ref.name}@${ref.version} has no entry "${task.subpath ? `${ref.name}/${task.subpath}` : ref.name}" for require()`)
    }
  }

  const packages = [...byDir.values()].map((placed) => ({ ref: placed.ref, dir: placed.dir, files: [...placed.taken].sort() }))
  const out: ModuleFiles = {}
  for (const path of [...texts.keys()].sort()) out[path] = texts.get(path)!
  return { files: out, packages, missing, warnings }
}

function parseManifest(text: string, ref: PackageRef): PackageManifest {
  try {
    const value = JSON.parse(text) as unknown
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as PackageManifest
  } catch { /* reported below */ }
  throw new Error(`${ref.name}@${ref.version}: its package.json is not valid JSON`)
}
