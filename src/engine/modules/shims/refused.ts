/**
 * Node's modules for what an action cannot do here (files, processes, threads, sockets, native code): they can be
 * required, as packages require them at load time for paths they may never take, but each of their functions
 * throws a clear error when called, and their classes when constructed.
 */

export class UnavailableError extends Error {
  readonly code = 'ERR_ACTIONS_PLAYGROUND_UNAVAILABLE'
  constructor(what: string, why: string) {
    super(`${what} is not available in the Actions Playground: ${why}.`)
    this.name = 'Error'
  }
}

/** A function that throws, named as Node's (so stack traces and messages show `fs.readFileSync`). */
export function refusedFunction(what: string, why: string): (...args: unknown[]) => never {
  const refuse = () => { throw new UnavailableError(`${what}()`, why) }
  Object.defineProperty(refuse, 'name', { value: what.slice(what.lastIndexOf('.') + 1) })
  return refuse
}

/** A class whose constructor throws. */
export function refusedClass(what: string, why: string): new (...args: unknown[]) => never {
  const Refused = class { constructor() { throw new UnavailableError(`new ${what}()`, why) } }
  Object.defineProperty(Refused, 'name', { value: what.slice(what.lastIndexOf('.') + 1) })
  return Refused as unknown as new (...args: unknown[]) => never
}

/** A module object: each function name throws, each class name refuses construction; `values` are kept as they are. */
export function refusedModule(name: string, why: string, functions: string[], classes: string[] = [], values: Record<string, unknown> = {}): Record<string, unknown> {
  const module: Record<string, unknown> = { ...values }
  for (const fn of functions) module[fn] = refusedFunction(`${name}.${fn}`, why)
  for (const cls of classes) module[cls] = refusedClass(`${name}.${cls}`, why)
  return module
}

const FILES = 'actions have no file system; the playground runs an action with its event, its secrets and the flow\'s mocks only'
const FS_FUNCTIONS = [
  'access', 'appendFile', 'chmod', 'chown', 'close', 'copyFile', 'cp', 'createReadStream', 'createWriteStream', 'exists',
  'fchmod', 'fchown', 'fdatasync', 'fstat', 'fsync', 'ftruncate', 'futimes', 'glob', 'lchown', 'link', 'lstat', 'lutimes', 'mkdir',
  'mkdtemp', 'open', 'openAsBlob', 'opendir', 'read', 'readFile', 'readdir', 'readlink', 'readv', 'realpath', 'rename', 'rm',
  'rmdir', 'stat', 'statfs', 'symlink', 'truncate', 'unlink', 'unwatchFile', 'utimes', 'watch', 'watchFile', 'write',
  'writeFile', 'writev',
]
const FS_SYNC = FS_FUNCTIONS.filter((fn) => !['createReadStream', 'createWriteStream', 'openAsBlob', 'unwatchFile', 'watch', 'watchFile'].includes(fn)).map((fn) => `${fn}Sync`)
const FS_PROMISES = ['access', 'appendFile', 'chmod', 'chown', 'copyFile', 'cp', 'glob', 'lchown', 'link', 'lstat', 'lutimes', 'mkdir', 'mkdtemp', 'open',
  'opendir', 'readFile', 'readdir', 'readlink', 'realpath', 'rename', 'rm', 'rmdir', 'stat', 'statfs', 'symlink', 'truncate', 'unlink', 'utimes', 'watch', 'writeFile']

const FS_CONSTANTS = { F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1, O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2, O_CREAT: 64, O_EXCL: 128, O_TRUNC: 512, O_APPEND: 1024, S_IFMT: 61440, S_IFREG: 32768, S_IFDIR: 16384, S_IFLNK: 40960, COPYFILE_EXCL: 1 }

function fsPromises(): Record<string, unknown> {
  const module: Record<string, unknown> = { constants: FS_CONSTANTS }
  for (const fn of FS_PROMISES) {
    const refuse = refusedFunction(`fs.promises.${fn}`, FILES)
    module[fn] = async (...args: unknown[]) => refuse(...args)
  }
  return module
}

export function createFs(): Record<string, unknown> {
  const promises = fsPromises()
  const fs = refusedModule('fs', FILES, [...FS_FUNCTIONS, ...FS_SYNC], ['ReadStream', 'WriteStream', 'Stats', 'Dirent', 'Dir'], { constants: FS_CONSTANTS, promises })
  ;(fs.realpathSync as Record<string, unknown>).native = refusedFunction('fs.realpathSync.native', FILES)
  ;(fs.realpath as Record<string, unknown>).native = refusedFunction('fs.realpath.native', FILES)
  return Object.assign(fs, { F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1 })
}

export { fsPromises }

/** The modules an action can require but not use; `module`, `console` and `process` are the engine's own. */
export function refusedModules(): Record<string, () => unknown> {
  const PROCESSES = 'actions cannot start processes'
  const THREADS = 'actions run on one thread'
  const SOCKETS = 'actions reach the network only through HTTP, answered from the flow\'s HTTP mocks'
  const CODE = 'actions run only their own code and their packages\''
  return {
    child_process: () => refusedModule('child_process', PROCESSES, ['exec', 'execFile', 'execFileSync', 'execSync', 'fork', 'spawn', 'spawnSync'], ['ChildProcess']),
    cluster: () => refusedModule('cluster', PROCESSES, ['fork', 'setupMaster', 'setupPrimary', 'disconnect'], [], { isMaster: true, isPrimary: true, isWorker: false, workers: {}, settings: {} }),
    worker_threads: () => refusedModule('worker_threads', THREADS, ['receiveMessageOnPort', 'markAsUntransferable', 'moveMessagePortToContext', 'getEnvironmentData', 'setEnvironmentData'], ['Worker', 'BroadcastChannel'],
      { isMainThread: true, parentPort: null, workerData: null, threadId: 0, resourceLimits: {}, SHARE_ENV: Symbol('nodejs.worker_threads.SHARE_ENV') }),
    vm: () => refusedModule('vm', CODE, ['createContext', 'isContext', 'runInContext', 'runInNewContext', 'runInThisContext', 'compileFunction', 'measureMemory', 'createScript'], ['Script', 'Module', 'SourceTextModule', 'SyntheticModule']),
    dgram: () => refusedModule('dgram', SOCKETS, ['createSocket'], ['Socket']),
    http2: () => refusedModule('http2', SOCKETS, ['connect', 'createServer', 'createSecureServer', 'getDefaultSettings', 'getPackedSettings', 'getUnpackedSettings'], [], { constants: {}, sensitiveHeaders: Symbol('nodejs.http2.sensitiveHeaders') }),
    inspector: () => refusedModule('inspector', CODE, ['open', 'close', 'url', 'waitForDebugger'], ['Session'], { console: {} }),
    'inspector/promises': () => refusedModule('inspector', CODE, ['open', 'close', 'url', 'waitForDebugger'], ['Session']),
    repl: () => refusedModule('repl', PROCESSES, ['start'], ['REPLServer']),
    readline: () => refusedModule('readline', PROCESSES, ['createInterface', 'clearLine', 'clearScreenDown', 'cursorTo', 'moveCursor', 'emitKeypressEvents'], ['Interface']),
    'readline/promises': () => refusedModule('readline', PROCESSES, ['createInterface'], ['Interface', 'Readline']),
    trace_events: () => refusedModule('trace_events', CODE, ['createTracing', 'getEnabledCategories']),
    wasi: () => refusedModule('wasi', CODE, [], ['WASI']),
    v8: () => refusedModule('v8', CODE, ['getHeapStatistics', 'getHeapSpaceStatistics', 'getHeapSnapshot', 'writeHeapSnapshot', 'setFlagsFromString', 'serialize', 'deserialize', 'takeCoverage', 'stopCoverage'], ['Serializer', 'Deserializer'], { cachedDataVersionTag: () => 0 }),
    sea: () => refusedModule('sea', CODE, ['getAsset', 'getAssetAsBlob', 'getRawAsset'], [], { isSea: () => false }),
    sqlite: () => refusedModule('sqlite', FILES, [], ['DatabaseSync', 'StatementSync']),
    test: () => refusedModule('test', CODE, ['test', 'describe', 'it', 'before', 'after', 'beforeEach', 'afterEach', 'run', 'mock']),
    'test/reporters': () => ({}),
  }
}
