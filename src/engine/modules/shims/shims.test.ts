/** Node's modules beyond the engine's own, as action code and packages reach them (the library built as the runtimes build it). */
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { runFlow } from '../../pipeline.ts'
import { PACKAGE_LIBRARIES } from '../../../runtime/packages/testPackages.ts'
import { onExecute, testFlow } from '../../testing.ts'

async function logsOf(body: string, secrets: Record<string, string> = {}) {
  const result = await runFlow(testFlow([{ code: onExecute(body), secrets }]), { libraries: PACKAGE_LIBRARIES, now: '2026-01-01T00:00:00Z', seed: 1 })
  return { result, logs: result.actions[0].logs.map((log) => log.message) }
}

describe('Node shims', () => {
  it('events, stream, string_decoder and path behave as Node\'s', async () => {
    const { logs, result } = await logsOf(`
      const { EventEmitter, once } = require('events')
      const { Readable, Transform, pipeline, PassThrough } = require('node:stream')
      const { pipeline: pipelinePromise } = require('stream/promises')
      const { StringDecoder } = require('string_decoder')
      const path = require('path')
      const emitter = new EventEmitter()
      setTimeout(() => emitter.emit('ready', 42), 0)
      const [value] = await once(emitter, 'ready')
      const upper = new Transform({ transform(chunk, encoding, callback) { callback(null, chunk.toString().toUpperCase()) } })
      const out = []
      const sink = new PassThrough()
      sink.on('data', (chunk) => out.push(chunk.toString()))
      await pipelinePromise(Readable.from(['a', 'b']), upper, sink)
      const decoder = new StringDecoder('utf8')
      const euro = Buffer.from('€')
      console.log(value, out.join(''), decoder.write(euro.subarray(0, 1)) + decoder.write(euro.subarray(1)), path.join('/a/b', '../c', 'd.txt'), path.extname('x.json'), path.posix === path, path.resolve('x'))`)
    expect(result.error).toBeUndefined()
    expect(logs).toEqual(['42 AB € /a/c/d.txt .json true /x'])
  })

  it('assert and assert/strict throw AssertionError with Node\'s code', async () => {
    const { logs } = await logsOf(`
      const assert = require('assert')
      const strict = require('node:assert/strict')
      assert.equal(1, '1'); assert.deepEqual({ a: 1 }, { a: '1' }); strict.deepEqual({ a: [1] }, { a: [1] })
      for (const check of [() => strict.equal(1, '1'), () => assert.ok(0, 'zero'), () => assert.deepStrictEqual({ a: 1 }, { a: 2 })]) {
        try { check() } catch (error) { console.log(error.name, error.code, error.message) }
      }
      assert.throws(() => { throw new TypeError('bad') }, TypeError)
      await assert.rejects(Promise.reject(new Error('no')), /no/)`)
    expect(logs).toEqual([
      "AssertionError ERR_ASSERTION 1 strictEqual '1'",
      'AssertionError ERR_ASSERTION zero',
      'AssertionError ERR_ASSERTION { a: 1 } deepStrictEqual { a: 2 }',
    ])
  })

  it('zlib streams and callbacks, os, timers/promises, net helpers, and http.Agent as packages make them at load time', async () => {
    const { logs, result } = await logsOf(`
      const zlib = require('zlib')
      const { promisify } = require('util')
      const text = (await promisify(zlib.gunzip)(Buffer.from(event.secrets.GZIPPED, 'base64'))).toString()
      const chunks = []
      const gzip = zlib.createGzip()
      const gunzip = zlib.createGunzip()
      gzip.pipe(gunzip).on('data', (chunk) => chunks.push(chunk))
      gzip.end('streamed')
      await require('events').once(gunzip, 'end')
      await require('timers/promises').setTimeout(1)
      const net = require('net')
      const agent = new (require('https').Agent)({ keepAlive: true })
      let broken
      try { zlib.inflateSync(Buffer.from('not deflate')) } catch (error) { broken = error.code }
      console.log(text, Buffer.concat(chunks).toString(), require('os').EOL === '\\n', net.isIP('::1'), net.isIP('10.0.0.300'), net.isIPv4('10.0.0.3'), agent.keepAlive, broken, zlib.crc32('hello'))`,
    { GZIPPED: gzipSync('from node').toString('base64') })
    expect(result.error).toBeUndefined()
    expect(logs).toEqual(['from node streamed true 6 0 true true Z_DATA_ERROR 907060870'])
  })

  it('modules for what actions cannot do load, and say why when used; dns lookups fail with ENOTFOUND', async () => {
    const { logs } = await logsOf(`
      const attempts = [
        () => require('child_process').spawn('ls'), () => new (require('worker_threads').Worker)('x.js'), () => require('vm').runInNewContext('1'),
        () => require('net').connect(80, 'example.com'), () => require('http').createServer(), () => require('fs/promises').readFile('/x'),
      ]
      for (const attempt of attempts) { try { await attempt() } catch (error) { console.log(error.message) } }
      await new Promise((resolve) => require('dns').lookup('example.com', (error) => { console.log(error.code); resolve() }))
      console.log(require('worker_threads').isMainThread, typeof require('fs').constants.F_OK)`)
    expect(logs).toEqual([
      'child_process.spawn() is not available in the Actions Playground: actions cannot start processes.',
      'new worker_threads.Worker() is not available in the Actions Playground: actions run on one thread.',
      "vm.runInNewContext() is not available in the Actions Playground: actions run only their own code and their packages'.",
      "net.connect() is not available in the Actions Playground: actions reach the network only through fetch, axios, http and https, answered from the flow's HTTP mocks.",
      'http.createServer() is not available in the Actions Playground: actions make requests; they do not serve them.',
      "fs.promises.readFile() is not available in the Actions Playground: actions have no file system; the playground runs an action with its event, its secrets and the flow's mocks only.",
      'ENOTFOUND',
      'true number',
    ])
  })

  it('are missing, with a message that says why, from a run the runtime did not send them with', async () => {
    const result = await runFlow(testFlow([onExecute("require('events')")]))
    expect(result.error?.description).toBe("Cannot find module 'events'\nThe playground loads Node's events module for a run whose actions have npm dependencies or require it by name.")
  })
})
