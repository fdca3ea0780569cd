/**
 * For tests only: `ModuleFiles` read from the checkout's own node_modules (a package, and the packages it depends
 * on, found as Node finds them), and the libraries a runtime would send, the Node shims built as the runtimes build
 * them. The CLI's real collection is src/runtime/packages/nodeModules.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import axios from 'axios/dist/browser/axios.cjs'
import { buildNodeShims } from '../../build/nodeShims.ts'
import { libraryLoaders } from '../libraries.ts'
import type { Libraries } from '../../engine/pipeline.ts'
import type { ModuleFiles } from '../../engine/packages/moduleFiles.ts'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
/** The files a package needs at run time: code and JSON, not types, maps or docs. */
const KEEP = /\.(c|m)?js$|\.json$/
const SKIP_FOLDERS = new Set(['test', 'tests', '__tests__', '.github', 'docs', 'example', 'examples', 'benchmark', 'bench', 'coverage'])

function walk(folder: string, out: ModuleFiles) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !SKIP_FOLDERS.has(entry.name)) walk(path, out)
    } else if (KEEP.test(entry.name) && !entry.name.endsWith('.d.ts') && statSync(path).size < 4_000_000) {
      out[`/${relative(ROOT, path).split('\\').join('/')}`] = readFileSync(path, 'utf8')
    }
  }
}

/** The folder Node would load `name` from, looking up from `from`. */
function packageFolder(name: string, from: string): string | null {
  for (let folder = from; ; folder = dirname(folder)) {
    const candidate = join(folder, 'node_modules', name)
    if (existsSync(join(candidate, 'package.json'))) return candidate
    if (folder === ROOT || folder === dirname(folder)) return null
  }
}

/** The files of the named packages and of everything they depend on, laid out as npm installed them here. */
export function packageFiles(...names: string[]): ModuleFiles {
  const files: ModuleFiles = {}
  const seen = new Set<string>()
  const add = (name: string, from: string, optional: boolean) => {
    const folder = packageFolder(name, from)
    if (!folder) {
      if (optional) return
      throw new Error(`${name} is not installed (needed from ${relative(ROOT, from) || 'the checkout'})`)
    }
    if (seen.has(folder)) return
    seen.add(folder)
    walk(folder, files)
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'))
    for (const dependency of Object.keys(manifest.dependencies ?? {})) add(dependency, folder, false)
    for (const dependency of Object.keys({ ...manifest.optionalDependencies, ...manifest.peerDependencies })) add(dependency, folder, true)
  }
  for (const name of names) add(name, ROOT, false)
  return files
}

let shimsSource: string | null = null
const perRun = new WeakMap<object, ReturnType<NonNullable<Libraries['nodeShims']>>>()

/** axios and the Node shims, as a runtime sends them; the shims are evaluated once per run, as in a runtime's fresh realm. */
export const PACKAGE_LIBRARIES: Libraries = {
  axios: () => axios,
  nodeShims: (host) => {
    let library = perRun.get(host.process)
    if (!library) {
      shimsSource ??= buildNodeShims().code
      perRun.set(host.process, library = libraryLoaders({ nodeShims: shimsSource }).nodeShims!(host))
    }
    return library
  },
}
