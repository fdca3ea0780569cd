/**
 * Code the engine offers without carrying it: the host sends a library's CommonJS bundle with a run only when the
 * run needs it, and the engine's realm evaluates it when an action first requires it. A run that does not use axios
 * neither loads nor evaluates it; the Node shims (engine/modules/shims: `events`, `stream`, `http`, `zlib`, …) come
 * with a run whose actions have npm dependencies or module mocks, or require one of those modules themselves.
 */
import type { FlowDocument } from '../engine/flowDocument.ts'
import type { ModuleFiles } from '../engine/packages/moduleFiles.ts'
import type { Libraries, LibraryHost } from '../engine/pipeline.ts'
import { ENGINE_BUILTINS, NODE_BUILTINS } from '../engine/modules/registry.ts'
import { BLOCKED_GLOBALS } from './hardenGlobals.ts'

/** Each npm library's bundle: one self-contained CommonJS file (axios's browser build never touches Node's http). */
export const LIBRARY_FILES = { axios: 'axios/dist/browser/axios.cjs' } as const
/** The libraries built from the playground's own code (src/build/nodeShims.ts). */
export const BUILT_LIBRARIES = ['nodeShims'] as const
export type LibraryName = keyof typeof LIBRARY_FILES | (typeof BUILT_LIBRARIES)[number]
export type LibrarySources = Partial<Record<LibraryName, string>>
export type LoadLibrarySource = (name: LibraryName) => Promise<string>

const SHIM_NAMES = NODE_BUILTINS.filter((name) => !ENGINE_BUILTINS.includes(name))
const escape = (name: string) => name.replace(/[/]/g, '\\/')
/** `require('events')`, `require("node:zlib")`, `from 'stream'`: a module of the shims named as a constant. */
const SHIM_REQUEST = new RegExp(`['"\`](node:)?(${SHIM_NAMES.map(escape).join('|')})['"\`]`)

/**
 * The libraries a run needs: axios when an enabled action's code names it (a `require` with a computed name is
 * missed) or one of the run's package files requires it; the Node shims when an enabled action declares dependencies, the flow mocks modules, or an action names one
 * of the shims' modules, or `subtle` (the shims have WebCrypto for a realm without one, as the browser's sandbox).
 */
export function librariesFor(doc: FlowDocument, packages: ModuleFiles = {}): LibraryName[] {
  const enabled = doc.actions.filter((action) => action.enabled)
  const code = enabled.map((action) => action.code)
  const names: LibraryName[] = []
  if (code.some((text) => /\baxios\b/.test(text)) || requiresAxios(packages)) names.push('axios')
  const modules = (doc.mocks as { modules?: Record<string, unknown> }).modules
  const needsShims = enabled.some((action) => action.dependencies?.length) || (modules && Object.keys(modules).length)
    || code.some((text) => SHIM_REQUEST.test(text) || /\bsubtle\b/.test(text))
  if (needsShims) {
    names.push('nodeShims')
  }
  return names
}

/** Whether a package file requires axios (which gets the playground's, answered from the mocks, like the action's). */
function requiresAxios(packages: ModuleFiles): boolean {
  for (const [path, text] of Object.entries(packages)) {
    if (!path.startsWith('/node_modules/axios/') && !path.includes('/node_modules/axios/') && /\b(require\(|from\s*)\s*['"]axios['"]/.test(text)) return true
  }
  return false
}

export async function librarySources(doc: FlowDocument, load: LoadLibrarySource, packages?: ModuleFiles): Promise<LibrarySources> {
  const names = librariesFor(doc, packages)
  const sources = await Promise.all(names.map(load))
  return Object.fromEntries(names.map((name, index) => [name, sources[index]]))
}

/** Inside the engine's realm: a loader per library sent, evaluating its bundle once, on first use. */
export function libraryLoaders(sources: LibrarySources = {}): Libraries {
  const evaluate = eval
  const loaders: Libraries = {}
  if (typeof sources.axios === 'string') {
    const source = sources.axios
    let value: unknown
    loaders.axios = () => (value ??= evaluateModule(evaluate, 'axios', source)) as never
  }
  if (typeof sources.nodeShims === 'string') {
    const source = sources.nodeShims
    let value: unknown
    loaders.nodeShims = (host) => (value ??= evaluateModule(evaluate, 'nodeShims', source, host)) as never
  }
  return loaders
}

/**
 * Evaluates a CommonJS bundle. The globals the sandbox removed, and the worker scope, are plain `undefined`
 * to it, as on Node: axios probes `XMLHttpRequest` and `self.importScripts` as it loads, which would throw. A
 * bundle of Node code also gets the engine's `require` (for its `buffer` and `util`), `process` and `global`.
 */
function evaluateModule(evaluate: (code: string) => unknown, name: string, source: string, host?: LibraryHost): unknown {
  const node = host ? ['require', 'process', 'global'] : []
  const wrapped = `(function (module, exports, ${[...node, ...BLOCKED_GLOBALS, 'WorkerGlobalScope'].join(', ')}) {\n${source}\n})\n//# sourceURL=node_modules/${name}`
  const module = { exports: {} }
  const args = host ? [host.require, host.process, globalThis] : []
  ;(evaluate(wrapped) as (...args: unknown[]) => void)(module, module.exports, ...args)
  return module.exports
}
