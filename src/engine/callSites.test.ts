import { parse } from 'acorn'
import { describe, expect, it } from 'vitest'
import { markCallSites, originalColumn } from './callSites.ts'
import { runFlow } from './pipeline.ts'
import { onExecute, testFlow } from './testing.ts'

const mark = (code: string) => markCallSites(code, parse(code, { ecmaVersion: 'latest', locations: true }))

describe('call-site marks', () => {
  it('wraps the last argument of each named call and keeps the code equivalent', () => {
    const marked = mark('f(a, (b, c));\nobj.g(...rest)\nh()')
    expect(marked.code).toBe('f(a, (__playgroundCallSite(1, "f", (b, c))));\nobj.g(...__playgroundCallSite(2, "g", (rest)))\nh()')
  })

  it('maps columns after a mark back to the original source', () => {
    const code = 'f(x); throw y'
    const marked = mark(code)
    const thrown = marked.code.indexOf('throw') + 1
    expect(originalColumn(marked.insertions, 1, thrown)).toBe(code.indexOf('throw') + 1)
  })

  it('gives the right line and column to an error after a call on the same line', async () => {
    const result = await runFlow(testFlow([onExecute('api.user.setAppMetadata("a", 1); null.boom')]))
    expect(result.actions[0].error).toMatchObject({ line: 2, column: 39 })
  })

  it('finds the line of calls the marks cannot name, from the stack', async () => {
    const result = await runFlow(testFlow([onExecute('const set = api.user.setAppMetadata\nconst methods = [set]\nmethods[0]("a", 1)\napi.redirect.canRedirect()')]))
    expect(result.timeline.filter((entry) => entry.kind === 'api').map((entry) => [entry.call, entry.line])).toEqual([
      ['api.user.setAppMetadata', 4],
      ['api.redirect.canRedirect', 5],
    ])
  })

  it('marks nested and multi-line calls with the line of the called method', async () => {
    const code = onExecute('api.idToken.setCustomClaim(\n  "https://x.test/a",\n  String(api.cache.get("k")?.value)\n)\nconsole.log(\n  "x")')
    const result = await runFlow(testFlow([code]))
    expect(result.timeline.filter((entry) => entry.kind !== 'engine').map((entry) => [entry.call, entry.line])).toEqual([
      ['api.cache.get', 4],
      ['api.idToken.setCustomClaim', 2],
      ['console.log', 6],
    ])
  })
})
