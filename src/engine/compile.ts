/**
 * Action code is CommonJS, as in Auth0. It is evaluated inside a same-line function wrapper with a
 * `sourceURL`, so stack frames carry the action's own file name and line numbers. The files of npm packages
 * (packages/loader.ts) are evaluated in the same wrapper, with the same stand-ins for Node's globals, named by
 * their path (`/node_modules/jws/lib/sign-stream.js`); an ES module's body runs in a variant of it (packages/esm.ts).
 */
import { parse, type Node } from 'acorn'
import { applyEdits, callSiteEdits, LINE_MARKER, markCallSites, originalColumn, type MarkedSource } from './callSites.ts'
import { ESM_HOOK, esmPrologue, transformEsm, type EsmModule } from './packages/esm.ts'
import { STEP_MARKER, statementEdits, type Statement } from './statementMarks.ts'
import type { ActionError } from './types.ts'

/** What a module sees besides standard JavaScript, in the order of the wrapper's parameters. */
export interface ModuleScope {
  require: (name: string) => unknown
  console: Record<string, (...args: unknown[]) => void>
  fetch: typeof fetch
  Date: DateConstructor
  Math: Math
  crypto: Crypto
  process: Record<string, unknown>
  Buffer: unknown
  setImmediate: (callback: (...args: unknown[]) => void, ...args: unknown[]) => unknown
  clearImmediate: (handle: unknown) => void
  /** Told the line and callee name of each call just before it runs (see callSites.ts). */
  markCallSite: (line: number, name: string, value: unknown) => unknown
  /** In a stepping run, told each statement of the action's code as it begins (see statementMarks.ts). */
  markStep?: (id: number) => void
}

/**
 * Node's module wrapper takes only `exports, require, module, __filename, __dirname`; what the engine provides
 * for Node's globals (`console`, `crypto`, `Buffer`, …) comes from an enclosing function, so a module may declare
 * its own top-level `const crypto = require('crypto')` as it may on Node, where these are globals.
 */
const GLOBALS = ['console', 'fetch', 'Date', 'Math', 'crypto', 'process', 'Buffer', 'setImmediate', 'clearImmediate', 'global', LINE_MARKER]
/**
 * What Node does not have and a browser worker does: package code sees them as plain `undefined` (and `navigator` as
 * Node's), so that a package that probes its environment as it loads (`typeof self`, `self.importScripts`, …) finds
 * Node, and the network and storage globals the sandbox blocks (runtime/hardenGlobals.ts) do not throw at a probe.
 * Action code keeps seeing those blocked globals, with their clear errors.
 */
export const NODE_ABSENT_GLOBALS = [
  'self', 'window', 'document', 'location', 'WorkerGlobalScope', 'DedicatedWorkerGlobalScope', 'importScripts',
  'XMLHttpRequest', 'WebSocket', 'WebSocketStream', 'EventSource', 'WebTransport', 'RTCPeerConnection', 'webkitRTCPeerConnection',
  'FontFace', 'fonts', 'indexedDB', 'caches', 'Worker', 'SharedWorker', 'BroadcastChannel',
]
/** Node's `navigator` (Node 21 and later). */
const NODE_NAVIGATOR = Object.freeze({ userAgent: 'Node.js/22', language: 'en-US', languages: Object.freeze(['en-US']), platform: 'linux', hardwareConcurrency: 1 })
const WRAPPER = ['exports', 'require', 'module', '__filename', '__dirname']
const PREFIX = `(function (${GLOBALS.join(', ')}) { return function (${WRAPPER.join(', ')}) {`
/** A stepping action's wrapper: one more global, its step marker. */
const STEPPING_PREFIX = `(function (${[...GLOBALS, STEP_MARKER].join(', ')}) { return function (${WRAPPER.join(', ')}) {`
const PACKAGE_GLOBALS = [...GLOBALS, 'navigator', ...NODE_ABSENT_GLOBALS]
/** A package's CommonJS may `import()` (an ES module, usually): the loader answers it (packages/loader.ts). */
const IMPORT_HOOK = '__playgroundImport'
const PACKAGE_PREFIX = `(function (${PACKAGE_GLOBALS.join(', ')}) { return function (${[...WRAPPER, IMPORT_HOOK].join(', ')}) {`
/**
 * An ES module's body: its imported names are getters of `ESM_HOOK.scope`, reached through `with` (which a
 * sloppy-mode wrapper may use), and the body itself is a strict function, as module code is.
 */
const ESM_PREFIX = `(function (${PACKAGE_GLOBALS.join(', ')}) { return function (${ESM_HOOK}) { with (${ESM_HOOK}.scope) return (function () { "use strict"; `
const ESM_SUFFIX = '\n}).call(undefined) } })'

type AnyNode = Node & Record<string, any>
type ModuleFactory = (...globals: unknown[]) => (this: unknown, ...wrapper: unknown[]) => void
export type Compiled =
  | { ok: true; factory: ModuleFactory; fileName: string; insertions: MarkedSource['insertions']; esm?: EsmModule; statements?: Statement[] }
  | { ok: false; error: ActionError }
export type CompiledModule = Extract<Compiled, { ok: true }>

const NO_INSERTIONS: MarkedSource['insertions'] = new Map()
/** Compiled code by source, then by file name (see `cached`). */
type CompiledCache = Map<string, Map<string, Compiled>>
const compiledCache: CompiledCache = new Map()
/** Stepping actions' code (with statement marks), apart from the same actions' code in normal runs. */
const steppingCache: CompiledCache = new Map()
/** Packages have many files: their compiled modules get caches of their own (CommonJS and ES modules). */
const packageCache: CompiledCache = new Map()
const esmCache: CompiledCache = new Map()

/** The file name an action's frames carry in stack traces. */
export function actionFileName(index: number, id: string): string {
  return `action-${index + 1}-${id.replace(/[^\w-]/g, '_')}.js`
}

function syntaxError(error: unknown, fileName?: string): ActionError {
  const loc = (error as { loc?: { line: number; column: number } }).loc
  const raw = error instanceof Error ? error.message.replace(/\s*\(\d+:\d+\)$/, '') : String(error)
  const message = fileName ? `${fileName}: ${raw}` : raw
  if (!loc) return { name: 'SyntaxError', message }
  return { name: 'SyntaxError', message: `${message} (line ${loc.line}, column ${loc.column + 1})`, line: loc.line, column: loc.column + 1 }
}

/** Indirect eval runs in the global scope, so the code sees none of the engine's local variables. */
function evaluate(source: string, fileName: string): ModuleFactory {
  return (0, eval)(`${source}\n//# sourceURL=${fileName}`) as ModuleFactory
}

function compile(code: string, fileName: string, steps: boolean): Compiled {
  let marked: MarkedSource
  let statements: Statement[] | undefined
  try {
    const program = parse(code, { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true, allowHashBang: true, locations: true })
    if (steps) {
      const stepping = statementEdits(program)
      statements = stepping.statements
      marked = applyEdits(code, [...callSiteEdits(program), ...stepping.edits])
      // Error columns on line 1 are counted past PREFIX (inAction): the stepping wrapper's longer list of globals
      // is to them one more insertion, before the action's first column.
      marked.insertions.set(1, [{ column: 0, length: STEPPING_PREFIX.length - PREFIX.length }, ...marked.insertions.get(1) ?? []])
    } else marked = markCallSites(code, program)
  } catch (error) {
    return { ok: false, error: syntaxError(error) }
  }
  try {
    const factory = evaluate(`${statements ? STEPPING_PREFIX : PREFIX}${marked.code}\n} })`, fileName)
    return { ok: true, factory, fileName, insertions: marked.insertions, ...(statements ? { statements } : {}) }
  } catch (error) {
    return { ok: false, error: syntaxError(error) }
  }
}

/** `import(x)` in CommonJS as a call of the loader's hook (only files that seem to have one are parsed for it). */
function withImportHook(code: string): string {
  if (!/\bimport\s*\(/.test(code)) return code
  let program: AnyNode
  try {
    program = parse(code, { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true, allowHashBang: true }) as AnyNode
  } catch {
    return code
  }
  const starts: number[] = []
  const visit = (node: AnyNode) => {
    if (node.type === 'ImportExpression') starts.push(node.start)
    for (const key in node) {
      const child = node[key]
      if (Array.isArray(child)) { for (const item of child) if (item && typeof item.type === 'string') visit(item) }
      else if (child && typeof child === 'object' && typeof child.type === 'string') visit(child)
    }
  }
  visit(program)
  let out = code
  for (const start of starts.sort((a, b) => b - a)) out = `${out.slice(0, start)}${IMPORT_HOOK}${out.slice(start + 'import'.length)}`
  return out
}

/** A package's file: CommonJS as V8 parses it (no call-site marks: lines are the action's concern), or an ES module. */
function compilePackageFile(code: string, fileName: string, kind: 'commonjs' | 'esm'): Compiled {
  try {
    if (kind === 'esm') {
      const esm = transformEsm(code)
      if (esm.topLevelAwait) {
        return { ok: false, error: { name: 'Error', message: `require() cannot load ${fileName}: it is an ES module with top-level await.` } }
      }
      const factory = evaluate(`${ESM_PREFIX}${esmPrologue(esm)}${esm.body}${ESM_SUFFIX}`, fileName)
      return { ok: true, factory, fileName, insertions: NO_INSERTIONS, esm }
    }
    const source = withImportHook(code.startsWith('#!') ? `//${code.slice(2)}` : code)
    return { ok: true, factory: evaluate(`${PACKAGE_PREFIX}${source}\n} })`, fileName), fileName, insertions: NO_INSERTIONS }
  } catch (error) {
    return { ok: false, error: syntaxError(error, fileName) }
  }
}

/**
 * Keyed by the source string itself, whose hash the JavaScript engine keeps with it, rather than by a new string
 * joining name and source, whose hash was computed over the whole source at every lookup.
 */
function cached(cache: CompiledCache, limit: number, code: string, fileName: string, make: () => Compiled): Compiled {
  const byName = cache.get(code)
  const hit = byName?.get(fileName)
  if (hit) return hit
  const compiled = make()
  if (byName) byName.set(fileName, compiled)
  else {
    if (cache.size >= limit) cache.clear()
    cache.set(code, new Map([[fileName, compiled]]))
  }
  return compiled
}

/** Compiles (once per file name and source) an action's code into a module factory, with statement marks when stepping. */
export function compileAction(code: string, fileName: string, steps = false): Compiled {
  return cached(steps ? steppingCache : compiledCache, 500, code, fileName, () => compile(code, fileName, steps))
}

/** Compiles (once per path and source) a file of an npm package. */
export function compileModule(code: string, fileName: string, kind: 'commonjs' | 'esm'): Compiled {
  return cached(kind === 'esm' ? esmCache : packageCache, 5000, code, fileName, () => compilePackageFile(code, fileName, kind))
}

/**
 * The wrapper's globals; a package's wrapper also takes Node's `navigator` (and leaves the browser-only names
 * undefined), where a stepping action's takes its step marker.
 */
function globalsOf(scope: ModuleScope, compiled: CompiledModule): unknown[] {
  return [scope.console, scope.fetch, scope.Date, scope.Math, scope.crypto, scope.process, scope.Buffer, scope.setImmediate, scope.clearImmediate, globalThis, scope.markCallSite, compiled.statements ? scope.markStep : NODE_NAVIGATOR]
}

/** What Node's wrapper is called with, besides `exports`: the module object (`module.exports` is what it makes). */
export interface ModuleRecord {
  exports: unknown
  filename?: string
  path?: string
  require?: (name: string) => unknown
}

/**
 * Runs a CommonJS module's top level (`this` is its `exports`, as in Node) and returns its `module.exports`. A package's
 * module also gets what its `import()` calls answer with.
 */
export function instantiate(compiled: CompiledModule, scope: ModuleScope, module: ModuleRecord = { exports: {} }, dynamicImport?: (specifier: unknown) => Promise<unknown>): Record<string, unknown> {
  const wrapper = compiled.factory(...globalsOf(scope, compiled))
  const filename = module.filename ?? `/${compiled.fileName}`
  wrapper.call(module.exports, module.exports, module.require ?? scope.require, module, filename, module.path ?? (filename.slice(0, filename.lastIndexOf('/')) || '/'), dynamicImport)
  return module.exports as Record<string, unknown>
}

/** Runs an ES module's body; `hook` is what its prologue and its imports reach (see packages/loader.ts). */
export function evaluateEsm(compiled: CompiledModule, scope: ModuleScope, hook: object): void {
  compiled.factory(...globalsOf(scope, compiled)).call(undefined, hook)
}

function inAction(line: number, column: number) {
  return { line, column: line === 1 ? column - PREFIX.length : column }
}

/** Line and column in the action's own source of the first stack frame inside `fileName`. */
export function locate(stack: string | undefined, fileName: string): { line: number; column: number } | undefined {
  if (!stack) return undefined
  const at = stack.indexOf(`${fileName}:`)
  if (at < 0) return undefined
  const match = /^:(\d+):(\d+)/.exec(stack.slice(at + fileName.length))
  return match ? inAction(Number(match[1]), Number(match[2])) : undefined
}

interface CallSite {
  getScriptNameOrSourceURL?(): string | null
  getFileName(): string | null
  getLineNumber(): number | null
  getColumnNumber(): number | null
}

type V8ErrorConstructor = ErrorConstructor & {
  captureStackTrace?(target: object, constructorOpt?: Function): void
  prepareStackTrace?: (error: Error, sites: CallSite[]) => unknown
}

/**
 * Where the action called us from. On V8 (Chromium, Node) the structured call sites are read directly:
 * formatting a stack as text costs far more, and this runs on every api call.
 */
export function callerLocation(fileName: string, below: Function = callerLocation): { line: number; column: number } | undefined {
  const V8Error = Error as V8ErrorConstructor
  if (!V8Error.captureStackTrace) return locate(new Error().stack, fileName)
  const original = V8Error.prepareStackTrace
  const limit = Error.stackTraceLimit
  V8Error.prepareStackTrace = (_error, sites) => sites
  // Frames are collected from below `below` (the function the action called), so the action's frame is
  // among the first few; collecting few frames keeps this cheap on every api call.
  Error.stackTraceLimit = 4
  const holder: { stack?: CallSite[] } = {}
  try {
    V8Error.captureStackTrace(holder, below)
    for (const site of holder.stack ?? []) {
      if ((site.getScriptNameOrSourceURL?.() ?? site.getFileName()) === fileName) {
        return inAction(site.getLineNumber() ?? 0, site.getColumnNumber() ?? 0)
      }
    }
    return undefined
  } finally {
    V8Error.prepareStackTrace = original
    Error.stackTraceLimit = limit
  }
}

/** Auth0's loader accepts only an `async function` as a handler (the `@auth0/actions` runtime's message). */
export function checkHandler(exports: Record<string, unknown>, name: string): ((...args: unknown[]) => Promise<unknown>) | Error {
  const handler = exports[name]
  if (typeof handler === 'function' && handler.constructor?.name === 'AsyncFunction') {
    return handler as (...args: unknown[]) => Promise<unknown>
  }
  return new Error(`Invalid function signature for the "${name}" handler. Use "exports.${name} = async function(event, api) { }" as the signature.`)
}

/** A thrown value as an action error, with its place in the action's source when the stack has one. */
export function toActionError(error: unknown, compiled: Extract<Compiled, { ok: true }>): ActionError {
  if (error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)) {
    const err = error as Error
    const where = locate(err.stack, compiled.fileName)
    const place = where ? { line: where.line, column: originalColumn(compiled.insertions, where.line, where.column) } : {}
    return { name: err.name || 'Error', message: String(err.message), ...place }
  }
  return { name: 'Error', message: String(error) }
}
