import { describe, expect, it } from 'vitest'
import { checkExpectation, formatResultPath, matchExpectation } from './expectation.ts'
import type { JsonValue } from './types.ts'

const result = {
  status: 'completed',
  error: null,
  idToken: { claims: { sub: 'auth0|1', 'https://my-app.example.com/roles': ['admin', 'editor'], nested: { a: 1, b: [1, 2] } } },
  redirect: { url: 'https://my-app.example.com/?state=abc123', state: 'abc123' },
  actions: [{ name: 'One', status: 'ok', logs: [] }, { name: 'Two', status: 'skipped', logs: [{ message: 'hello world' }] }],
  count: 0,
  flag: false,
}

const paths = (expected: JsonValue) => matchExpectation(expected, result).map((mismatch) => mismatch.path)

describe('matchExpectation', () => {
  it('matches objects partially: listed keys must match, others are ignored', () => {
    expect(matchExpectation({}, result)).toEqual([])
    expect(matchExpectation({ status: 'completed', idToken: { claims: { sub: 'auth0|1' } } }, result)).toEqual([])
    expect(matchExpectation({ status: 'denied' }, result)).toEqual([
      { path: 'status', expected: 'denied', actual: 'completed', message: 'expected "denied", received "completed"' },
    ])
  })

  it('matches primitives by strict equality: 0, false, null and "" are different values', () => {
    expect(paths({ count: false, flag: 0, error: 'null' })).toEqual(['count', 'flag', 'error'])
    expect(paths({ count: 0, flag: false, error: null })).toEqual([])
  })

  it('matches arrays element by element, with the same length, elements partially', () => {
    expect(matchExpectation({ actions: [{ name: 'One' }, { status: 'skipped' }] }, result)).toEqual([])
    expect(matchExpectation({ idToken: { claims: { 'https://my-app.example.com/roles': ['admin'] } } }, result)).toEqual([{
      path: 'idToken.claims["https://my-app.example.com/roles"]',
      expected: ['admin'],
      actual: ['admin', 'editor'],
      message: 'expected ["admin"], received ["admin","editor"] (1 element expected, 2 received)',
    }])
    expect(matchExpectation({ idToken: { claims: { 'https://my-app.example.com/roles': ['admin', 'viewer'] } } }, result)).toEqual([{
      path: 'idToken.claims["https://my-app.example.com/roles"][1]', expected: 'viewer', actual: 'editor', message: 'expected "viewer", received "editor"',
    }])
    expect(paths({ actions: [{ name: 'One' }, { logs: [{ message: 'bye' }] }] })).toEqual(['actions[1].logs[0].message'])
  })

  it('says when the kind differs, and when a value is absent', () => {
    expect(matchExpectation({ status: { code: 1 } }, result)[0].message).toBe('expected an object like {"code":1}, received "completed"')
    expect(matchExpectation({ error: { code: 'x' } }, result)[0].message).toBe('expected an object like {"code":"x"}, received null')
    expect(matchExpectation({ idToken: ['a'] }, result)[0].message).toMatch(/^expected \["a"\], received \{"claims"/)
    const absent = matchExpectation({ samlResponse: null }, result)
    expect(absent).toEqual([{ path: 'samlResponse', expected: null, message: 'expected null, received nothing (absent)' }])
    expect('actual' in absent[0]).toBe(false)
  })

  it('$absent and $present tell a missing key from a null value', () => {
    expect(paths({ samlResponse: { $absent: true }, idToken: { claims: { email: { $absent: true } } } })).toEqual([])
    expect(matchExpectation({ error: { $absent: true } }, result)).toEqual([{ path: 'error', expected: { $absent: true }, actual: null, message: 'expected absent, received null' }])
    expect(paths({ error: { $present: true }, redirect: { $present: true } })).toEqual([])
    expect(matchExpectation({ samlResponse: { $present: true } }, result)[0]).toMatchObject({ path: 'samlResponse', message: 'expected present, received nothing (absent)' })
    expect(paths({ actions: [{ $present: true }, { $present: true }] })).toEqual([])
  })

  it('$contains finds text in a string, and only in a string', () => {
    expect(paths({ redirect: { url: { $contains: 'state=abc' } } })).toEqual([])
    expect(matchExpectation({ redirect: { url: { $contains: 'state=xyz' } } }, result)[0].message).toBe('expected a string containing "state=xyz", received "https://my-app.example.com/?state=abc123"')
    expect(paths({ idToken: { claims: { 'https://my-app.example.com/roles': { $contains: 'admin' } } } })).toEqual(['idToken.claims["https://my-app.example.com/roles"]'])
  })

  it('$matches tests a regular expression against a string', () => {
    expect(paths({ redirect: { state: { $matches: '^[a-z]+\\d+$' } } })).toEqual([])
    expect(matchExpectation({ redirect: { state: { $matches: '^\\d+$' } } }, result)[0].message).toBe('expected a string matching /^\\d+$/, received "abc123"')
    expect(paths({ count: { $matches: '0' } })).toEqual(['count'])
  })

  it('$includes finds each listed element in an array, in any order, matched partially', () => {
    expect(paths({ idToken: { claims: { 'https://my-app.example.com/roles': { $includes: ['editor'] } } } })).toEqual([])
    expect(paths({ idToken: { claims: { 'https://my-app.example.com/roles': { $includes: ['editor', 'admin'] } } } })).toEqual([])
    expect(paths({ actions: { $includes: [{ status: 'skipped', logs: [{ message: { $contains: 'hello' } }] }] } })).toEqual([])
    const missing = matchExpectation({ idToken: { claims: { 'https://my-app.example.com/roles': { $includes: ['admin', 'viewer'] } } } }, result)
    expect(missing[0].message).toBe('expected an array including "admin", "viewer", received ["admin","editor"] (missing "viewer")')
    expect(paths({ status: { $includes: ['c'] } })).toEqual(['status'])
  })

  it('$equals matches exactly: no extra keys, and keys that start with "$" are plain keys', () => {
    expect(paths({ idToken: { claims: { nested: { $equals: { a: 1, b: [1, 2] } } } } })).toEqual([])
    expect(matchExpectation({ idToken: { claims: { nested: { $equals: { a: 1 } } } } }, result)[0].message).toBe('expected exactly {"a":1}, received {"a":1,"b":[1,2]}')
    expect(matchExpectation({ x: { $equals: { $absent: true } } }, { x: { $absent: true } })).toEqual([])
    expect(matchExpectation({ x: { $equals: { $absent: true } } }, {})).toHaveLength(1)
  })

  it('reports every mismatch, in document order', () => {
    expect(paths({ status: 'denied', idToken: { claims: { sub: 'x', nested: { a: 2, b: [1, 3] } } }, flag: true })).toEqual([
      'status', 'idToken.claims.sub', 'idToken.claims.nested.a', 'idToken.claims.nested.b[1]', 'flag',
    ])
  })

  it('cuts long values in messages but keeps them whole in the mismatch', () => {
    const long = 'x'.repeat(1000)
    const [mismatch] = matchExpectation({ a: 'y' }, { a: long })
    expect(mismatch.actual).toBe(long)
    expect(mismatch.message.length).toBeLessThan(400)
    expect(mismatch.message).toMatch(/… \(1002 characters\)$/)
  })
})

describe('formatResultPath', () => {
  it('writes a JavaScript accessor: identifiers with dots, other keys quoted, indexes in brackets', () => {
    expect(formatResultPath(['idToken', 'claims', 'https://x/roles', 0])).toBe('idToken.claims["https://x/roles"][0]')
    expect(formatResultPath(['a b', '$ok', '1x', 'quote"d'])).toBe('["a b"].$ok["1x"]["quote\\"d"]')
    expect(formatResultPath([])).toBe('(result)')
  })
})

describe('checkExpectation', () => {
  it('accepts plain values and every operator with its operand', () => {
    expect(checkExpectation({ a: 1, b: [null, { c: 'x' }], d: { $absent: true }, e: { $present: true }, f: { $contains: 'x' }, g: { $matches: 'a+' }, h: { $includes: [{ $matches: 'x' }] }, i: { $equals: { $anything: 1 } } })).toEqual([])
  })

  it('refuses unknown operators, operators not alone, and wrong operands, with their paths', () => {
    const problems = checkExpectation({
      a: { $contans: 'x' },
      b: [{ $absent: true, other: 1 }],
      c: { $absent: false },
      d: { $contains: ['x'] },
      e: { $matches: '(' },
      f: { $includes: 'x' },
      g: { $includes: [{ $nope: 1 }] },
    })
    expect(problems.map((problem) => [problem.path.join('.'), problem.message.split(' (')[0].split(';')[0]])).toEqual([
      ['a.$contans', 'unknown operator "$contans"'],
      ['b.0', 'an operator stands alone in its object, as in { "$absent": … }, but this object has the keys "$absent", "other"'],
      ['c.$absent', 'takes true'],
      ['d.$contains', 'takes a string'],
      ['e.$matches', expect.stringMatching(/^is not a valid regular expression: /)],
      ['f.$includes', 'takes an array of the elements to find'],
      ['g.$includes.0.$nope', 'unknown operator "$nope"'],
    ])
    expect(problems[2].message).toContain('use { "$present": true }')
    expect(problems[3].message).toContain('$includes')
  })
})
