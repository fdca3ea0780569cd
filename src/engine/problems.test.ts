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
    expect(findProblems('exports.other = 1').map((p) => p.message)).toEqual(['No exports.onExecutePostLogin: the Login flow calls this handler when the action runs.'])
    expect(findProblems('exports.onExecutePostLogin = (event, api) => {}')[0]).toMatchObject({ line: 1, message: expect.stringMatching(/^Invalid function signature for the "onExecutePostLogin" handler/) })
    expect(findProblems('exports.onExecutePostLogin = async () => {}\nexports.onContinuePostLogin = function () {}')[0]).toMatchObject({ line: 2, message: expect.stringMatching(/"onContinuePostLogin"/) })
  })

  it('reports a require of a module the playground lacks, and accepts node: names', () => {
    const problems = findProblems('exports.onExecutePostLogin = async () => {\n  if (false) require("stripe")\n  require("node:crypto")\n}')
    expect(problems).toEqual([expect.objectContaining({ line: 2, message: "Cannot find module 'stripe'. The playground provides: axios, buffer, crypto, querystring, url, util." })])
  })

  it('reports code over Auth0\'s 100 kB limit', () => {
    const code = `exports.onExecutePostLogin = async () => {}\n// ${'x'.repeat(101 * 1024)}`
    expect(findProblems(code)).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringMatching(/101 kB; Auth0 accepts at most 100 kB/) })])
  })
})
