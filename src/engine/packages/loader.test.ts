import { describe, expect, it } from 'vitest'
import { BLOCKED_GLOBALS } from '../../runtime/hardenGlobals.ts'
import { NODE_ABSENT_GLOBALS } from '../compile.ts'
import { runFlow } from '../pipeline.ts'
import { onExecute, testFlow } from '../testing.ts'
import type { RunResult } from '../types.ts'
import type { Dependency } from '../flowDocument.ts'
import type { ModuleFiles } from './moduleFiles.ts'
import { PACKAGE_LIBRARIES } from '../../runtime/packages/testPackages.ts'

const json = (value: unknown) => JSON.stringify(value)

/** Runs one action whose handler body is `body`, with these package files and declared dependencies; returns its logs. */
async function run(files: ModuleFiles, body: string, dependencies: Dependency[] = [], modules?: Record<string, string>): Promise<{ result: RunResult; logs: string[] }> {
  const doc = testFlow([onExecute(body)])
  doc.actions[0].dependencies = dependencies.map((dependency) => ({ ...dependency }))
  if (modules) doc.mocks.modules = modules
  const result = await runFlow(doc, { packages: files, libraries: PACKAGE_LIBRARIES, now: '2026-01-01T00:00:00Z', seed: 1 })
  return { result, logs: result.actions[0].logs.map((log) => log.message) }
}

const dep = (name: string): Dependency => ({ name, version: '1.0.0' })

describe('require of package files', () => {
  it('loads a package by its main, a folder by its index, relative files with .js and .json, and parses JSON', async () => {
    const files: ModuleFiles = {
      '/node_modules/greet/package.json': json({ name: 'greet', main: 'lib/greet' }),
      '/node_modules/greet/lib/greet.js': "const words = require('./words'); const data = require('../data.json'); exports.hello = (name) => `${words.hi} ${name} ${data.mark}`",
      '/node_modules/greet/lib/words/index.js': "module.exports = { hi: 'hello' }",
      '/node_modules/greet/data.json': json({ mark: '!' }),
      '/node_modules/plain/index.js': 'module.exports = 42',
    }
    const { result, logs } = await run(files, "console.log(require('greet').hello('ada'), require('plain'), require('greet/data.json').mark)", [dep('greet'), dep('plain')])
    expect(result.status).toBe('completed')
    expect(logs).toEqual(['hello ada ! 42 !'])
  })

  it('follows exports: conditions in their order (require, node, default; not import), subpath patterns, and refuses a subpath not exported', async () => {
    const files: ModuleFiles = {
      '/node_modules/dual/package.json': json({
        name: 'dual', main: 'old.js',
        exports: {
          '.': { import: './esm.mjs', browser: './browser.js', require: './cjs.js', default: './default.js' },
          './features/*': { node: './lib/features/*.js', default: './nope.js' },
          './features/private/*': null,
          './package.json': './package.json',
        },
      }),
      '/node_modules/dual/cjs.js': "module.exports = 'cjs'",
      '/node_modules/dual/esm.mjs': "export default 'esm'",
      '/node_modules/dual/old.js': "module.exports = 'main'",
      '/node_modules/dual/lib/features/a.js': "module.exports = 'feature a'",
      '/node_modules/dual/lib/features/private/b.js': "module.exports = 'private b'",
      '/node_modules/dual/lib/secret.js': "module.exports = 'secret'",
    }
    const { logs } = await run(files, `
      console.log(require('dual'), require('dual/features/a'), require('dual/package.json').name)
      for (const request of ['dual/lib/secret.js', 'dual/features/private/b']) {
        try { require(request) } catch (error) { console.log(error.code, error.message) }
      }`, [dep('dual')])
    expect(logs).toEqual([
      'cjs feature a dual',
      `ERR_PACKAGE_PATH_NOT_EXPORTED Package subpath './lib/secret.js' is not defined by "exports" in /node_modules/dual/package.json`,
      `ERR_PACKAGE_PATH_NOT_EXPORTED Package subpath './features/private/b' is not defined by "exports" in /node_modules/dual/package.json`,
    ])
  })

  it('finds a package\'s own dependencies in its nested node_modules first, walking up from the requiring file', async () => {
    const files: ModuleFiles = {
      '/node_modules/app/package.json': json({ name: 'app' }),
      '/node_modules/app/index.js': "module.exports = [require('shared').version, require('./lib/deep')]",
      '/node_modules/app/lib/deep.js': "module.exports = require('shared').version",
      '/node_modules/app/node_modules/shared/package.json': json({ name: 'shared', version: '2.0.0' }),
      '/node_modules/app/node_modules/shared/index.js': "module.exports = { version: require('./package.json').version }",
      '/node_modules/shared/package.json': json({ name: 'shared', version: '1.0.0' }),
      '/node_modules/shared/index.js': "module.exports = { version: require('./package.json').version }",
    }
    const { logs } = await run(files, "console.log(require('app').join(), require('shared').version)", [dep('app'), dep('shared')])
    expect(logs).toEqual(['2.0.0,2.0.0 1.0.0'])
  })

  it('gives a module in a cycle the other\'s exports as they are so far, as Node\'s documentation shows', async () => {
    // https://nodejs.org/api/modules.html#cycles
    const files: ModuleFiles = {
      '/node_modules/cycle/package.json': json({ name: 'cycle', main: 'main.js' }),
      '/node_modules/cycle/main.js': "console.log('main starting'); const a = require('./a.js'); const b = require('./b.js'); console.log('in main, a.done = %j, b.done = %j', a.done, b.done)",
      '/node_modules/cycle/a.js': "console.log('a starting'); exports.done = false; const b = require('./b.js'); console.log('in a, b.done = %j', b.done); exports.done = true; console.log('a done')",
      '/node_modules/cycle/b.js': "console.log('b starting'); exports.done = false; const a = require('./a.js'); console.log('in b, a.done = %j', a.done); exports.done = true; console.log('b done')",
    }
    const { logs } = await run(files, "require('cycle'); require('cycle')", [dep('cycle')])
    expect(logs).toEqual(['main starting', 'a starting', 'b starting', 'in b, a.done = false', 'b done', 'in a, b.done = true', 'a done', 'in main, a.done = true, b.done = true'])
  })

  it('gives modules Node\'s module variables: __filename, __dirname, module.id, module.parent, require.resolve, require.cache', async () => {
    const files: ModuleFiles = {
      '/node_modules/where/package.json': json({ name: 'where', main: 'src/index.js' }),
      '/node_modules/where/src/index.js': `module.exports = {
        filename: __filename, dirname: __dirname, id: module.id, parent: module.parent.id, loaded: module.loaded, self: this === module.exports,
        resolved: require.resolve('./other'), builtin: require.resolve('node:fs'), cached: Object.keys(require.cache).includes(__filename),
        paths: module.paths.slice(0, 2),
      }`,
      '/node_modules/where/src/other.js': '',
    }
    const { logs } = await run(files, "console.log(JSON.stringify(require('where')), require.resolve('where'), module.id, require.main === module)", [dep('where')])
    expect(JSON.parse(logs[0].split(' ')[0])).toEqual({
      filename: '/node_modules/where/src/index.js', dirname: '/node_modules/where/src', id: '/node_modules/where/src/index.js', parent: '.', loaded: false, self: true,
      resolved: '/node_modules/where/src/other.js', builtin: 'node:fs', cached: true,
      paths: ['/node_modules/where/src/node_modules', '/node_modules/where/node_modules'],
    })
    expect(logs[0].split(' ').slice(1)).toEqual(['/node_modules/where/src/index.js', '.', 'true'])
  })

  it('sees the environment as Node: no self, window or importScripts, and none of the globals the sandbox blocks to throw at a probe', async () => {
    for (const name of BLOCKED_GLOBALS) expect(NODE_ABSENT_GLOBALS).toContain(name)
    const files: ModuleFiles = {
      '/node_modules/probe/index.js': `module.exports = [typeof self, typeof window, typeof importScripts, typeof XMLHttpRequest, typeof WorkerGlobalScope, navigator.userAgent, typeof process.versions.node].join()`,
      '/node_modules/probe/esm.mjs': 'export default [typeof self, typeof indexedDB, navigator.platform].join()',
    }
    const { logs } = await run(files, "console.log(require('probe'), require('probe/esm.mjs').default)", [dep('probe')])
    expect(logs).toEqual(['undefined,undefined,undefined,undefined,undefined,Node.js/22,string undefined,undefined,linux'])
  })

  it('names package files in stack traces, and evaluates a module that threw again on the next require', async () => {
    const files: ModuleFiles = {
      '/node_modules/flaky/package.json': json({ name: 'flaky' }),
      '/node_modules/flaky/index.js': "\nglobalThis.flakyTries = (globalThis.flakyTries || 0) + 1\nif (globalThis.flakyTries === 1) throw new Error('first load fails')\nmodule.exports = 'loaded'",
    }
    const { logs } = await run(files, "try { require('flaky') } catch (error) { console.log(error.message, /\\/node_modules\\/flaky\\/index\\.js:3:/.test(error.stack)) }\nconsole.log(require('flaky'))", [dep('flaky')])
    expect(logs).toEqual(['first load fails true', 'loaded'])
  })

  it('fails a missing file or package with Node\'s message, code and require stack', async () => {
    const files: ModuleFiles = {
      '/node_modules/needy/package.json': json({ name: 'needy' }),
      '/node_modules/needy/index.js': "require('./missing-helper')",
      '/node_modules/needy2/index.js': "require('left-pad')",
    }
    const { logs, result } = await run(files, `
      for (const name of ['needy', 'needy2', 'declared-but-absent']) {
        try { require(name) } catch (error) { console.log(error.code, JSON.stringify(error.message)) }
      }
      require('./local')`, [dep('needy'), dep('needy2'), dep('declared-but-absent')])
    expect(logs).toEqual([
      `MODULE_NOT_FOUND ${json("Cannot find module './missing-helper'\nRequire stack:\n- /node_modules/needy/index.js\n- /action-1-a1.js")}`,
      `MODULE_NOT_FOUND ${json("Cannot find module 'left-pad'\n'left-pad' is a dependency of a package the action requires, and the run has no files for it.\nRequire stack:\n- /node_modules/needy2/index.js\n- /action-1-a1.js")}`,
      `MODULE_NOT_FOUND ${json("Cannot find module 'declared-but-absent'\nThe run has no files for 'declared-but-absent': the playground did not load the package.\nRequire stack:\n- /action-1-a1.js")}`,
    ])
    expect(result.error?.description).toBe("Cannot find module './local'\nRequire stack:\n- /action-1-a1.js")
  })

  it('refuses a package the action does not declare, even when its files are there, and not the packages those require', async () => {
    const files: ModuleFiles = {
      '/node_modules/outer/index.js': "module.exports = require('inner')",
      '/node_modules/inner/index.js': "module.exports = 'inner'",
    }
    const { logs, result } = await run(files, "console.log(require('outer'))\nrequire('inner/index.js')", [dep('outer')])
    expect(logs).toEqual(['inner'])
    expect(result.status).toBe('failed')
    expect(result.error).toMatchObject({ line: 3, description: expect.stringMatching(/^Cannot find module 'inner\/index.js'\n'inner' is not a dependency of this action: add it \(Dependencies tab\), as Auth0 installs only an action's declared dependencies\./) })
  })
})

describe('require of ES modules (Node 22 loads them synchronously)', () => {
  const files: ModuleFiles = {
    '/node_modules/esm-pkg/package.json': json({ name: 'esm-pkg', type: 'module', exports: { '.': './index.js', './counter': './counter.js' } }),
    '/node_modules/esm-pkg/index.js': [
      "import { count, increment } from './counter.js'",
      "import * as all from './counter.js'",
      "import legacy, { named } from 'legacy-cjs'",
      "import { createHash } from 'node:crypto'",
      "export { increment as bump } from './counter.js'",
      "export * from './more.js'",
      'export const snapshot = () => [count, all.count, legacy.value, named, createHash("sha1").update("x").digest("hex").slice(0, 6)]',
      'export default function hello(name) { return `hello ${name}` }',
      'export const where = import.meta.url',
    ].join('\n'),
    '/node_modules/esm-pkg/counter.js': 'export let count = 0\nexport function increment() { count++ }',
    '/node_modules/esm-pkg/more.js': "export const more = 'more'\nexport default 'not re-exported'",
    '/node_modules/legacy-cjs/index.js': "exports.value = 'legacy'; exports.named = 'named'",
    '/node_modules/plain-mjs/index.mjs': "const answer = await Promise.resolve(42)\nexport { answer }",
    '/node_modules/plain-mjs/package.json': json({ name: 'plain-mjs', main: 'index.mjs' }),
  }

  it('gives the namespace: live bindings, default, re-exports, CommonJS and built-in imports, import.meta.url', async () => {
    const { logs, result } = await run(files, `
      const esm = require('esm-pkg')
      console.log(Object.keys(esm).sort().join(), esm.default('ada'), esm.__esModule, Object.prototype.toString.call(esm))
      console.log(JSON.stringify(esm.snapshot()))
      esm.bump()
      console.log(JSON.stringify(esm.snapshot()), require('esm-pkg/counter').count, esm.more, esm.where)`, [dep('esm-pkg'), dep('legacy-cjs')])
    expect(result.status).toBe('completed')
    expect(logs).toEqual([
      'bump,default,more,snapshot,where hello ada true [object Module]',
      '[0,0,"legacy","named","11f6ad"]',
      '[1,1,"legacy","named","11f6ad"] 1 more file:///node_modules/esm-pkg/index.js',
    ])
  })

  it('refuses an ES module with top-level await, as require does', async () => {
    const { result } = await run(files, "require('plain-mjs')", [dep('plain-mjs')])
    expect(result.error?.description).toBe('require() cannot load /node_modules/plain-mjs/index.mjs: it is an ES module with top-level await.')
  })

  it('runs a .js file outside "type": "module" that only parses as an ES module as one', async () => {
    const { logs } = await run({ '/node_modules/untyped/index.js': "import { x } from './x.js'\nexport const y = x + 1", '/node_modules/untyped/x.js': 'export const x = 1' },
      "console.log(require('untyped').y)", [dep('untyped')])
    expect(logs).toEqual(['2'])
  })
})

describe('details Node has', () => {
  it('import() in a package\'s CommonJS loads an ES module (or a built-in) as a namespace', async () => {
    const files: ModuleFiles = {
      '/node_modules/lazy/index.js': "exports.load = async () => { const { answer } = await import('esm-only'); const os = await import('node:os'); return answer + ' ' + os.platform() + ' ' + os.default.platform() }\nexports.text = 'import(' + 'x)'",
      '/node_modules/esm-only/package.json': json({ name: 'esm-only', type: 'module', exports: { import: './index.js' } }),
      '/node_modules/esm-only/index.js': 'export const answer = 42',
    }
    const { logs } = await run(files, "const lazy = require('lazy'); console.log(await lazy.load(), lazy.text)", [dep('lazy')])
    expect(logs).toEqual(['42 linux linux import(x)'])
  })

  it('drops a byte order mark at the start of a module or a JSON file', async () => {
    const files: ModuleFiles = { '/node_modules/bom/index.js': '\uFEFFmodule.exports = require("./data.json").ok', '/node_modules/bom/data.json': '\uFEFF{ "ok": true }' }
    const { logs } = await run(files, "console.log(require('bom'))", [dep('bom')])
    expect(logs).toEqual(['true'])
  })

  it('gives a package that requires axios the playground\'s (answered from the mocks) when the run has it, else its own files', async () => {
    const files: ModuleFiles = {
      '/node_modules/sdk/index.js': "const axios = require('axios'); exports.kind = () => (typeof axios.getUri === 'function' ? 'playground axios' : axios)",
      '/node_modules/axios/package.json': json({ name: 'axios', main: 'own.js' }),
      '/node_modules/axios/own.js': "module.exports = 'its own axios'",
    }
    const doc = testFlow([onExecute("console.log(require('sdk').kind())")])
    doc.actions[0].dependencies = [{ name: 'sdk', version: '1.0.0' }]
    const withLibrary = await runFlow(doc, { packages: files, libraries: PACKAGE_LIBRARIES })
    const without = await runFlow(doc, { packages: files, libraries: { nodeShims: PACKAGE_LIBRARIES.nodeShims } })
    expect([withLibrary, without].map((result) => result.actions[0].logs[0]?.message)).toEqual(['playground axios', 'its own axios'])
  })
})

describe('module mocks', () => {
  it('replace a package, as jest.mock does, for the action and for the packages that require it; the real one is never loaded', async () => {
    const files: ModuleFiles = {
      '/node_modules/jsonwebtoken/index.js': "throw new Error('the real one')",
      '/node_modules/uses-jwt/index.js': "module.exports = () => require('jsonwebtoken').verify('t', 'k')",
    }
    const mocks = { jsonwebtoken: "exports.verify = (token, key) => ({ sub: 'mocked', token, key, file: __filename })" }
    const { logs, result } = await run(files, "console.log(JSON.stringify(require('jsonwebtoken').verify('a', 'b')), require('uses-jwt')().sub)",
      [dep('jsonwebtoken'), dep('uses-jwt')], mocks)
    expect(result.status).toBe('completed')
    expect(logs).toEqual(['{"sub":"mocked","token":"a","key":"b","file":"/__mocks__/jsonwebtoken.js"} mocked'])
  })

  it('replace a Node built-in or axios, and still need the package declared', async () => {
    const mocks = { 'node:os': "exports.hostname = () => 'mocked-host'", axios: "module.exports = { get: async () => ({ data: 'mocked axios' }) }", stripe: 'module.exports = 1' }
    const { logs, result } = await run({}, "console.log(require('os').hostname(), (await require('axios').get('https://x.test')).data)\nrequire('stripe')", [], mocks)
    expect(logs).toEqual(['mocked-host mocked axios'])
    expect(result.error?.description).toMatch(/^Cannot find module 'stripe'\n'stripe' is not a dependency of this action/)
  })
})
