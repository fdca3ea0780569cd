/**
 * Node's `zlib` for DEFLATE, zlib and gzip data, on fflate (already the app's zip library): the one-shot functions
 * (`deflateSync`, `gunzip`, …, callbacks called after the current job) and the stream classes (`createGzip`, …).
 * The bytes fflate writes can differ from zlib's own for the same input and level; they decompress to the same data.
 * Brotli is not available.
 */
import { Buffer } from 'buffer'
import * as fflate from 'fflate'
import Stream from 'stream-browserify'
import { refusedFunction } from './refused.ts'

type Bytes = Uint8Array
type Options = { level?: number; memLevel?: number; finishFlush?: number }
type Callback = (error: Error | null, result?: Buffer) => void
type Kind = 'deflate' | 'inflate' | 'deflateRaw' | 'inflateRaw' | 'gzip' | 'gunzip' | 'unzip'

const constants = {
  Z_NO_FLUSH: 0, Z_PARTIAL_FLUSH: 1, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3, Z_FINISH: 4, Z_BLOCK: 5,
  Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3, Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6,
  Z_NO_COMPRESSION: 0, Z_BEST_SPEED: 1, Z_BEST_COMPRESSION: 9, Z_DEFAULT_COMPRESSION: -1,
  Z_FILTERED: 1, Z_HUFFMAN_ONLY: 2, Z_RLE: 3, Z_FIXED: 4, Z_DEFAULT_STRATEGY: 0, ZLIB_VERNUM: 4865,
  DEFLATE: 1, INFLATE: 2, GZIP: 3, GUNZIP: 4, DEFLATERAW: 5, INFLATERAW: 6, UNZIP: 7,
  Z_MIN_WINDOWBITS: 8, Z_MAX_WINDOWBITS: 15, Z_DEFAULT_WINDOWBITS: 15, Z_MIN_CHUNK: 64, Z_MAX_CHUNK: Infinity, Z_DEFAULT_CHUNK: 16384,
  Z_MIN_MEMLEVEL: 1, Z_MAX_MEMLEVEL: 9, Z_DEFAULT_MEMLEVEL: 8, Z_MIN_LEVEL: -1, Z_MAX_LEVEL: 9, Z_DEFAULT_LEVEL: -1,
}

function bytesOf(input: unknown): Bytes {
  if (typeof input === 'string') return Buffer.from(input)
  if (input instanceof ArrayBuffer) return new Uint8Array(input)
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
  throw Object.assign(new TypeError('The "buffer" argument must be of type string or an instance of Buffer, TypedArray, DataView, or ArrayBuffer.'), { code: 'ERR_INVALID_ARG_TYPE' })
}

function level(options?: Options): fflate.DeflateOptions {
  const value = options?.level
  return value === undefined || value < 0 ? {} : { level: Math.min(9, value) as fflate.DeflateOptions['level'] }
}

/** zlib's errors for data it cannot read. */
function dataError(error: unknown): Error {
  const message = /invalid (zlib|gzip)|header/i.test(String((error as Error)?.message)) ? 'incorrect header check' : 'invalid stored block lengths'
  return Object.assign(new Error(message), { errno: -3, code: 'Z_DATA_ERROR' })
}

const ONE_SHOT: Record<Kind, (data: Bytes, options?: Options) => Bytes> = {
  deflate: (data, options) => fflate.zlibSync(data, level(options)),
  inflate: (data) => fflate.unzlibSync(data),
  deflateRaw: (data, options) => fflate.deflateSync(data, level(options)),
  inflateRaw: (data) => fflate.inflateSync(data),
  gzip: (data, options) => fflate.gzipSync(data, level(options)),
  gunzip: (data) => fflate.gunzipSync(data),
  unzip: (data) => fflate.decompressSync(data),
}
const COMPRESSING = new Set<Kind>(['deflate', 'deflateRaw', 'gzip'])

function run(kind: Kind, input: unknown, options?: Options): Buffer {
  const data = bytesOf(input)
  let out: Bytes
  try { out = ONE_SHOT[kind](data, options) } catch (error) {
    if (COMPRESSING.has(kind)) throw error
    throw dataError(error)
  }
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength)
}

type Streamer = { push(chunk: Bytes, final?: boolean): void; ondata: (data: Bytes, final: boolean) => void }
const STREAMERS: Record<Kind, (options?: Options) => Streamer> = {
  deflate: (options) => new fflate.Zlib(level(options)) as unknown as Streamer,
  inflate: () => new fflate.Unzlib() as unknown as Streamer,
  deflateRaw: (options) => new fflate.Deflate(level(options)) as unknown as Streamer,
  inflateRaw: () => new fflate.Inflate() as unknown as Streamer,
  gzip: (options) => new fflate.Gzip(level(options)) as unknown as Streamer,
  gunzip: () => new fflate.Gunzip() as unknown as Streamer,
  unzip: () => new fflate.Decompress() as unknown as Streamer,
}

const CLASS_NAMES: Record<Kind, string> = { deflate: 'Deflate', inflate: 'Inflate', deflateRaw: 'DeflateRaw', inflateRaw: 'InflateRaw', gzip: 'Gzip', gunzip: 'Gunzip', unzip: 'Unzip' }

function streamClass(kind: Kind) {
  class ZlibStream extends Stream.Transform {
    readonly bytesWritten = 0
    #streamer: Streamer
    constructor(options?: Options) {
      super()
      this.#streamer = STREAMERS[kind](options)
      this.#streamer.ondata = (data) => { if (data.length) this.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength)) }
    }
    _transform(chunk: unknown, _encoding: string, callback: (error?: Error | null) => void) {
      try {
        const bytes = bytesOf(chunk)
        ;(this as { bytesWritten: number }).bytesWritten += bytes.length
        this.#streamer.push(bytes, false)
        callback()
      } catch (error) { callback(COMPRESSING.has(kind) ? error as Error : dataError(error)) }
    }
    _flush(callback: (error?: Error | null) => void) {
      try { this.#streamer.push(new Uint8Array(0), true); callback() } catch (error) { callback(COMPRESSING.has(kind) ? error as Error : dataError(error)) }
    }
    flush(callback?: () => void) { if (callback) queueMicrotask(callback) }
    params(_level: number, _strategy: number, callback?: () => void) { if (callback) queueMicrotask(callback) }
    reset() {}
    close(callback?: () => void) { this.destroy(); if (callback) queueMicrotask(callback) }
  }
  Object.defineProperty(ZlibStream, 'name', { value: CLASS_NAMES[kind] })
  return ZlibStream
}

export function createZlib(setImmediate: (callback: () => void) => unknown): Record<string, unknown> {
  const zlib: Record<string, unknown> = { constants, ...constants, codes: { Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3, Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6 } }
  for (const kind of Object.keys(ONE_SHOT) as Kind[]) {
    const Class = streamClass(kind)
    const name = CLASS_NAMES[kind]
    zlib[name] = Class
    zlib[`create${name}`] = (options?: Options) => new Class(options)
    zlib[`${kind}Sync`] = (input: unknown, options?: Options) => run(kind, input, options)
    zlib[kind] = (input: unknown, options: Options | Callback, callback?: Callback) => {
      const done = (typeof options === 'function' ? options : callback) as Callback
      const settings = typeof options === 'function' ? undefined : options
      setImmediate(() => {
        let result: Buffer
        try { result = run(kind, input, settings) } catch (error) { return done(error as Error) }
        done(null, result)
      })
    }
  }
  const why = 'the playground\'s zlib has DEFLATE, zlib and gzip, not Brotli'
  for (const name of ['brotliCompress', 'brotliCompressSync', 'brotliDecompress', 'brotliDecompressSync', 'createBrotliCompress', 'createBrotliDecompress']) {
    zlib[name] = refusedFunction(`zlib.${name}`, why)
  }
  zlib.crc32 = (data: unknown, value = 0) => {
    let crc = ~value >>> 0
    for (const byte of bytesOf(data)) {
      crc ^= byte
      for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1))
    }
    return ~crc >>> 0
  }
  return zlib
}
