/**
 * Node's `process` as action code (and its packages) see it: no environment variables, a fixed platform and version,
 * and none of the ways out of an action (exit, signals, native code, Node's own modules): those throw and say why.
 * What is written to `process.stdout` and `process.stderr` (as Node's `debug` package logs) is console output.
 */
const REFUSED: Record<string, string> = {
  exit: 'an action ends when its handler returns or throws',
  reallyExit: 'an action ends when its handler returns or throws',
  abort: 'an action ends when its handler returns or throws',
  kill: 'actions cannot signal processes',
  getBuiltinModule: 'actions require() the modules the playground provides',
  binding: 'actions cannot reach Node\'s internals',
  _linkedBinding: 'actions cannot reach Node\'s internals',
  dlopen: 'actions cannot load native code',
  chdir: 'actions have no file system',
  setuid: 'actions cannot change processes',
  setgid: 'actions cannot change processes',
}

export type WriteOutput = (stream: 'stdout' | 'stderr', text: string) => void

function outputStream(name: 'stdout' | 'stderr', fd: number, write: WriteOutput) {
  return {
    fd, isTTY: false, writable: true, columns: 80, rows: 24,
    write(chunk: unknown, encoding?: unknown, callback?: unknown) {
      write(name, typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk as Uint8Array))
      const done = typeof encoding === 'function' ? encoding : callback
      if (typeof done === 'function') queueMicrotask(() => done())
      return true
    },
    end() {}, on() { return this }, once() { return this }, off() { return this }, removeListener() { return this }, emit() { return false },
    cork() {}, uncork() {}, getColorDepth: () => 1, hasColors: () => false,
  }
}

export function createProcess(write: WriteOutput = () => {}): Record<string, unknown> {
  const started = performance.now()
  const hrtime = (previous?: [number, number]) => {
    const ns = BigInt(Math.round(performance.now() * 1e6))
    const now: [number, number] = [Number(ns / 1_000_000_000n), Number(ns % 1_000_000_000n)]
    if (!previous) return now
    const diff = (now[0] - previous[0]) * 1e9 + now[1] - previous[1]
    return [Math.floor(diff / 1e9), diff % 1e9]
  }
  hrtime.bigint = () => BigInt(Math.round(performance.now() * 1e6))
  const process: Record<string, unknown> = {
    env: {}, platform: 'linux', version: 'v22.12.0', versions: { node: '22.12.0' }, cwd: () => '/',
    arch: 'x64', argv: ['/usr/local/bin/node'], argv0: 'node', execArgv: [], execPath: '/usr/local/bin/node', title: 'node', pid: 1, ppid: 0,
    release: { name: 'node' }, features: {}, config: { variables: {} }, exitCode: undefined,
    nextTick: (callback: (...args: unknown[]) => void, ...args: unknown[]) => queueMicrotask(() => callback(...args)),
    hrtime, uptime: () => (performance.now() - started) / 1000,
    memoryUsage: Object.assign(() => ({ rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 }), { rss: () => 0 }),
    cpuUsage: () => ({ user: 0, system: 0 }),
    umask: () => 0o22, getuid: () => 1000, getgid: () => 1000, geteuid: () => 1000, getegid: () => 1000,
    emitWarning: (warning: unknown, type?: unknown) => {
      const name = typeof type === 'string' ? type : (type as { type?: string })?.type ?? (warning as Error)?.name ?? 'Warning'
      write('stderr', `(node:1) ${warning instanceof Error ? `${warning.name}: ${warning.message}` : `${name}: ${String(warning)}`}\n`)
    },
    stdout: outputStream('stdout', 1, write),
    stderr: outputStream('stderr', 2, write),
  }
  // Listeners on the process (exit, uncaughtException, …) are accepted and never called: an action's process does not end.
  for (const name of ['on', 'once', 'off', 'addListener', 'removeListener', 'removeAllListeners', 'prependListener', 'prependOnceListener', 'setMaxListeners']) {
    process[name] = () => process
  }
  process.emit = () => false
  process.listeners = () => []
  process.listenerCount = () => 0
  for (const [name, why] of Object.entries(REFUSED)) {
    process[name] = () => { throw new Error(`process.${name}() is not available in the Actions Playground: ${why}.`) }
  }
  return process
}
