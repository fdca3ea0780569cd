import { describe, expect, it } from 'vitest'
import { findExample } from '../examples/catalog.ts'
import { parseFlowDocument, type FlowDocument } from './flowDocument.ts'
import { runFlowTests, type FlowTestRunner, type FlowTestRunOptions } from './flowTestRun.ts'
import { mergeEvent } from './flowTests.ts'
import { continueFlow, runFlow } from './pipeline.ts'
import { withoutSecretValues } from './secrets.ts'
import { LIBRARIES, onExecute, testFlow } from './testing.ts'

const MONDAY = '2026-11-23T12:00:00Z'
const SATURDAY = '2026-11-28T12:00:00Z'

/** The engine itself as the runner, recording what it was asked to run. */
function engineRunner() {
  const calls: { kind: 'run' | 'continue'; doc: FlowDocument; options?: FlowTestRunOptions }[] = []
  const runner: FlowTestRunner = {
    run: (doc, options) => { calls.push({ kind: 'run', doc, options }); return runFlow(doc, { ...options, libraries: LIBRARIES }) },
    continue: (doc, previous, request, options) => { calls.push({ kind: 'continue', doc, options }); return continueFlow(doc, previous, request, { ...options, libraries: LIBRARIES }) },
  }
  return { runner, calls }
}

const withTests = (doc: FlowDocument, tests: unknown[]): FlowDocument => {
  const parsed = parseFlowDocument(JSON.stringify({ ...doc, tests }))
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
  return parsed.value
}

const errorsOf = (tests: unknown) => {
  const parsed = parseFlowDocument(JSON.stringify({ ...testFlow([]), tests }))
  return parsed.ok ? [] : parsed.errors
}

describe('mergeEvent', () => {
  it('merges objects deeply and replaces other values, without changing either side', () => {
    const base = { user: { email: 'a@example.com', app_metadata: { plan: 'gold', tags: ['a'] }, name: 'A' }, stats: { logins_count: 3 }, list: [1, 2] }
    const override = { user: { email: 'b@other.org', app_metadata: { tags: ['b'] }, name: null }, list: [3], extra: { x: 1 } }
    const before = structuredClone({ base, override })
    const merged = mergeEvent(base as Record<string, any>, override)
    expect(merged).toEqual({
      user: { email: 'b@other.org', app_metadata: { plan: 'gold', tags: ['b'] }, name: null },
      stats: { logins_count: 3 },
      list: [3],
      extra: { x: 1 },
    })
    expect({ base, override }).toEqual(before)
    merged.user.app_metadata.plan = 'changed'
    merged.extra.x = 2
    expect({ base, override }).toEqual(before)
  })

  it('replaces an object with a non-object and the other way round', () => {
    expect(mergeEvent({ a: { b: 1 }, c: 5 } as Record<string, unknown>, { a: 'text', c: { d: 1 } })).toEqual({ a: 'text', c: { d: 1 } })
    expect(mergeEvent({ a: 1 }, undefined)).toEqual({ a: 1 })
  })

  it('keeps a "__proto__" key of JSON as a plain key', () => {
    const override = JSON.parse('{ "user": { "__proto__": { "polluted": true } } }')
    const merged = mergeEvent({ user: { name: 'A' } } as Record<string, any>, override)
    expect(Object.getPrototypeOf(merged.user)).toBe(Object.prototype)
    expect(Object.hasOwn(merged.user, '__proto__')).toBe(true)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('tests in a flow document', () => {
  it('are optional, and kept with their fields', () => {
    expect(errorsOf(undefined)).toEqual([])
    const tests = [{ name: 'one', event: { user: { email: 'x@y.z' } }, continue: { query: { a: 1 } }, now: MONDAY, seed: 3, timeLimitMs: 500, expect: { status: 'completed' } }]
    const parsed = parseFlowDocument(JSON.stringify({ ...testFlow([]), tests }))
    expect(parsed.ok && parsed.value.tests).toEqual(tests)
  })

  it('are refused with the path and the problem', () => {
    expect(errorsOf([{ name: 'ok', expect: {} }, { name: 'bad', expect: { status: { $contans: 'x' } } }])).toEqual([
      expect.stringMatching(/^tests\[1\]\.expect\.status\.\$contans: unknown operator "\$contans"/),
    ])
    expect(errorsOf([{ name: 'a', expect: [] }])).toEqual([expect.stringMatching(/^tests\[0\]\.expect: .*expected record, received array/)])
    expect(errorsOf([{ name: 'a' }])).toEqual([expect.stringMatching(/^tests\[0\]\.expect: /)])
    expect(errorsOf([{ expect: {} }])).toEqual([expect.stringMatching(/^tests\[0\]\.name: /)])
    expect(errorsOf([{ name: 'a', expect: {}, now: 'monday' }])).toEqual(['tests[0].now: expected an ISO time, e.g. 2026-11-23T12:00:00Z'])
    expect(errorsOf([{ name: 'a', expect: {}, seed: 1.5 }])).toEqual([expect.stringMatching(/^tests\[0\]\.seed: /)])
    expect(errorsOf([{ name: 'a', expect: {}, continue: { sessionToken: { payload: {} } } }])).toEqual([expect.stringMatching(/^tests\[0\]\.continue\.sessionToken\.secret: sessionToken needs a "secret" string/)])
    expect(errorsOf([{ name: 'a', expect: {}, continue: [1] }])).toEqual([expect.stringMatching(/^tests\[0\]\.continue: /)])
    expect(errorsOf([{ name: 'a', expect: {} }, { name: 'a', expect: {} }])).toEqual(['tests[1].name: duplicate test name "a"'])
    expect(errorsOf({ name: 'a' })).toEqual([expect.stringMatching(/^tests: .*expected array/)])
  })

  it('check their merged event as the document event is checked', () => {
    expect(errorsOf([{ name: 'a', event: { user: 42 }, expect: {} }])).toEqual(['tests[0].event.user: expected object, received number'])
    const parsed = parseFlowDocument(JSON.stringify({ ...testFlow([]), tests: [{ name: 'a', event: { user: { email_verified: 'yes' } }, expect: {}, expected: {} }] }))
    expect(parsed.ok && parsed.warnings).toEqual([
      'tests[0].expected: unknown field, ignored (a test has name, event, continue, now, seed, timeLimitMs, expect)',
      'tests[0].event.user.email_verified: expected boolean, received string',
    ])
  })

  it('warn about expectations of warnings as strings, which cannot match a warning object', () => {
    const tests = [
      { name: 'a', expect: { warnings: [{ $contains: 'passwordless' }, { code: 'no-id-token' }, 'exact text'] } },
      { name: 'b', expect: { warnings: { $includes: [{ $matches: '^x' }, { message: { $contains: 'y' } }] } } },
    ]
    const parsed = parseFlowDocument(JSON.stringify({ ...testFlow([]), tests }))
    expect(parsed.ok && parsed.warnings).toEqual([
      'tests[0].expect.warnings[0]: a warning is an object { code, …values, message }: match its text with { "message": {"$contains":"passwordless"} }, or its code',
      'tests[0].expect.warnings[2]: a warning is an object { code, …values, message }: match its text with { "message": "exact text" }, or its code',
      'tests[1].expect.warnings.$includes[0]: a warning is an object { code, …values, message }: match its text with { "message": {"$matches":"^x"} }, or its code',
    ])
  })

  it('keep their session token secrets out of links and plain exports', () => {
    const doc = withTests(testFlow([]), [{ name: 'a', continue: { sessionToken: { secret: 'the-secret', payload: { x: 1 } } }, expect: {} }, { name: 'b', expect: {} }])
    const blanked = withoutSecretValues(doc)
    expect(blanked.tests).toEqual([{ name: 'a', continue: { sessionToken: { secret: '', payload: { x: 1 } } }, expect: {} }, { name: 'b', expect: {} }])
    expect(doc.tests?.[0].continue?.sessionToken?.secret).toBe('the-secret')
    expect(parseFlowDocument(JSON.stringify(blanked)).ok).toBe(true)
  })
})

describe('runFlowTests', () => {
  const roles = testFlow([onExecute(`
    if (event.user.email.endsWith('@example.com')) api.access.deny('no example.com');
    api.idToken.setCustomClaim('https://x/roles', event.authorization.roles);
    api.idToken.setCustomClaim('https://x/day', new Date().getUTCDay());`)], { event: (event) => { event.authorization = { roles: ['admin', 'editor'] } } })

  it('runs each test with its event merged over the flow\'s, and reports passed and failed tests with their mismatches', async () => {
    const doc = withTests(roles, [
      { name: 'denies example.com', expect: { status: 'denied', error: { description: 'no example.com' } } },
      { name: 'roles for others', event: { user: { email: 'a@other.org' } }, expect: { status: 'completed', idToken: { claims: { 'https://x/roles': ['admin', 'editor'] } } } },
      { name: 'wrong roles', event: { user: { email: 'a@other.org' }, authorization: { roles: ['viewer'] } }, expect: { idToken: { claims: { 'https://x/roles': ['admin'] } } } },
    ])
    const { runner, calls } = engineRunner()
    const ended: string[] = []
    const report = await runFlowTests(doc, runner, { onTestEnd: (test) => ended.push(test.name) })
    expect(report).toMatchObject({ flow: 'test flow', passed: 2, failed: 1, errors: 0 })
    expect(report.tests.map((test) => [test.name, test.status, test.outcome])).toEqual([
      ['denies example.com', 'passed', 'denied'], ['roles for others', 'passed', 'completed'], ['wrong roles', 'failed', 'completed'],
    ])
    expect(report.tests[2].mismatches).toEqual([{ path: 'idToken.claims["https://x/roles"][0]', expected: 'admin', actual: 'viewer', message: 'expected "admin", received "viewer"' }])
    expect(report.tests.every((test) => test.durationMs >= 0 && test.result)).toBe(true)
    expect(ended).toEqual(['denies example.com', 'roles for others', 'wrong roles'])
    // The runner gets the flow without its tests, with each test's event.
    expect(calls.map((call) => [call.doc.tests, (call.doc.event.user as { email: string }).email])).toEqual([
      [undefined, 'j+smith@example.com'], [undefined, 'a@other.org'], [undefined, 'a@other.org'],
    ])
    expect(doc.event.user).toMatchObject({ email: 'j+smith@example.com' })
  })

  it('uses the defaults where a test has no now, seed or time limit of its own', async () => {
    const doc = withTests(roles, [
      { name: 'own clock', now: SATURDAY, seed: 7, timeLimitMs: 1234, event: { user: { email: 'a@b.c' } }, expect: { idToken: { claims: { 'https://x/day': 6 } } } },
      { name: 'default clock', event: { user: { email: 'a@b.c' } }, expect: { idToken: { claims: { 'https://x/day': 1 } } } },
    ])
    const { runner, calls } = engineRunner()
    const report = await runFlowTests(doc, runner, { defaults: { now: Date.parse(MONDAY), seed: 1 } })
    expect(report.tests.map((test) => test.status)).toEqual(['passed', 'passed'])
    expect(calls.map((call) => call.options)).toEqual([{ now: Date.parse(SATURDAY), seed: 7, timeLimitMs: 1234 }, { now: Date.parse(MONDAY), seed: 1 }])
  })

  it('resumes a suspended run with the test\'s continue request before matching', async () => {
    const example = findExample('favorite-color-redirect')!.document
    const { tests: _tests, ...flow } = example
    const secret = example.actions[0].secrets.MY_SHARED_SECRET
    const doc = withTests(flow, [
      { name: 'suspends', expect: { status: 'suspended', redirect: { url: { $matches: '^https://my-app\\.example\\.com/\\?' } } } },
      { name: 'stores the color', continue: { sessionToken: { payload: { favorite_color: 'teal' }, secret } }, expect: { status: 'completed', user: { user_metadata: { favorite_color: 'teal' } } } },
      { name: 'wrong secret', continue: { sessionToken: { payload: { favorite_color: 'teal' }, secret: 'not-it' } }, expect: { status: 'completed' } },
      { name: 'no redirect', event: { user: { user_metadata: { favorite_color: 'red' } } }, continue: { sessionToken: { secret } }, expect: { status: 'completed' } },
      { name: 'blank secret', continue: { sessionToken: { payload: {}, secret: '' } }, expect: {} },
    ])
    const { runner, calls } = engineRunner()
    const report = await runFlowTests(doc, runner)
    expect(report.tests.map((test) => [test.name, test.status, test.outcome])).toEqual([
      ['suspends', 'passed', 'suspended'], ['stores the color', 'passed', 'completed'], ['wrong secret', 'failed', 'failed'],
      ['no redirect', 'failed', 'completed'], ['blank secret', 'error', undefined],
    ])
    expect(calls.map((call) => call.kind)).toEqual(['run', 'run', 'continue', 'run', 'continue', 'run'])
    expect(report.tests[3].mismatches).toEqual([{ path: 'status', expected: 'suspended', actual: 'completed', message: 'the test continues the run, but it did not suspend: it ended completed' }])
    expect(report.tests[4].error).toMatch(/^continue\.sessionToken\.secret is empty/)
    expect(report).toMatchObject({ passed: 2, failed: 2, errors: 1 })
  })

  it('reports a runner that throws as an error of that test, and goes on', async () => {
    const doc = withTests(roles, [{ name: 'one', expect: {} }, { name: 'two', expect: {} }])
    let calls = 0
    const runner: FlowTestRunner = {
      run: (flow, options) => (++calls === 1 ? Promise.reject(new Error('the worker died')) : runFlow(flow, options)),
      continue: () => Promise.reject(new Error('unused')),
    }
    const report = await runFlowTests(doc, runner)
    expect(report.tests.map((test) => [test.status, test.error])).toEqual([['error', 'the worker died'], ['passed', undefined]])
  })

  it('returns an empty report for a flow without tests', async () => {
    expect(await runFlowTests(roles, engineRunner().runner)).toEqual({ flow: 'test flow', tests: [], passed: 0, failed: 0, errors: 0 })
  })
})
