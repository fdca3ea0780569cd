import { describe, expect, it } from 'vitest'
import { collectPackages, exportsTarget, nodeModulesPaths, requiredSpecifiers, resolveEntry, splitSpecifier } from './collect.ts'
import { fakePackage, fakeSource } from './fakeRegistry.ts'

describe('require scanning and Node resolution', () => {
  it('finds literal requires, not computed ones nor lookalikes', () => {
    const source = `const a = require('a'); const b = require("b/sub"); const c = require(\`./c\`)
      require.resolve('x'); obj.require('y'); __webpack_require__('z'); require('./lang/' + name); require( 'a' )`
    expect(requiredSpecifiers(source)).toEqual(['a', 'b/sub', './c'])
  })

  it('splits scoped and plain specifiers', () => {
    expect(splitSpecifier('@xmldom/xmldom/lib/dom')).toEqual({ name: '@xmldom/xmldom', subpath: 'lib/dom' })
    expect(splitSpecifier('lodash/get')).toEqual({ name: 'lodash', subpath: 'get' })
    expect(splitSpecifier('./x')).toBeNull()
    expect(splitSpecifier('@scope')).toBeNull()
  })

  it('picks the exports target Node picks for require', () => {
    const exports = {
      '.': { import: './esm/index.js', require: { types: './index.d.ts', default: './cjs/index.js' } },
      './jwt/*': { node: './node/jwt/*.js', default: './browser/jwt/*.js' },
      './package.json': './package.json',
      './internal': null,
    }
    expect(exportsTarget(exports, '')).toBe('cjs/index.js')
    expect(exportsTarget(exports, 'jwt/sign')).toBe('node/jwt/sign.js')
    expect(exportsTarget(exports, 'internal')).toBeNull()
    expect(exportsTarget(exports, 'missing')).toBeNull()
    expect(exportsTarget('./main.js', '')).toBe('main.js')
    expect(exportsTarget({ require: './r.cjs', import: './i.mjs' }, '')).toBe('r.cjs')
    expect(exportsTarget([{ worker: './w.js' }, './fallback.js'], '')).toBe('fallback.js')
  })

  it('completes main and subpaths with extensions and index files', () => {
    const files = new Set(['lib/main.js', 'get.js', 'data.json', 'dir/index.js', 'index.js'])
    expect(resolveEntry({ main: './lib/main' }, files, '')).toBe('lib/main.js')
    expect(resolveEntry({ main: 'missing.js' }, files, '')).toBe('index.js')
    expect(resolveEntry({}, files, 'get')).toBe('get.js')
    expect(resolveEntry({}, files, 'data')).toBe('data.json')
    expect(resolveEntry({}, files, 'dir')).toBe('dir/index.js')
    expect(resolveEntry({ exports: { '.': './index.js' } }, files, 'get')).toBeNull()
  })

  it('lists the node_modules folders Node looks in, nearest first', () => {
    expect(nodeModulesPaths('')).toEqual(['/node_modules'])
    expect(nodeModulesPaths('/node_modules/a/node_modules/@s/b')).toEqual([
      '/node_modules/a/node_modules/@s/b/node_modules', '/node_modules/a/node_modules/@s/node_modules', '/node_modules/a/node_modules', '/node_modules',
    ])
  })
})

describe('collectPackages', () => {
  const ms2 = fakePackage('ms', '2.1.3', { 'index.js': 'module.exports = 1' })
  const ms1 = fakePackage('ms', '1.0.0', { 'index.js': 'module.exports = 0' })

  it('takes only the files reachable from the entries the actions use, across packages', async () => {
    const source = fakeSource([
      fakePackage('jwt', '9.0.2', {
        'index.js': "require('./lib/sign'); require('ms'); require('crypto'); require('node:util')",
        'lib/sign.js': "require('../package.json'); require('./util')",
        'lib/util.js': "require('semver/functions/satisfies')",
        'lib/unused.js': '',
        'test/sign.test.js': '',
      }, { main: 'index.js', dependencies: { ms: '^2.1.1', semver: '^7.0.0' } }),
      fakePackage('semver', '7.8.6', { 'index.js': '', 'functions/satisfies.js': "require('../classes/range')", 'classes/range.js': '' }),
      ms2, ms1,
    ])
    const result = await collectPackages([{ name: 'jwt', version: '9.0.2', entries: [''] }], source)
    expect(Object.keys(result.files).sort()).toEqual([
      '/node_modules/jwt/index.js', '/node_modules/jwt/lib/sign.js', '/node_modules/jwt/lib/util.js', '/node_modules/jwt/package.json',
      '/node_modules/ms/index.js', '/node_modules/ms/package.json',
      '/node_modules/semver/classes/range.js', '/node_modules/semver/functions/satisfies.js', '/node_modules/semver/package.json',
    ])
    expect(result.files['/node_modules/ms/index.js']).toBe('module.exports = 1')
    expect(result.missing).toEqual([])
    expect(result.warnings).toEqual([])
  })

  it('nests a second version under its dependent and hoists what it can', async () => {
    const source = fakeSource([
      fakePackage('a', '1.0.0', { 'index.js': "require('ms'); require('c')" }, { dependencies: { ms: '^1.0.0', c: '1.0.0' } }),
      fakePackage('b', '1.0.0', { 'index.js': "require('ms'); require('c')" }, { dependencies: { ms: '^2.0.0', c: '1.0.0' } }),
      fakePackage('c', '1.0.0', { 'index.js': "require('ms')" }, { dependencies: { ms: '^2.0.0' } }),
      ms1, ms2,
    ])
    const result = await collectPackages([
      { name: 'a', version: '1.0.0', entries: [''] },
      { name: 'b', version: '1.0.0', entries: [''] },
    ], source)
    const layout = Object.fromEntries(result.packages.map((item) => [item.dir, item.ref.version]))
    // a's ms@1 took the top; b and c (hoisted to the top, next to a) need ms@2: each gets it nested, not over a's.
    expect(layout).toEqual({
      '/node_modules/a': '1.0.0', '/node_modules/b': '1.0.0', '/node_modules/ms': '1.0.0', '/node_modules/c': '1.0.0',
      '/node_modules/b/node_modules/ms': '2.1.3', '/node_modules/c/node_modules/ms': '2.1.3',
    })
  })

  it('does not hide a version another package already resolved to', async () => {
    const source = fakeSource([
      fakePackage('a', '1.0.0', { 'index.js': "require('x'); require('ms')" }, { dependencies: { x: '1.0.0', ms: '^1.0.0' } }),
      fakePackage('x', '1.0.0', { 'index.js': "require('ms')" }, { dependencies: { ms: '^2.0.0' } }),
      ms1, ms2,
      fakePackage('top', '1.0.0', { 'index.js': "require('x')" }, { dependencies: { x: '2.0.0' } }),
      fakePackage('x', '2.0.0', { 'index.js': '' }),
    ])
    const result = await collectPackages([{ name: 'top', version: '1.0.0', entries: [''] }, { name: 'a', version: '1.0.0', entries: [''] }], source)
    const layout = Object.fromEntries(result.packages.map((item) => [item.dir, item.ref.version]))
    // top's x@2 takes the top, a's x@1 nests under a; a's ms@1 takes the top, so x@1's ms@2 must nest under
    // x: under a it would hide the top's ms@1 from a.
    expect(layout).toEqual({
      '/node_modules/top': '1.0.0', '/node_modules/a': '1.0.0', '/node_modules/x': '2.0.0', '/node_modules/a/node_modules/x': '1.0.0',
      '/node_modules/ms': '1.0.0', '/node_modules/a/node_modules/x/node_modules/ms': '2.1.3',
    })
    expect(result.warnings).toEqual([])
  })

  it('follows the subpaths the actions require, and a package.json of a folder on the way', async () => {
    const source = fakeSource([
      fakePackage('lodash', '4.18.1', { 'lodash.js': 'big', 'get.js': "require('./_baseGet')", '_baseGet.js': '', 'map.js': '' }, { main: 'lodash.js' }),
      fakePackage('sdk', '4.0.0', { 'dist/cjs/package.json': '{"type":"commonjs"}', 'dist/cjs/index.js': "require('./a.js')", 'dist/cjs/a.js': '', 'dist/esm/index.js': '' },
        { type: 'module', exports: { '.': { import: './dist/esm/index.js', require: './dist/cjs/index.js' } } }),
    ])
    const result = await collectPackages([
      { name: 'lodash', version: '4', entries: ['get'] },
      { name: 'sdk', version: '^4.0.0', entries: [''] },
    ], source)
    expect(Object.keys(result.files).sort()).toEqual([
      '/node_modules/lodash/_baseGet.js', '/node_modules/lodash/get.js', '/node_modules/lodash/package.json',
      '/node_modules/sdk/dist/cjs/a.js', '/node_modules/sdk/dist/cjs/index.js', '/node_modules/sdk/dist/cjs/package.json', '/node_modules/sdk/package.json',
    ])
  })

  it('reports the actions\' missing packages, and warns of a dependency\'s missing one', async () => {
    const source = fakeSource([fakePackage('a', '1.0.0', { 'index.js': "require('gone'); require('opt'); require('undeclared')" }, { dependencies: { gone: '^1.0.0' }, optionalDependencies: { opt: '1.0.0' } })])
    const result = await collectPackages([
      { name: 'a', version: '1.0.0', entries: [''] },
      { name: 'nope', version: '2.0.0', entries: [''] },
      { name: 'a2', version: 'latest', entries: ['x', ''] },
    ], source)
    expect(result.missing).toEqual([{ name: 'nope', version: '2.0.0' }, { name: 'a2', version: 'latest' }])
    expect(result.warnings).toEqual(['gone@^1.0.0, a dependency of a@1.0.0, is missing'])
  })

  it('reads each file once, however many times it is required', async () => {
    const source = fakeSource([fakePackage('a', '1.0.0', { 'index.js': "require('./x'); require('./x.js'); require('./y')", 'x.js': "require('./y')", 'y.js': "require('./x')" })])
    await collectPackages([{ name: 'a', version: '1', entries: ['', 'x'] }], source)
    expect(source.reads.sort()).toEqual(['a@1.0.0/index.js', 'a@1.0.0/package.json', 'a@1.0.0/x.js', 'a@1.0.0/y.js'])
  })
})
