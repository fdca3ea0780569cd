/**
 * npm packages the engine offers without carrying them: the host sends a package's CommonJS bundle with a
 * run only when an enabled action's code names it, and the engine's realm evaluates it when an action first
 * requires it. A run that does not use axios neither loads nor evaluates it.
 */
import type { FlowDocument } from '../engine/flowDocument.ts'
import type { Libraries } from '../engine/pipeline.ts'
import { BLOCKED_GLOBALS } from './hardenGlobals.ts'

/** Each library's bundle: one self-contained CommonJS file (axios's browser build never touches Node's http). */
export const LIBRARY_FILES = { axios: 'axios/dist/browser/axios.cjs' } as const
export type LibraryName = keyof typeof LIBRARY_FILES
const LIBRARY_NAMES = Object.keys(LIBRARY_FILES) as LibraryName[]
export type LibrarySources = Partial<Record<LibraryName, string>>
export type LoadLibrarySource = (name: LibraryName) => Promise<string>

/** The libraries whose name appears in an enabled action's code (a `require` with a computed name is missed). */
export function librariesFor(doc: FlowDocument): LibraryName[] {
  const code = doc.actions.filter((action) => action.enabled).map((action) => action.code)
  return LIBRARY_NAMES.filter((name) => code.some((text) => new RegExp(`\\b${name}\\b`).test(text)))
}

export async function librarySources(doc: FlowDocument, load: LoadLibrarySource): Promise<LibrarySources> {
  const names = librariesFor(doc)
  const sources = await Promise.all(names.map(load))
  return Object.fromEntries(names.map((name, index) => [name, sources[index]]))
}

/** Inside the engine's realm: a loader per library sent, evaluating its bundle once, on first use. */
export function libraryLoaders(sources: LibrarySources = {}): Libraries {
  const evaluate = eval
  const loaders: Libraries = {}
  for (const name of LIBRARY_NAMES) {
    const source = sources[name]
    if (typeof source !== 'string') continue
    let value: unknown
    loaders[name] = () => (value ??= evaluateModule(evaluate, name, source)) as never
  }
  return loaders
}

/**
 * Evaluates a CommonJS bundle. The globals the sandbox removed, and the worker scope, are plain `undefined`
 * to it, as on Node: axios probes `XMLHttpRequest` and `self.importScripts` as it loads, which would throw.
 */
function evaluateModule(evaluate: (code: string) => unknown, name: string, source: string): unknown {
  const wrapped = `(function (module, exports, ${[...BLOCKED_GLOBALS, 'WorkerGlobalScope'].join(', ')}) {\n${source}\n})\n//# sourceURL=node_modules/${name}`
  const module = { exports: {} }
  ;(evaluate(wrapped) as (module: object, exports: object) => void)(module, module.exports)
  return module.exports
}
