/**
 * Action code is CommonJS, as in Auth0. It is evaluated inside a same-line function wrapper with a
 * `sourceURL`, so stack frames carry the action's own file name and line numbers.
 */
import { parse } from 'acorn'
import { LINE_MARKER, markCallSites, originalColumn, type MarkedSource } from './callSites.ts'
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
  /** Told the line and callee name of each call just before it runs (see callSites.ts). */
  markCallSite: (line: number, name: string, value: unknown) => unknown
}

/**
 * Node's module wrapper takes only `exports, require, module, __filename, __dirname`; what the engine provides
 * for Node's globals (`console`, `crypto`, `Buffer`, …) comes from an enclosing function, so a module may declare
 * its own top-level `const crypto = require('crypto')` as it may on Node, where these are globals.
 */
const GLOBALS = ['console', 'fetch', 'Date', 'Math', 'crypto', 'process', 'Buffer', 'global', LINE_MARKER]
const WRAPPER = ['exports', 'require', 'module', '__filename', '__dirname']
const PREFIX = `(function (${GLOBALS.join(', ')}) { return function (${WRAPPER.join(', ')}) {`

type ModuleFactory = (...globals: unknown[]) => (this: unknown, ...wrapper: unknown[]) => void
export type Compiled =
  | { ok: true; factory: ModuleFactory; fileName: string; insertions: MarkedSource['insertions'] }
  | { ok: false; error: ActionError }

const compiledCache = new Map<string, Compiled>()

/** The file name an action's frames carry in stack traces. */
export function actionFileName(index: number, id: string): string {
  return `action-${index + 1}-${id.replace(/[^\w-]/g, '_')}.js`
}

function syntaxError(error: unknown): ActionError {
  const loc = (error as { loc?: { line: number; column: number } }).loc
  const message = error instanceof Error ? error.message.replace(/\s*\(\d+:\d+\)$/, '') : String(error)
  if (!loc) return { name: 'SyntaxError', message }
  return { name: 'SyntaxError', message: `${message} (line ${loc.line}, column ${loc.column + 1})`, line: loc.line, column: loc.column + 1 }
}

function compile(code: string, fileName: string): Compiled {
  let marked: MarkedSource
  try {
    const program = parse(code, { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true, allowHashBang: true, locations: true })
    marked = markCallSites(code, program)
  } catch (error) {
    return { ok: false, error: syntaxError(error) }
  }
  try {
    // Indirect eval runs in the global scope, so the code sees none of the engine's local variables.
    const factory = (0, eval)(`${PREFIX}${marked.code}\n} })\n//# sourceURL=${fileName}`) as ModuleFactory
    return { ok: true, factory, fileName, insertions: marked.insertions }
  } catch (error) {
    return { ok: false, error: syntaxError(error) }
  }
}

/** Compiles (once per file name and source) an action's code into a module factory. */
export function compileAction(code: string, fileName: string): Compiled {
  const key = `${fileName}\0${code}`
  let compiled = compiledCache.get(key)
  if (!compiled) {
    compiled = compile(code, fileName)
    if (compiledCache.size > 500) compiledCache.clear()
    compiledCache.set(key, compiled)
  }
  return compiled
}

/** Runs a module's top level and returns its `module.exports`. */
export function instantiate(compiled: Extract<Compiled, { ok: true }>, scope: ModuleScope): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> }
  const wrapper = compiled.factory(scope.console, scope.fetch, scope.Date, scope.Math, scope.crypto, scope.process, scope.Buffer, globalThis, scope.markCallSite)
  wrapper.call(module.exports, module.exports, scope.require, module, `/${compiled.fileName}`, '/')
  return module.exports
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
