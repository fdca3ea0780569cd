import { describe, expect, it } from 'vitest'
import { findProblems } from './problems.ts'

describe('problems before a run', () => {
  it('finds none in a valid action', () => {
    expect(findProblems('const axios = require("axios")\nexports.onExecutePostLogin = async (event, api) => {}')).toEqual([])
    expect(findProblems('module.exports.onExecutePostLogin = async function (event, api) {}')).toEqual([])
  })

  it('reports a syntax error with its place', () => {
    expect(findProblems('exports.onExecutePostLogin = async (event, api) => {\n  const x = ;\n}')).toEqual([
      { severity: 'error', message: 'SyntaxError: Unexpected token', line: 2, column: 13, endLine: 2, endColumn: 14 },
    ])
  })

  it('reports a missing handler and a handler that is not async', () => {
    expect(findProblems('exports.other = 1').map((p) => p.message)).toEqual(['No exports.onExecutePostLogin: Auth0 calls this handler when the action runs.'])
    expect(findProblems('exports.onExecutePostLogin = (event, api) => {}')[0]).toMatchObject({ line: 1, message: expect.stringMatching(/^Invalid function signature for the "onExecutePostLogin" handler/) })
    expect(findProblems('exports.onExecutePostLogin = async () => {}\nexports.onContinuePostLogin = function () {}')[0]).toMatchObject({ line: 2, message: expect.stringMatching(/"onContinuePostLogin"/) })
  })

  it('reports a require of a package the action does not declare, with a quick fix that declares it', () => {
    const code = 'exports.onExecutePostLogin = async () => {\n  if (false) require("stripe")\n  require("node:crypto")\n  require("@scope/pkg/sub")\n}'
    expect(findProblems(code)).toEqual([
      { severity: 'error', message: "'stripe' is not a dependency of this action: add it (Dependencies tab).", line: 2, column: 14, endLine: 2, endColumn: 31, fix: { addDependency: { name: 'stripe' } } },
      expect.objectContaining({ line: 4, message: "'@scope/pkg' is not a dependency of this action: add it (Dependencies tab).", fix: { addDependency: { name: '@scope/pkg' } } }),
    ])
  })

  it('accepts a declared package (and its subpaths), Node\'s built-ins, axios and relative paths', () => {
    const code = [
      'const jwt = require("jsonwebtoken")', 'const fp = require("lodash/fp")', 'require("fs"); require("node:zlib"); require("events"); require("axios")',
      'require("./local")', 'exports.onExecutePostLogin = async () => {}',
    ].join('\n')
    expect(findProblems(code, [{ name: 'jsonwebtoken', version: '9.0.3' }, { name: 'lodash', version: '4.18.1' }])).toEqual([])
    expect(findProblems(code, [{ name: 'lodash', version: '4.18.1' }]).map((problem) => problem.fix)).toEqual([{ addDependency: { name: 'jsonwebtoken' } }])
  })

  it('reports a node: name that is not a built-in', () => {
    expect(findProblems('require("node:left-pad")\nexports.onExecutePostLogin = async () => {}')).toEqual([
      expect.objectContaining({ line: 1, message: 'No such built-in module: node:left-pad' }),
    ])
  })

  it('reports code over Auth0\'s 100 kB limit', () => {
    const code = `exports.onExecutePostLogin = async () => {}\n// ${'x'.repeat(101 * 1024)}`
    expect(findProblems(code)).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringMatching(/101 kB; Auth0 accepts at most 100 kB/) })])
  })
})

describe('problems of another trigger\'s action', () => {
  it('want that trigger\'s handler, not the Login flow\'s', () => {
    const handlers = { execute: 'onExecuteCredentialsExchange' }
    expect(findProblems('exports.onExecuteCredentialsExchange = async (event, api) => {}', [], handlers)).toEqual([])
    expect(findProblems('exports.onExecutePostLogin = async (event, api) => {}', [], handlers).map((problem) => problem.message))
      .toEqual(['No exports.onExecuteCredentialsExchange: Auth0 calls this handler when the action runs.'])
    expect(findProblems('exports.onExecuteCredentialsExchange = function (event, api) {}', [], handlers)[0].message).toMatch(/Invalid function signature/)
  })
})
