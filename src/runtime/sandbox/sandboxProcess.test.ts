import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { sandboxProcessOptions } from '../nodeRunner.ts'
import { PARENT_SECRET } from './escapeAttempts.ts'

// Layer 2: what code that escaped its context would find in the sandbox process.
const ROOT = fileURLToPath(new URL('../../..', import.meta.url))

/**
 * Runs `body` as an ES module in a new Node process; it reports through `report(name, attempt)`. The
 * process runs in the background, so that this one can accept (and count) connections meanwhile.
 */
async function probe({ execArgv, env }: { execArgv: string[]; env: NodeJS.ProcessEnv }, body: string): Promise<Record<string, string>> {
  const script = `
const results = {}
const report = async (name, attempt) => {
  try { await attempt(); results[name] = 'ALLOWED' } catch (error) { results[name] = (error.code ? error.code + ': ' : '') + error.message }
}
${body}
process.stdout.write(JSON.stringify(results))`
  const child = spawn(process.execPath, [...execArgv, '--input-type=module', '-e', script], { cwd: ROOT, env })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk })
  await new Promise((resolve) => child.on('close', resolve))
  expect(stderr).toBe('')
  return JSON.parse(stdout)
}

describe('the sandbox process (layer 2)', () => {
  it('has an empty environment, reads only its own folder, and starts no processes, workers or code from strings', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'sandbox-'))
    writeFileSync(join(folder, 'inside.txt'), 'inside')
    process.env[PARENT_SECRET.name] = PARENT_SECRET.value
    const results = await probe(sandboxProcessOptions(folder), `
import fs from 'node:fs'
import childProcess from 'node:child_process'
import { Worker } from 'node:worker_threads'
import inspector from 'node:inspector'
import { WASI } from 'node:wasi'
results.env = JSON.stringify(process.env)
await report('read inside', () => fs.readFileSync(${JSON.stringify(join(folder, 'inside.txt'))}))
await report('read outside', () => fs.readFileSync(${JSON.stringify(join(ROOT, 'package.json'))}))
await report('write', () => fs.writeFileSync(${JSON.stringify(join(folder, 'written.txt'))}, 'x'))
await report('child process', () => childProcess.execSync('true'))
await report('worker', () => new Worker('1', { eval: true }))
await report('process.binding', () => process.binding('tcp_wrap'))
await report('inspector', () => inspector.open(0))
await report('WASI', () => new WASI({ version: 'preview1' }))
await report('code from strings', () => Function('return 1')())`)
    delete process.env[PARENT_SECRET.name]
    expect(results).toEqual({
      env: '{}',
      'read inside': 'ALLOWED',
      'read outside': expect.stringMatching(/^ERR_ACCESS_DENIED/),
      write: expect.stringMatching(/^ERR_ACCESS_DENIED/),
      'child process': expect.stringMatching(/^ERR_ACCESS_DENIED/),
      worker: expect.stringMatching(/^ERR_ACCESS_DENIED/),
      'process.binding': expect.stringMatching(/^ERR_ACCESS_DENIED/),
      inspector: expect.stringMatching(/^ERR_ACCESS_DENIED/),
      WASI: expect.stringMatching(/^ERR_ACCESS_DENIED/),
      'code from strings': 'Code generation from strings disallowed for this context',
    })
  })

  it('refuses the network, signals and exit once locked down', async () => {
    let connections = 0
    const server = createServer((socket) => { connections++; socket.destroy() })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    try {
      const results = await probe({ execArgv: ['--import', 'tsx'], env: { PATH: process.env.PATH } }, `
import dgram from 'node:dgram'
import dns from 'node:dns'
import http from 'node:http'
import http2 from 'node:http2'
import https from 'node:https'
import net from 'node:net'
import tls from 'node:tls'
const { lockDown } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'src/runtime/sandbox/lockDown.ts')).href)})
lockDown()
const target = 'http://127.0.0.1:${port}/'
await report('net.connect', () => net.connect(${port}, '127.0.0.1'))
await report('net.createConnection', () => net.createConnection({ port: ${port}, host: '127.0.0.1' }))
await report('new net.Socket().connect', () => new net.Socket().connect(${port}, '127.0.0.1'))
await report('named export of node:net', async () => (await import('node:net')).connect(${port}, '127.0.0.1'))
await report('net.Server listen', () => net.createServer().listen(0))
await report('tls.connect', () => tls.connect(${port}, '127.0.0.1'))
await report('http.get', () => http.get(target))
await report('http.Agent', () => new http.Agent().createConnection({ port: ${port}, host: '127.0.0.1' }))
await report('https.request', () => https.request('https://127.0.0.1:${port}/'))
await report('http2.connect', () => http2.connect(target))
await report('fetch', () => fetch(target))
await report('dgram.createSocket', () => dgram.createSocket('udp4'))
await report('dns.lookup', () => dns.lookup('localhost', () => {}))
await report('dns.promises.resolve4', () => dns.promises.resolve4('example.com'))
await report('dns.Resolver', () => new dns.Resolver().resolve4('example.com', () => {}))
await report('process.kill', () => process.kill(process.ppid, 0))
await report('process.exit', () => process.exit(3))
await report('process.getBuiltinModule', () => process.getBuiltinModule('net'))
await new Promise((resolve) => setTimeout(resolve, 100))`)
      for (const [name, outcome] of Object.entries(results)) {
        expect(outcome, name).toMatch(name === 'fetch' ? /^fetch is not defined$/ : /is not available in the Actions Playground's sandbox process: it (has no network|cannot signal, exit or load modules)\.$/)
      }
      expect(Object.keys(results)).toHaveLength(18)
      expect(connections).toBe(0)
    } finally {
      server.close()
    }
  })
})
