import { describe, expect, it } from 'vitest'
import { serveEngineRequest } from '../runtime/serveEngineRequest.ts'
import { compileAction } from './compile.ts'
import { prepareContinue } from './continueRequest.ts'
import { continueFlow, runFlow } from './pipeline.ts'
import { STEP_MARKER } from './statementMarks.ts'
import { onExecute, testFlow } from './testing.ts'
import type { ProgressEvent } from './runEvents.ts'
import type { RunResult } from './types.ts'

/** The handler body's lines start at line 2 (onExecute). */
const stepped = (body: string) => runFlow(testFlow([onExecute(body)]), { steps: true })
const lines = (result: RunResult) => result.steps!.map((step) => step.line)
const kinds = (result: RunResult) => result.steps!.map((step) => [step.line, step.kind])
/** The step each timeline entry of the actions happened in, by the entry's call. */
const stepOf = (result: RunResult, call: string) => {
  const entry = result.timeline.find((candidate) => candidate.call === call)!
  return result.steps!.filter((step) => step.at <= entry.seq).at(-1)!
}

describe('statement marks', () => {
  it('record the if and the statements of the branch taken, not of the other', async () => {
    const result = await stepped('const known = true\nif (known) {\n  api.user.setAppMetadata("a", 1)\n} else {\n  api.user.setAppMetadata("b", 1)\n}')
    expect(kinds(result)).toEqual([[1, 'expression'], [2, 'declaration'], [3, 'if'], [4, 'expression']])
    expect(stepOf(result, 'api.user.setAppMetadata').line).toBe(4)
    expect(result.steps![2].branches).toEqual({ then: [4, 4], else: [6, 6] })
  })

  it('record a branch of one statement, and nothing after an early return', async () => {
    const result = await stepped('const done = true\nif (done) return\nconsole.log("after")')
    expect(kinds(result)).toEqual([[1, 'expression'], [2, 'declaration'], [3, 'if'], [3, 'return']])
    expect(result.steps![3].column).toBe('if (done) '.length + 1)
    expect(result.actions[0].logs).toEqual([])
  })

  it('record a loop once and its body at every iteration, each with what it logged', async () => {
    const result = await stepped('for (const item of [1, 2, 3]) {\n  console.log(item)\n}\nlet n = 0\nwhile (n < 2) n++')
    expect(lines(result)).toEqual([1, 2, 3, 3, 3, 5, 6, 6, 6])
    expect(result.steps![1].kind).toBe('loop')
    const logged = result.timeline.filter((entry) => entry.kind === 'console').map((entry) => entry.seq)
    expect(result.steps!.filter((step) => step.line === 3).map((step) => step.at)).toEqual(logged)
  })

  it('record the catch block only when the try threw', async () => {
    const body = (json: string) => `try {\n  JSON.parse(${JSON.stringify(json)})\n  console.log("parsed")\n} catch (error) {\n  console.log("caught")\n}`
    expect(kinds(await stepped(body('{')))).toEqual([[1, 'expression'], [2, 'try'], [3, 'expression'], [6, 'expression']])
    expect(lines(await stepped(body('{}')))).toEqual([1, 2, 3, 4])
  })

  it('record the statements after an await after it, with the calls they made', async () => {
    const result = await stepped([
      'async function later(value) {',
      '  await new Promise((resolve) => setTimeout(resolve, 1))',
      '  return value',
      '}',
      'const first = await later(1)',
      'console.log("after await")',
      'api.user.setAppMetadata("late", first)',
    ].join('\n'))
    expect(lines(result)).toEqual([1, 6, 3, 4, 7, 8])
    expect(stepOf(result, 'console.log').line).toBe(7)
    expect(stepOf(result, 'api.user.setAppMetadata').line).toBe(8)
  })

  it('record the statements of function and arrow bodies, where they are called', async () => {
    const result = await stepped([
      'function double(n) {',
      '  return n * 2',
      '}',
      'const triple = (n) => { return n * 3 }',
      'const values = [1, 2].map((n) => double(n))',
      'console.log(triple(values[1]))',
    ].join('\n'))
    expect(kinds(result)).toEqual([
      [1, 'expression'], [5, 'declaration'], [6, 'declaration'], [3, 'return'], [3, 'return'], [7, 'expression'], [5, 'return'],
    ])
    expect(result.steps!.at(-1)!.column).toBe('const triple = (n) => { '.length + 1)
    expect(result.actions[0].logs[0].message).toBe('12')
  })

  it('mark the module\'s own statements as top level, and none inside a function', async () => {
    const result = await runFlow(testFlow([`const greeting = "hi"\nfunction shout(text) {\n  return text.toUpperCase()\n}\n${onExecute('console.log(shout(greeting))')}`]), { steps: true })
    expect(result.steps!.map((step) => [step.line, step.topLevel ?? false])).toEqual([[1, true], [5, true], [6, false], [3, false]])
  })

  it('keep the meaning of directives, labels, switch cases and single-statement bodies', async () => {
    const body = [
      'function strict() { "use strict"; return this === undefined }',
      'outer: for (const a of [1, 2]) {',
      '  for (const b of [1, 2]) { if (b === 2) continue outer; console.log(a, b) }',
      '}',
      'let i = 0',
      'do i++; while (i < 3)',
      'switch (i) { case 3: console.log("three"); break; default: console.log("other") }',
      'if (i === 1) console.log("one"); else if (i === 3) console.log("else if"); else console.log("else")',
      'console.log(strict())',
    ].join('\n')
    const plain = await runFlow(testFlow([onExecute(body)]))
    const result = await stepped(body)
    expect(result.actions[0].logs).toEqual(plain.actions[0].logs)
    expect(result.actions[0].logs.map((log) => log.message)).toEqual(['1 1', '2 1', 'three', 'else if', 'true'])
    expect(result.steps!.filter((step) => step.kind === 'break')).toHaveLength(1)
    expect(result.steps!.filter((step) => step.line === 7)).toHaveLength(4)
  })

  it('leave the lines and columns of errors as they are without them', async () => {
    const sameLine = 'exports.onExecutePostLogin = async (event, api) => { api.user.setAppMetadata("a", 1); null.boom }'
    for (const code of [sameLine, onExecute('api.user.setAppMetadata("a", 1); null.boom')]) {
      const plain = await runFlow(testFlow([code]))
      const result = await runFlow(testFlow([code]), { steps: true })
      expect(result.actions[0].error).toEqual(plain.actions[0].error)
      expect(result.error).toEqual(plain.error)
    }
    expect((await stepped('api.user.setAppMetadata("a", 1); null.boom')).actions[0].error).toMatchObject({ line: 2, column: 39 })
  })
})

describe('stepping across a redirect', () => {
  it('records the steps of both phases in order, the continued run after the suspended one', async () => {
    const doc = testFlow([onExecute('const needsColor = true\nif (needsColor) api.redirect.sendUserTo("https://site.test/color")') +
      'exports.onContinuePostLogin = async (event, api) => {\n  api.user.setAppMetadata("color", event.request.query.color)\n}'])
    const suspended = await runFlow(doc, { steps: true })
    expect(suspended.status).toBe('suspended')
    expect(kinds(suspended)).toEqual([[1, 'expression'], [5, 'expression'], [2, 'declaration'], [3, 'if'], [3, 'expression']])
    expect(stepOf(suspended, 'api.redirect.sendUserTo').line).toBe(3)

    const request = await prepareContinue(suspended)
    const done = await continueFlow(doc, suspended, { ...request, query: { ...request.query, color: 'blue' } }, { steps: true })
    expect(done.status).toBe('completed')
    expect(done.steps!.slice(0, suspended.steps!.length)).toEqual(suspended.steps)
    expect(done.steps!.map((step) => [step.phase, step.line])).toEqual([
      ...suspended.steps!.map((step) => ['execute', step.line]), ['continue', 1], ['continue', 5], ['continue', 6],
    ])
    expect(stepOf(done, 'api.user.setAppMetadata')).toMatchObject({ phase: 'continue', line: 6 })
    expect(done.user.app_metadata).toMatchObject({ color: 'blue' })
  })
})

describe('stepping off', () => {
  it('leaves steps out of the result', async () => {
    const result = await runFlow(testFlow([onExecute('console.log(1)')]))
    expect('steps' in result).toBe(false)
  })

  it('compiles the code exactly as before, each variant cached apart', () => {
    const code = 'exports.onExecutePostLogin = async (event, api) => {\n  if (event.user.email) api.user.setAppMetadata("a", 1)\n  for (const x of [1, 2]) console.log(x)\n}'
    const plain = compileAction(code, 'steps-off.js')
    const stepping = compileAction(code, 'steps-off.js', true)
    expect(plain.ok && plain.factory.toString()).toBe(
      'function (console, fetch, Date, Math, crypto, process, Buffer, setImmediate, clearImmediate, global, __playgroundCallSite) ' +
      '{ return function (exports, require, module, __filename, __dirname) {exports.onExecutePostLogin = async (event, api) => {\n' +
      '  if (event.user.email) api.user.setAppMetadata("a", __playgroundCallSite(2, "setAppMetadata", (1)))\n' +
      '  for (const x of [1, 2]) console.log(__playgroundCallSite(3, "log", (x)))\n}\n} }')
    expect(stepping.ok && stepping.factory.toString()).toContain(`${STEP_MARKER}(0); exports.onExecutePostLogin`)
    expect(compileAction(code, 'steps-off.js')).toBe(plain)
    expect(compileAction(code, 'steps-off.js', true)).toBe(stepping)
  })
})

describe('step limit', () => {
  it('records the first 100,000 steps and warns once', async () => {
    const result = await stepped('let n = 0\nwhile (n < 100005) n++')
    expect(result.steps).toHaveLength(100_000)
    expect(result.warnings.filter((warning) => warning.code === 'steps-dropped')).toEqual([
      { code: 'steps-dropped', limit: 100_000, message: expect.stringContaining('100,000') },
    ])
  })
})

describe('a worker\'s result', () => {
  it('leaves its steps out, as its timeline: they went as events before it', async () => {
    const events: ProgressEvent[] = []
    const result = await serveEngineRequest({ kind: 'run', doc: testFlow([onExecute('console.log(1)')]), options: { steps: true } }, (event) => events.push(event), () => {})
    expect(result.timeline).toEqual([])
    expect(result.steps).toEqual([])
    expect(events.flatMap((event) => (event.type === 'step' ? [event.step.line] : []))).toEqual([1, 2])
  })
})
