/**
 * The CLI's packages: from the `node_modules` nearest the flow file (the team's own project), found as Node
 * finds them (each folder's `node_modules`, walking up; a package's own dependencies from its real folder
 * first, so nested copies and pnpm's links work), read by the host process and sent with the run as data.
 * The sandbox process never reads them itself: it may only read its own folder.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import type { FlowDocument } from '../../engine/flowDocument.ts'
import type { ModuleFiles } from '../../engine/packages/moduleFiles.ts'
import { collectPackages, type PackageRef, type PackageSource, type RootDependency } from './collect.ts'
import { dependenciesKey, flowDependencies } from './dependencies.ts'
import { versionSatisfies } from './versions.ts'

/** Files no `require` loads, left out of a package's listing. */
const SKIPPED_FILE = /(\.map|\.d\.[cm]?ts|\.ts|\.md|\.markdown)$/i
const SKIPPED_FOLDER = new Set(['node_modules', '.git', '__tests__', 'test', 'tests'])

export class MissingPackageError extends Error {
  constructor(readonly missing: Array<{ name: string; version: string }>, readonly folder: string) {
    const list = missing.map(({ name, version }) => installSpec(name, version))
    super(`${list.length === 1 ? `The package ${list[0]} is` : `The packages ${list.join(', ')} are`} not installed for this flow: run \`npm install ${list.join(' ')}\` in ${folder}`)
  }
}

const installSpec = (name: string, version: string) => (version && version !== 'latest' ? `${name}@${version}` : name)

function readManifest(folder: string): { name?: string; version?: string } | null {
  try {
    return JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { name?: string; version?: string }
  } catch {
    return null
  }
}

/** A package's files, relative to its folder: not its node_modules, tests, types, maps or docs. */
function listFiles(root: string): Set<string> {
  const files = new Set<string>()
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = prefix + entry.name
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDER.has(entry.name)) walk(join(folder, entry.name), `${path}/`)
      } else if ((entry.isFile() || entry.isSymbolicLink()) && !SKIPPED_FILE.test(entry.name)) files.add(path)
    }
  }
  walk(root, '')
  return files
}

// Per process: `test` runs many flows of one project, and packages do not change while it runs.
const listings = new Map<string, Set<string>>()
const texts = new Map<string, string>()
const lookups = new Map<string, PackageRef | null>()

/** Packages on disk, as Node finds them from `base` (the flow file's folder). */
export function nodeModulesSource(base: string): PackageSource {
  return {
    async resolve(name, _range, from) {
      const start = from ? from.key : resolve(base)
      const cacheKey = `${start}\0${name}`
      if (lookups.has(cacheKey)) return lookups.get(cacheKey)!
      let found: PackageRef | null = null
      for (let folder = start; ; folder = dirname(folder)) {
        if (basename(folder) !== 'node_modules') {
          const candidate = join(folder, 'node_modules', name)
          const manifest = existsSync(join(candidate, 'package.json')) ? readManifest(candidate) : null
          if (manifest) {
            found = { name, version: String(manifest.version ?? '0.0.0'), key: realpathSync(candidate) }
            break
          }
        }
        if (dirname(folder) === folder) break
      }
      lookups.set(cacheKey, found)
      return found
    },
    async list(pkg) {
      let files = listings.get(pkg.key)
      if (!files) listings.set(pkg.key, files = listFiles(pkg.key))
      return files
    },
    async read(pkg, path) {
      const file = join(pkg.key, path)
      let text = texts.get(file)
      if (text === undefined) texts.set(file, text = readFileSync(file, 'utf8'))
      return text
    },
  }
}

/** The folder to run `npm install` in: the nearest with a package.json, else the flow's own. */
export function installFolder(base: string): string {
  for (let folder = resolve(base); ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json')) && statSync(join(folder, 'package.json')).isFile()) return folder
    if (dirname(folder) === folder) return resolve(base)
  }
}

export interface NodeModulesPackages {
  /** Undefined when no enabled action declares a dependency. */
  packages?: ModuleFiles
  /** An installed version that does not satisfy the declared one, a dependency's missing dependency. */
  warnings: string[]
}

const collected = new Map<string, Promise<NodeModulesPackages>>()

/**
 * The files of the packages a flow's enabled actions declare, from the node_modules nearest `base`. Throws
 * a `MissingPackageError` naming the packages that are not installed and the command that installs them.
 */
export function nodeModulesPackages(doc: FlowDocument, base: string): Promise<NodeModulesPackages> {
  const { roots, warnings } = flowDependencies(doc)
  if (!roots.length) return Promise.resolve({ warnings })
  const key = `${resolve(base)}\0${dependenciesKey(roots)}`
  let result = collected.get(key)
  if (!result) {
    result = collect(roots, base)
    collected.set(key, result)
    result.catch(() => collected.delete(key))
  }
  return result.then((found) => ({ ...found, warnings: [...warnings, ...found.warnings] }))
}

async function collect(roots: RootDependency[], base: string): Promise<NodeModulesPackages> {
  const { files, packages, missing, warnings } = await collectPackages(roots, nodeModulesSource(base))
  if (missing.length) throw new MissingPackageError(missing, installFolder(base))
  for (const root of roots) {
    const placed = packages.find((item) => item.dir === `/node_modules/${root.name}`)
    if (placed && !versionSatisfies(placed.ref.version, root.version)) {
      warnings.unshift(`${root.name}: the flow declares ${root.version}, but ${placed.ref.version} is installed (${placed.ref.key}); the run uses ${placed.ref.version}`)
    }
  }
  return { packages: files, warnings }
}
