import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createSupervisedRunner, type EngineWorker } from '../runtime/supervisedRunner.ts'
import type { EngineRequest } from '../runtime/workerProtocol.ts'
import type { RunResult } from '../engine/types.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const starter = JSON.parse(readFileSync(join(ROOT, 'src/examples/flows/starter.json'), 'utf8'))

function program(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

/** A flow file in a project of its own, declaring these packages. */
function flowFile(dependencies: Array<{ name: string; version: string }>, tests = false) {
  const folder = mkdtempSync(join(tmpdir(), 'ap-cli-packages-'))
  writeFileSync(join(folder, 'package.json'), '{"name":"team","version":"1.0.0"}')
  mkdirSync(join(folder, 'node_modules/ms'), { recursive: true })
  writeFileSync(join(folder, 'node_modules/ms/package.json'), '{"name":"ms","version":"2.1.3"}')
  writeFileSync(join(folder, 'node_modules/ms/index.js'), 'module.exports = () => 1')
  mkdirSync(join(folder, 'flows'))
  const path = join(folder, 'flows/login.flow.json')
  const doc = { ...starter, actions: [{ id: 'a', name: 'A', enabled: true, code: "exports.onExecutePostLogin = async () => {}", dependencies }] }
  if (tests) doc.tests = [{ name: 'completes', expect: { status: 'completed' } }]
  writeFileSync(path, JSON.stringify(doc))
  return { folder, path }
}

describe('packages in the CLI', () => {
  it('stops with exit 2 and one line naming a missing package and its install command', () => {
    const { folder, path } = flowFile([{ name: 'jsonwebtoken', version: '9.0.2' }, { name: 'ms', version: '2.1.3' }])
    for (const run of [program('run', path), program('test', path)]) {
      expect(run.code).toBe(2)
      expect(run.stderr).toBe(`${path}: The package jsonwebtoken@9.0.2 is not installed for this flow: run \`npm install jsonwebtoken@9.0.2\` in ${folder}\n`)
      expect(run.stdout).toBe('')
    }
  })

  it('runs with the installed packages, and warns of a version that does not satisfy the declared one', () => {
    const { path } = flowFile([{ name: 'ms', version: '^1.0.0' }], true)
    const run = program('run', path, '--json')
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout).status).toBe('completed')
    expect(run.stderr).toMatch(/^warning: .*login\.flow\.json: ms: the flow declares \^1\.0\.0, but 2\.1\.3 is installed \(.*\); the run uses 2\.1\.3\n$/)
    const test = program('test', path)
    expect(test.code).toBe(0)
    expect(test.stdout).toMatch(/1 passed/)
  })
})

describe('the runner with a package loader', () => {
  const result = { status: 'completed' } as RunResult
  function fakeRunner(loadPackages: Parameters<typeof createSupervisedRunner>[2]) {
    const served: EngineRequest[] = []
    const spawn = (): EngineWorker => ({ ready: Promise.resolve(), serve: async (request) => { served.push(request); return result }, terminate: async () => {} })
    return { runner: createSupervisedRunner(spawn, async () => '', loadPackages), served }
  }
  const doc = { ...starter, actions: [{ id: 'a', name: 'A', enabled: true, code: '', secrets: {}, dependencies: [{ name: 'ms', version: '2.1.3' }] }] }

  it('attaches the packages to the request, unless the options bring them', async () => {
    const { runner, served } = fakeRunner(async () => ({ '/node_modules/ms/index.js': 'x' }))
    await runner.run(doc)
    await runner.run(doc, { packages: { '/node_modules/ms/index.js': 'mine' } })
    expect(served.map((request) => request.options.packages)).toEqual([{ '/node_modules/ms/index.js': 'x' }, { '/node_modules/ms/index.js': 'mine' }])
  })

  it('fails the run with the loader\'s message, without serving it', async () => {
    const { runner, served } = fakeRunner(async () => { throw new Error('ms@2.1.3 is not on the package CDN (https://unpkg.com).') })
    const failed = await runner.run(doc)
    expect(failed.status).toBe('failed')
    expect(failed.error?.description).toBe('ms@2.1.3 is not on the package CDN (https://unpkg.com).')
    expect(served).toEqual([])
  })
})
