/**
 * Node's `assert` and `assert/strict`, small: the npm port (`assert`) brings a second `util` and a set of polyfills,
 * several times the size of what packages call. Strict comparisons use `util.isDeepStrictEqual`, the loose ones
 * `==` on primitives and the same walk with loose leaves.
 */
import { inspect, isDeepStrictEqual } from 'util'

type Options = { message?: unknown; actual?: unknown; expected?: unknown; operator?: string; stackStartFn?: Function }

export class AssertionError extends Error {
  readonly code = 'ERR_ASSERTION'
  readonly generatedMessage: boolean
  actual: unknown
  expected: unknown
  operator: string | undefined
  constructor(options: Options) {
    const generated = options.message === undefined
    super(generated
      ? `${inspect(options.actual)} ${options.operator ?? '=='} ${inspect(options.expected)}`
      : String(options.message))
    this.name = 'AssertionError'
    this.generatedMessage = generated
    this.actual = options.actual
    this.expected = options.expected
    this.operator = options.operator
    ;(Error as { captureStackTrace?: (target: object, fn?: Function) => void }).captureStackTrace?.(this, options.stackStartFn)
  }
}

function fail(actual: unknown, expected: unknown, message: unknown, operator: string, stackStartFn: Function): never {
  if (message instanceof Error) throw message
  throw new AssertionError({ actual, expected, message, operator, stackStartFn })
}

function looseDeepEqual(a: unknown, b: unknown): boolean {
  // eslint-disable-next-line eqeqeq
  if (a == b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime()
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  return keys.every((key) => Object.hasOwn(b, key) && looseDeepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
}

function matches(error: unknown, expected: unknown): boolean {
  if (expected === undefined) return true
  if (expected instanceof RegExp) return expected.test(String(error))
  if (typeof expected === 'function') {
    if (expected.prototype !== undefined && error instanceof (expected as new () => unknown)) return true
    if (Error.isPrototypeOf(expected)) return false
    return (expected as (error: unknown) => unknown)(error) === true
  }
  if (typeof expected === 'object' && expected !== null) {
    return Object.entries(expected).every(([key, value]) => {
      const actual = (error as Record<string, unknown>)?.[key]
      return value instanceof RegExp && typeof actual === 'string' ? value.test(actual) : isDeepStrictEqual(actual, value)
    })
  }
  return false
}

function createAssert(strict: boolean) {
  const equal = strict ? Object.is : (a: unknown, b: unknown) => a == b || (a !== a && b !== b) // eslint-disable-line eqeqeq
  const deepEqual = strict ? isDeepStrictEqual : looseDeepEqual
  const assert = function ok(value: unknown, message?: unknown) {
    if (!value) fail(value, true, message ?? (arguments.length ? undefined : 'No value argument passed to `assert.ok()`'), '==', ok)
  } as ((value: unknown, message?: unknown) => asserts value) & Record<string, unknown>
  Object.assign(assert, {
    ok: assert,
    AssertionError,
    fail(message?: unknown): never { return fail(undefined, undefined, message ?? 'Failed', 'fail', assert.fail as Function) },
    equal: function equalCheck(actual: unknown, expected: unknown, message?: unknown) { if (!equal(actual, expected)) fail(actual, expected, message, strict ? 'strictEqual' : '==', equalCheck) },
    notEqual: function notEqual(actual: unknown, expected: unknown, message?: unknown) { if (equal(actual, expected)) fail(actual, expected, message, strict ? 'notStrictEqual' : '!=', notEqual) },
    strictEqual: function strictEqual(actual: unknown, expected: unknown, message?: unknown) { if (!Object.is(actual, expected)) fail(actual, expected, message, 'strictEqual', strictEqual) },
    notStrictEqual: function notStrictEqual(actual: unknown, expected: unknown, message?: unknown) { if (Object.is(actual, expected)) fail(actual, expected, message, 'notStrictEqual', notStrictEqual) },
    deepEqual: function deepEqualCheck(actual: unknown, expected: unknown, message?: unknown) { if (!deepEqual(actual, expected)) fail(actual, expected, message, strict ? 'deepStrictEqual' : 'deepEqual', deepEqualCheck) },
    notDeepEqual: function notDeepEqual(actual: unknown, expected: unknown, message?: unknown) { if (deepEqual(actual, expected)) fail(actual, expected, message, strict ? 'notDeepStrictEqual' : 'notDeepEqual', notDeepEqual) },
    deepStrictEqual: function deepStrictEqual(actual: unknown, expected: unknown, message?: unknown) { if (!isDeepStrictEqual(actual, expected)) fail(actual, expected, message, 'deepStrictEqual', deepStrictEqual) },
    notDeepStrictEqual: function notDeepStrictEqual(actual: unknown, expected: unknown, message?: unknown) { if (isDeepStrictEqual(actual, expected)) fail(actual, expected, message, 'notDeepStrictEqual', notDeepStrictEqual) },
    match: function match(actual: string, expected: RegExp, message?: unknown) { if (!expected.test(actual)) fail(actual, expected, message, 'match', match) },
    doesNotMatch: function doesNotMatch(actual: string, expected: RegExp, message?: unknown) { if (expected.test(actual)) fail(actual, expected, message, 'doesNotMatch', doesNotMatch) },
    ifError: function ifError(value: unknown) { if (value !== null && value !== undefined) throw value instanceof Error ? value : new AssertionError({ message: `ifError got unwanted exception: ${inspect(value)}`, actual: value, operator: 'ifError', stackStartFn: ifError }) },
    throws: function throws(fn: () => unknown, expected?: unknown, message?: unknown) {
      if (typeof expected === 'string') [message, expected] = [expected, undefined]
      try { fn() } catch (error) {
        if (!matches(error, expected)) throw error
        return
      }
      fail(undefined, expected, message ?? 'Missing expected exception.', 'throws', throws)
    },
    doesNotThrow: function doesNotThrow(fn: () => unknown, _expected?: unknown, message?: unknown) {
      try { fn() } catch (error) { fail(error, undefined, message ?? `Got unwanted exception.\nActual message: "${(error as Error)?.message}"`, 'doesNotThrow', doesNotThrow) }
    },
    rejects: async function rejects(promiseOrFn: unknown, expected?: unknown, message?: unknown) {
      if (typeof expected === 'string') [message, expected] = [expected, undefined]
      try { await (typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn) } catch (error) {
        if (!matches(error, expected)) throw error
        return
      }
      fail(undefined, expected, message ?? 'Missing expected rejection.', 'rejects', rejects)
    },
    doesNotReject: async function doesNotReject(promiseOrFn: unknown, _expected?: unknown, message?: unknown) {
      try { await (typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn) } catch (error) { fail(error, undefined, message ?? `Got unwanted rejection.\nActual message: "${(error as Error)?.message}"`, 'doesNotReject', doesNotReject) }
    },
  })
  return assert
}

export function createAssertModule(): Record<string, unknown> {
  const assert = createAssert(false)
  const strict = createAssert(true)
  assert.strict = strict
  strict.strict = strict
  return assert
}
