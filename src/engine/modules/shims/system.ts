/**
 * Small Node modules real packages read at load time: `os` (a fixed, modest machine), `tty` (no terminal),
 * `timers`, `perf_hooks`, `async_hooks`, `diagnostics_channel`, `domain`, and the socket modules `net`, `tls` and
 * `dns`, whose helpers work but whose connections and lookups are refused: HTTP goes through `http`/`https` and the
 * flow's HTTP mocks.
 */
import { EventEmitter } from 'events/events.js'
import { refusedClass, refusedFunction, refusedModule } from './refused.ts'

type Callback = (...args: unknown[]) => void

export interface TimerHost {
  setImmediate: (callback: Callback, ...args: unknown[]) => unknown
  clearImmediate: (handle: unknown) => void
}

const SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15 }

export function createOs(): Record<string, unknown> {
  return {
    EOL: '\n', devNull: '/dev/null', constants: { signals: SIGNALS, errno: {}, priority: {} },
    arch: () => 'x64', machine: () => 'x86_64', platform: () => 'linux', type: () => 'Linux', release: () => '6.0.0', version: () => '#1 SMP',
    hostname: () => 'actions-playground', homedir: () => '/home/node', tmpdir: () => '/tmp', endianness: () => 'LE',
    cpus: () => [], availableParallelism: () => 1, loadavg: () => [0, 0, 0], uptime: () => 0,
    totalmem: () => 256 * 1024 * 1024, freemem: () => 128 * 1024 * 1024,
    networkInterfaces: () => ({}),
    userInfo: () => ({ uid: 1000, gid: 1000, username: 'node', homedir: '/home/node', shell: null }),
    getPriority: () => 0, setPriority: refusedFunction('os.setPriority', 'actions cannot change processes'),
  }
}

export function createTty(): Record<string, unknown> {
  const why = 'actions have no terminal'
  return { isatty: () => false, ReadStream: refusedClass('tty.ReadStream', why), WriteStream: refusedClass('tty.WriteStream', why) }
}

export function createTimers(host: TimerHost): Record<string, unknown> {
  const later = (ms: unknown, value: unknown) => new Promise((resolve) => setTimeout(resolve, Number(ms) || 0, value))
  const promises = {
    setTimeout: later,
    setImmediate: (value: unknown) => new Promise((resolve) => host.setImmediate(resolve, value)),
    async *setInterval(ms: unknown, value: unknown) { for (;;) yield await later(ms, value) },
    scheduler: { wait: (ms: unknown) => later(ms, undefined), yield: () => new Promise((resolve) => host.setImmediate(resolve)) },
  }
  return {
    setTimeout, clearTimeout, setInterval, clearInterval, setImmediate: host.setImmediate, clearImmediate: host.clearImmediate, promises,
  }
}

/** `AsyncLocalStorage` keeps its store for the synchronous part of `run` only: JavaScript has no async context to follow. */
class AsyncLocalStorage<T> {
  #store: T | undefined
  getStore() { return this.#store }
  run<R>(store: T, callback: (...args: unknown[]) => R, ...args: unknown[]): R {
    const previous = this.#store
    this.#store = store
    try { return callback(...args) } finally { this.#store = previous }
  }
  exit<R>(callback: (...args: unknown[]) => R, ...args: unknown[]): R {
    const previous = this.#store
    this.#store = undefined
    try { return callback(...args) } finally { this.#store = previous }
  }
  enterWith(store: T) { this.#store = store }
  disable() { this.#store = undefined }
  static bind<F>(fn: F) { return fn }
  static snapshot() { return <R>(fn: (...args: unknown[]) => R, ...args: unknown[]) => fn(...args) }
}

class AsyncResource {
  constructor(readonly type: string) {}
  runInAsyncScope<R>(fn: (...args: unknown[]) => R, thisArg?: unknown, ...args: unknown[]): R { return fn.apply(thisArg, args) }
  bind<F>(fn: F) { return fn }
  emitDestroy() { return this }
  asyncId() { return 1 }
  triggerAsyncId() { return 0 }
  static bind<F>(fn: F) { return fn }
}

export function createAsyncHooks(): Record<string, unknown> {
  return {
    AsyncLocalStorage, AsyncResource,
    createHook: () => ({ enable() { return this }, disable() { return this } }),
    executionAsyncId: () => 1, triggerAsyncId: () => 0, executionAsyncResource: () => ({}),
  }
}

export function createPerfHooks(): Record<string, unknown> {
  return {
    performance: globalThis.performance,
    PerformanceObserver: refusedClass('perf_hooks.PerformanceObserver', 'the playground records no performance entries'),
    monitorEventLoopDelay: refusedFunction('perf_hooks.monitorEventLoopDelay', 'the playground has no event loop statistics'),
    constants: {},
  }
}

/** Named channels whose subscribers hear what is published (undici and others publish as they work). */
export function createDiagnosticsChannel(): Record<string, unknown> {
  const channels = new Map<string | symbol, { name: string | symbol; subscribers: Callback[] }>()
  const channel = (name: string | symbol) => {
    let found = channels.get(name)
    if (!found) {
      const subscribers: Callback[] = []
      found = {
        name, subscribers,
        get hasSubscribers() { return subscribers.length > 0 },
        publish(message: unknown) { for (const subscriber of [...subscribers]) subscriber(message, name) },
        subscribe(subscriber: Callback) { subscribers.push(subscriber) },
        unsubscribe(subscriber: Callback) { const at = subscribers.indexOf(subscriber); if (at >= 0) subscribers.splice(at, 1); return at >= 0 },
        bindStore() {}, unbindStore() {},
        runStores(_data: unknown, fn: Callback, thisArg?: unknown, ...args: unknown[]) { return fn.apply(thisArg, args) },
      } as { name: string | symbol; subscribers: Callback[] }
      channels.set(name, found)
    }
    return found
  }
  const tracingChannel = (name: string) => {
    const [start, end, asyncStart, asyncEnd, error] = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'].map((event) => channel(`tracing:${name}:${event}`))
    return {
      start, end, asyncStart, asyncEnd, error, hasSubscribers: false,
      subscribe() {}, unsubscribe() {},
      traceSync: (fn: Callback, _context?: unknown, thisArg?: unknown, ...args: unknown[]) => fn.apply(thisArg, args),
      tracePromise: (fn: Callback, _context?: unknown, thisArg?: unknown, ...args: unknown[]) => fn.apply(thisArg, args),
      traceCallback: (fn: Callback, _position?: unknown, _context?: unknown, thisArg?: unknown, ...args: unknown[]) => fn.apply(thisArg, args),
    }
  }
  return {
    channel, tracingChannel, hasSubscribers: (name: string | symbol) => (channels.get(name)?.subscribers.length ?? 0) > 0,
    subscribe: (name: string | symbol, subscriber: Callback) => (channel(name) as unknown as { subscribe: (s: Callback) => void }).subscribe(subscriber),
    unsubscribe: (name: string | symbol, subscriber: Callback) => (channel(name) as unknown as { unsubscribe: (s: Callback) => boolean }).unsubscribe(subscriber),
    Channel: Object,
  }
}

export function createDomain(): Record<string, unknown> {
  class Domain extends EventEmitter {
    members: unknown[] = []
    run<R>(fn: (...args: unknown[]) => R, ...args: unknown[]): R { return fn(...args) }
    add(member: unknown) { this.members.push(member) }
    remove(member: unknown) { this.members = this.members.filter((item) => item !== member) }
    bind<F>(fn: F) { return fn }
    intercept<F>(fn: F) { return fn }
    enter() {}
    exit() {}
    dispose() {}
  }
  return { Domain, create: () => new Domain(), createDomain: () => new Domain(), active: null }
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/

function isIPv4(input: unknown): boolean {
  return typeof input === 'string' && IPV4.test(input)
}

function isIPv6(input: unknown): boolean {
  if (typeof input !== 'string') return false
  const address = input.replace(/%[\w.-]+$/, '')
  let groups = address
  const lastColon = address.lastIndexOf(':')
  if (address.includes('.')) {
    if (!isIPv4(address.slice(lastColon + 1))) return false
    groups = `${address.slice(0, lastColon)}:0:0`
  }
  const halves = groups.split('::')
  if (halves.length > 2) return false
  const parts = halves.map((half) => (half ? half.split(':') : []))
  const count = parts.reduce((sum, part) => sum + part.length, 0)
  if (!parts.every((part) => part.every((group) => /^[\da-f]{1,4}$/i.test(group)))) return false
  return halves.length === 2 ? count < 8 : count === 8
}

const NETWORK = "actions reach the network only through fetch, axios, http and https, answered from the flow's HTTP mocks"

export function createNet(): Record<string, unknown> {
  class BlockList { addAddress() {} addRange() {} addSubnet() {} check() { return false } rules = [] }
  return {
    ...refusedModule('net', NETWORK, ['connect', 'createConnection', 'createServer'], ['Socket', 'Server', 'Stream']),
    isIP: (input: unknown) => (isIPv4(input) ? 4 : isIPv6(input) ? 6 : 0), isIPv4, isIPv6, BlockList,
    SocketAddress: class { constructor(readonly options: Record<string, unknown> = {}) {} },
    getDefaultAutoSelectFamily: () => true, setDefaultAutoSelectFamily: () => {},
  }
}

export function createTls(): Record<string, unknown> {
  return refusedModule('tls', NETWORK, ['connect', 'createServer', 'createSecureContext', 'createSecurePair', 'checkServerIdentity'], ['TLSSocket', 'Server', 'SecureContext'],
    { rootCertificates: [], DEFAULT_ECDH_CURVE: 'auto', DEFAULT_MIN_VERSION: 'TLSv1.2', DEFAULT_MAX_VERSION: 'TLSv1.3', getCiphers: () => [], CLIENT_RENEG_LIMIT: 3, CLIENT_RENEG_WINDOW: 600 })
}

const LOOKUPS = ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa', 'resolveCname', 'resolveMx', 'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTxt', 'reverse']

export function createDns(): Record<string, unknown> {
  const why = "actions make no DNS lookups here: the flow's HTTP mocks answer by URL"
  const refuse = (name: string) => {
    const fail = refusedFunction(`dns.${name}`, why)
    return (...args: unknown[]) => {
      const callback = args.at(-1)
      if (typeof callback !== 'function') return fail()
      try { fail() } catch (error) { queueMicrotask(() => (callback as Callback)(Object.assign(error as Error, { code: 'ENOTFOUND' }))) }
    }
  }
  const promises: Record<string, unknown> = {}
  for (const name of LOOKUPS) promises[name] = async () => refusedFunction(`dns.promises.${name}`, why)()
  const dns: Record<string, unknown> = { promises, getServers: () => [], setServers: () => {}, setDefaultResultOrder: () => {}, getDefaultResultOrder: () => 'verbatim', ADDRCONFIG: 1024, V4MAPPED: 2048, ALL: 256 }
  for (const name of LOOKUPS) dns[name] = refuse(name)
  dns.Resolver = refusedClass('dns.Resolver', why)
  return dns
}
