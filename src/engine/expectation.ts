/**
 * The `expect` of a flow test: a partial deep match against a run's result JSON. Objects match when every
 * listed key matches (unlisted keys are ignored), arrays element by element (same length), other values by
 * strict equality. An object whose single key starts with `$` is an operator, for what plain values cannot say:
 *
 *   { "$absent": true }          the key is not there (null is a value: it is present)
 *   { "$present": true }         the key is there, whatever its value (null too)
 *   { "$contains": "text" }      a string that contains the text
 *   { "$matches": "^ab+c$" }     a string that the regular expression (JavaScript syntax, unanchored) matches
 *   { "$includes": [a, b] }      an array with, for each listed element, an element that matches it (partially, any order)
 *   { "$equals": value }         exactly this value: no extra keys, no operators inside
 */
import type { JsonValue, Mismatch } from './types.ts'

export const OPERATORS = ['$absent', '$present', '$contains', '$matches', '$includes', '$equals'] as const
export type Operator = (typeof OPERATORS)[number]


type Segment = string | number

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/** `a.b["c/d"][0]`: the path as a JavaScript accessor. */
export function formatResultPath(path: readonly Segment[]): string {
  let out = ''
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`
    else if (IDENTIFIER.test(part)) out += out ? `.${part}` : part
    else out += `[${JSON.stringify(part)}]`
  }
  return out || '(result)'
}

const MAX_SHOWN = 300

/** A value as compact JSON for messages, cut when long; `undefined` is an absent value. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing (absent)'
  const text = JSON.stringify(value) ?? String(value)
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}… (${text.length} characters)` : text
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const kind = (value: unknown) => (value === undefined ? 'absent' : value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value)

/** The operator of an operator object, or `undefined` for a plain value. */
function operatorOf(value: unknown): string | undefined {
  if (!isObject(value)) return undefined
  const keys = Object.keys(value)
  return keys.length === 1 && keys[0].startsWith('$') ? keys[0] : undefined
}

/**
 * The problems of an `expect` value: operators that are unknown, not alone in their object, or with an
 * operand of the wrong kind. Each has the path below `expect` where it is.
 */
export function checkExpectation(value: unknown, path: Segment[] = []): { path: Segment[]; message: string }[] {
  const problems: { path: Segment[]; message: string }[] = []
  const visit = (node: unknown, at: Segment[]) => {
    if (Array.isArray(node)) return node.forEach((item, index) => visit(item, [...at, index]))
    if (!isObject(node)) return
    const keys = Object.keys(node)
    const operators = keys.filter((key) => key.startsWith('$'))
    if (!operators.length) return keys.forEach((key) => visit(node[key], [...at, key]))
    if (keys.length > 1) {
      problems.push({ path: at, message: `an operator stands alone in its object, as in { "${operators[0]}": … }, but this object has the keys ${keys.map((key) => `"${key}"`).join(', ')} (to match a key that starts with "$", use { "$equals": { … } })` })
      return
    }
    const [operator] = operators
    const operand = node[operator]
    const where = [...at, operator]
    switch (operator as Operator) {
      case '$absent':
      case '$present':
        if (operand !== true) problems.push({ path: where, message: `takes true (got ${showValue(operand)})${operand === false ? `; use { "${operator === '$absent' ? '$present' : '$absent'}": true }` : ''}` })
        return
      case '$contains':
        if (typeof operand !== 'string') problems.push({ path: where, message: `takes a string (got ${kind(operand)}); to find an element in an array, use { "$includes": [element] }` })
        return
      case '$matches':
        if (typeof operand !== 'string') problems.push({ path: where, message: `takes a regular expression as a string (got ${kind(operand)})` })
        else {
          try {
            new RegExp(operand)
          } catch (error) {
            problems.push({ path: where, message: `is not a valid regular expression: ${(error as Error).message}` })
          }
        }
        return
      case '$includes':
        if (!Array.isArray(operand)) problems.push({ path: where, message: `takes an array of the elements to find (got ${kind(operand)})` })
        else visit(operand, where)
        return
      case '$equals':
        return
      default:
        problems.push({ path: where, message: `unknown operator "${operator}" (the operators are ${OPERATORS.join(', ')}; to match a key that starts with "$", use { "$equals": { … } })` })
    }
  }
  visit(value, path)
  return problems
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, index) => deepEqual(item, b[index]))
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a)
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]))
  }
  return false
}

/**
 * Matches `actual` (a run's result as JSON) against `expected`; returns every expectation that did not hold,
 * in document order. `expected` is assumed to pass `checkExpectation`.
 */
export function matchExpectation(expected: JsonValue, actual: unknown): Mismatch[] {
  const mismatches: Mismatch[] = []
  const visit = (want: JsonValue, got: unknown, path: Segment[]) => {
    const miss = (message: string) => mismatches.push({
      path: formatResultPath(path),
      expected: want,
      ...(got === undefined ? {} : { actual: got as JsonValue }),
      message,
    })
    const received = `received ${showValue(got)}`
    const operator = operatorOf(want)
    if (operator) {
      const operand = (want as Record<string, JsonValue>)[operator]
      switch (operator as Operator) {
        case '$absent':
          if (got !== undefined) miss(`expected absent, ${received}`)
          return
        case '$present':
          if (got === undefined) miss('expected present, received nothing (absent)')
          return
        case '$contains':
          if (typeof got !== 'string' || !got.includes(operand as string)) miss(`expected a string containing ${showValue(operand)}, ${received}`)
          return
        case '$matches':
          if (typeof got !== 'string' || !new RegExp(operand as string).test(got)) miss(`expected a string matching /${operand}/, ${received}`)
          return
        case '$includes': {
          const elements = operand as JsonValue[]
          if (!Array.isArray(got)) return miss(`expected an array including ${elements.map(showValue).join(', ')}, ${received}`)
          const missing = elements.filter((element) => !got.some((item) => matchExpectation(element, item).length === 0))
          if (missing.length) miss(`expected an array including ${elements.map(showValue).join(', ')}, ${received} (missing ${missing.map(showValue).join(', ')})`)
          return
        }
        case '$equals':
          if (!deepEqual(operand, got)) miss(`expected exactly ${showValue(operand)}, ${received}`)
          return
      }
    }
    if (Array.isArray(want)) {
      if (!Array.isArray(got)) return miss(`expected ${showValue(want)}, ${received}`)
      if (want.length !== got.length) return miss(`expected ${showValue(want)}, ${received} (${want.length} element${want.length === 1 ? '' : 's'} expected, ${got.length} received)`)
      want.forEach((item, index) => visit(item, got[index], [...path, index]))
      return
    }
    if (isObject(want)) {
      if (!isObject(got)) return miss(`expected an object like ${showValue(want)}, ${received}`)
      for (const key of Object.keys(want)) visit(want[key] as JsonValue, Object.hasOwn(got, key) ? got[key] : undefined, [...path, key])
      return
    }
    if (got !== want) miss(`expected ${showValue(want)}, ${received}`)
  }
  visit(expected, actual, [])
  return mismatches
}
