/**
 * Node's built-in modules beyond the ones the engine carries (registry.ts `ENGINE_BUILTINS`), for npm packages:
 * `events`, `stream`, `string_decoder` and `path` are the npm ports browserify made of Node's own code; `assert`,
 * `zlib`, `http`/`https`, `os`, `timers` and the rest are small modules of the playground (their files say why).
 *
 * This is a library of its own (runtime/libraries.ts `nodeShims`): a run gets it, built into one CommonJS file, only
 * when its actions have packages or require one of these modules, so the engine stays as small as it was. The
 * bundle's `buffer` and `util` are the engine's (`require` of the bundle's wrapper), and so are the `process` and
 * `global` its npm code reads.
 */
import { Buffer } from 'buffer'
import EventEmitter from 'events/events.js'
import pathPosix from 'path-browserify'
import Stream from 'stream-browserify'
import { StringDecoder } from 'string_decoder/lib/string_decoder.js'
import { promisify } from 'util'
import { createAssertModule } from './assert.ts'
import { createHttp } from './http.ts'
import { createFs, fsPromises, refusedModules } from './refused.ts'
import { createAsyncHooks, createDiagnosticsChannel, createDns, createDomain, createNet, createOs, createPerfHooks, createTimers, createTls, createTty } from './system.ts'
import { createZlib } from './zlib.ts'

export { createSubtle } from './subtle.ts'

export interface NodeShimHost {
  /** The running action's `fetch`, answered from the flow's HTTP mocks: what `http.request` sends through. */
  fetch: typeof globalThis.fetch
  setImmediate: (callback: (...args: unknown[]) => void, ...args: unknown[]) => unknown
  clearImmediate: (handle: unknown) => void
}

/** A module by its name (no `node:`), or undefined for a name this library does not have. */
export type NodeShims = (name: string) => unknown

type Readable = InstanceType<typeof Stream.Readable>

async function collect(stream: AsyncIterable<unknown>): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = []
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk as Uint8Array)
  return chunks
}

/**
 * `Readable.from` as Node's (readable-stream's browser entry, the one bundled, has one that throws): reads the
 * iterable one item at a time, as the stream asks for more.
 */
function readableFrom(iterable: unknown, options?: Record<string, unknown>): Readable {
  if (typeof iterable === 'string' || iterable instanceof Uint8Array) {
    return new Stream.Readable({ objectMode: true, ...options, read() { this.push(iterable); this.push(null) } })
  }
  const source = iterable as Partial<AsyncIterable<unknown> & Iterable<unknown>> | null
  const asyncIterator = source?.[Symbol.asyncIterator]
  const syncIterator = source?.[Symbol.iterator]
  if (!asyncIterator && !syncIterator) {
    throw Object.assign(new TypeError('The "iterable" argument must be an instance of Iterable.'), { code: 'ERR_INVALID_ARG_TYPE' })
  }
  const iterator = (asyncIterator ? asyncIterator.call(source) : syncIterator!.call(source)) as AsyncIterator<unknown> | Iterator<unknown>
  let reading = false
  const readable: Readable = new Stream.Readable({
    objectMode: true, highWaterMark: 1, ...options,
    read() {
      if (reading) return
      reading = true
      void next()
    },
    destroy(error, callback) {
      Promise.resolve(iterator.return?.()).then(() => callback(error), callback)
    },
  })
  async function next() {
    for (;;) {
      try {
        const { value, done } = await iterator.next()
        if (done) return void readable.push(null)
        if (!readable.push(await value)) return void (reading = false)
      } catch (error) {
        return void readable.destroy(error as Error)
      }
    }
  }
  return readable
}

function createStreamModules() {
  const stream = Stream as unknown as Record<string, unknown>
  ;(Stream.Readable as unknown as Record<string, unknown>).from = readableFrom
  const promises = {
    pipeline: promisify(Stream.pipeline as (...args: unknown[]) => void),
    finished: promisify(Stream.finished as (...args: unknown[]) => void),
  }
  stream.promises = promises
  stream.isReadable = (value: Readable | undefined) => Boolean(value?.readable)
  stream.isErrored = (value: Readable | undefined) => Boolean(value?.destroyed)
  const consumers = {
    arrayBuffer: async (source: AsyncIterable<unknown>) => { const bytes = Buffer.concat(await collect(source)); return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
    buffer: async (source: AsyncIterable<unknown>) => Buffer.concat(await collect(source)),
    text: async (source: AsyncIterable<unknown>) => new TextDecoder().decode(Buffer.concat(await collect(source))),
    json: async (source: AsyncIterable<unknown>) => JSON.parse(await consumers.text(source)),
  }
  const web: Record<string, unknown> = {}
  for (const name of ['ReadableStream', 'ReadableStreamDefaultReader', 'ReadableByteStreamController', 'WritableStream', 'WritableStreamDefaultWriter', 'TransformStream',
    'ByteLengthQueuingStrategy', 'CountQueuingStrategy', 'TextEncoderStream', 'TextDecoderStream', 'CompressionStream', 'DecompressionStream']) {
    web[name] = (globalThis as Record<string, unknown>)[name]
  }
  return { stream, promises, consumers, web }
}

/** The Node modules of this library for one running action; each is made on first require. */
export function createNodeShims(host: NodeShimHost): NodeShims {
  const made = new Map<string, unknown>()
  const streams = () => (made.get('#streams') as ReturnType<typeof createStreamModules>) ?? remember('#streams', createStreamModules())
  const remember = <T>(name: string, value: T): T => { made.set(name, value); return value }
  const path = () => {
    const module = pathPosix as unknown as Record<string, unknown>
    // The playground runs on Linux, as Auth0 does: win32 paths are posix ones here.
    module.posix = module
    module.win32 = module
    return module
  }
  const factories: Record<string, () => unknown> = {
    events: () => {
      const events = EventEmitter as unknown as Record<string, unknown>
      events.errorMonitor ??= Symbol('events.errorMonitor')
      events.captureRejectionSymbol ??= Symbol.for('nodejs.rejection')
      events.getEventListeners ??= (emitter: { listeners: (name: string) => unknown[] }, name: string) => emitter.listeners(name)
      events.setMaxListeners ??= () => {}
      return events
    },
    stream: () => streams().stream,
    'stream/promises': () => streams().promises,
    'stream/consumers': () => streams().consumers,
    'stream/web': () => streams().web,
    string_decoder: () => ({ StringDecoder }),
    path,
    'path/posix': path,
    'path/win32': path,
    assert: () => createAssertModule(),
    'assert/strict': () => (factory('assert') as Record<string, unknown>).strict,
    zlib: () => createZlib((callback) => host.setImmediate(callback)),
    http: () => createHttp('http:', host.fetch),
    https: () => createHttp('https:', host.fetch),
    net: createNet,
    tls: createTls,
    dns: createDns,
    'dns/promises': () => (factory('dns') as Record<string, unknown>).promises,
    os: createOs,
    tty: createTty,
    timers: () => createTimers(host),
    'timers/promises': () => (factory('timers') as Record<string, unknown>).promises,
    perf_hooks: createPerfHooks,
    async_hooks: createAsyncHooks,
    diagnostics_channel: createDiagnosticsChannel,
    domain: createDomain,
    constants: () => ({ ...(createOs().constants as Record<string, unknown>).signals as object }),
    fs: createFs,
    'fs/promises': fsPromises,
    ...refusedModules(),
  }
  function factory(name: string): unknown {
    if (made.has(name)) return made.get(name)
    const make = Object.hasOwn(factories, name) ? factories[name] : undefined
    return make ? remember(name, make()) : undefined
  }
  return factory
}
