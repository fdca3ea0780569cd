/**
 * Layer 2 of the CLI's sandbox (see `sandboxHost.ts`), run first in the sandbox process: its own network
 * entry points, signals and exit throw from then on, for code that would have escaped its `vm` context.
 * Node 20's permission model already refuses files, children, workers, addons, the inspector and WASI, but
 * has no network permission. Every TCP connection (net, tls, http, https, http2, fetch) goes through
 * `net.Socket.prototype.connect`; the others are blocked too for a clear message.
 */
import dgram from 'node:dgram'
import dns from 'node:dns'
import http from 'node:http'
import http2 from 'node:http2'
import https from 'node:https'
import { syncBuiltinESMExports } from 'node:module'
import net from 'node:net'
import tls from 'node:tls'

const ownFunctions = (target: object) =>
  Object.getOwnPropertyNames(target).filter((name) => name !== 'constructor' && typeof (target as Record<string, unknown>)[name] === 'function')

const NETWORK: [string, object, string[]][] = [
  ['net', net, ['connect', 'createConnection', 'createServer']],
  ['net.Socket.prototype', net.Socket.prototype, ['connect']],
  ['net.Server.prototype', net.Server.prototype, ['listen']],
  ['tls', tls, ['connect', 'createServer']],
  ['dgram', dgram, ['createSocket']],
  ['dgram.Socket.prototype', dgram.Socket.prototype, ['bind', 'connect', 'send']],
  ['http', http, ['request', 'get', 'createServer']],
  ['https', https, ['request', 'get', 'createServer']],
  ['http2', http2, ['connect', 'createServer', 'createSecureServer']],
  ['dns', dns, ownFunctions(dns).filter((name) => name !== 'Resolver')],
  ['dns.promises', dns.promises, ownFunctions(dns.promises).filter((name) => name !== 'Resolver')],
  ['dns.Resolver.prototype', dns.Resolver.prototype, ownFunctions(dns.Resolver.prototype)],
  ['dns.promises.Resolver.prototype', dns.promises.Resolver.prototype, ownFunctions(dns.promises.Resolver.prototype)],
]
/** Signals (to any process: the CLI's too), exit, and the ways to native code and Node's modules. */
const PROCESS = ['kill', '_kill', 'exit', 'reallyExit', 'abort', '_debugProcess', '_debugEnd', 'dlopen', 'binding', '_linkedBinding', 'getBuiltinModule']
const GLOBALS = ['fetch', 'WebSocket', 'EventSource']

function refuse(target: object, name: string, label: string, why: string) {
  const blocked = () => { throw new Error(`${label} is not available in the Actions Playground's sandbox process: ${why}.`) }
  Object.defineProperty(target, name, { value: blocked, writable: false, configurable: false, enumerable: false })
}

/** Returns the real `process.reallyExit`, which the sandbox process still needs when the CLI goes away. */
export function lockDown(): { exit: (code: number) => never } {
  const real = process as unknown as { reallyExit(code: number): never }
  const reallyExit = real.reallyExit.bind(process)
  for (const [owner, target, names] of NETWORK) {
    for (const name of names) refuse(target, name, `${owner}.${name}`, 'it has no network')
  }
  for (const name of PROCESS) refuse(process, name, `process.${name}`, 'it cannot signal, exit or load modules')
  for (const name of GLOBALS) delete (globalThis as Record<string, unknown>)[name]
  syncBuiltinESMExports()
  return { exit: reallyExit }
}
