/**
 * The names `require` knows without looking at files: Node's built-in modules (also as `node:crypto` and so on), and
 * axios, which the playground has always provided without a declared dependency. Everything else is an npm package an
 * action declares (packages/loader.ts).
 */

/** Node 22's built-in modules, as `require` takes them (Node's internal `_stream_*` and `_http_*` aliases left out). */
export const NODE_BUILTINS: readonly string[] = [
  'assert', 'assert/strict', 'async_hooks', 'buffer', 'child_process', 'cluster', 'console', 'constants', 'crypto',
  'dgram', 'diagnostics_channel', 'dns', 'dns/promises', 'domain', 'events', 'fs', 'fs/promises', 'http', 'http2', 'https',
  'inspector', 'inspector/promises', 'module', 'net', 'os', 'path', 'path/posix', 'path/win32', 'perf_hooks', 'process',
  'querystring', 'readline', 'readline/promises', 'repl', 'stream', 'stream/consumers', 'stream/promises', 'stream/web',
  'string_decoder', 'sys', 'timers', 'timers/promises', 'tls', 'trace_events', 'tty', 'url', 'util', 'util/types', 'v8',
  'vm', 'wasi', 'worker_threads', 'zlib',
]
/** Built-ins Node knows only with the `node:` prefix. */
const PREFIXED_ONLY = ['sea', 'sqlite', 'test', 'test/reporters']

/** The built-ins the engine carries; the others come with the Node shims a run loads when it needs them (modules/shims). */
export const ENGINE_BUILTINS: readonly string[] = ['buffer', 'console', 'crypto', 'module', 'process', 'querystring', 'url', 'util', 'util/types', 'sys']

/** The npm packages the playground provides without a declared dependency (modules/packages.ts has their versions). */
export const PLAYGROUND_PACKAGE_MODULES: readonly string[] = ['axios']

/** Every module action code can require without declaring a dependency. */
export const PLAYGROUND_MODULES: readonly string[] = [...PLAYGROUND_PACKAGE_MODULES, ...NODE_BUILTINS]

const BUILTINS = new Set(NODE_BUILTINS)

/** The built-in a request names (`node:fs` and `fs` → `fs`), or null when it names none. */
export function builtinName(request: string): string | null {
  if (request.startsWith('node:')) {
    const name = request.slice(5)
    return BUILTINS.has(name) || PREFIXED_ONLY.includes(name) ? name : null
  }
  return BUILTINS.has(request) ? request : null
}

/** Whether a request names a module the playground provides (a Node built-in or axios): no dependency needed. */
export function isPlaygroundModule(request: string): boolean {
  return builtinName(request) !== null || PLAYGROUND_PACKAGE_MODULES.includes(request)
}

/** Node's error for a module that cannot be found. */
export function moduleError(message: string, requireStack?: string[]): Error {
  return Object.assign(new Error(message), { code: 'MODULE_NOT_FOUND', ...(requireStack ? { requireStack } : {}) })
}
