/**
 * Differential cases for the emulated `Buffer` and for Node's text formatting (`util.inspect`, `util.format`,
 * `console.*`): each case runs against an implementation passed in and gives a comparable outcome, so the same
 * cases compare the emulation with Node under Vitest (nodeBuiltins.test.ts) and in Chromium (e2e/differential.spec.ts).
 */

/** A comparable outcome: bytes as hex, other values as JSON, errors by name, code and message. */
function outcome(B: typeof Buffer, run: () => unknown): string {
  try {
    const value = run()
    return value instanceof Uint8Array ? `bytes ${B.from(value).toString('hex')}` : JSON.stringify(value)
  } catch (error) {
    const { name, message, code } = error as Error & { code?: string }
    return `threw ${name} ${code} ${message}`
  }
}

export const BUFFER_ENCODINGS = [
  'utf8', 'utf-8', 'UTF8', 'utf16le', 'utf-16le', 'ucs2', 'ucs-2', 'latin1', 'binary', 'base64', 'base64url', 'hex',
  'ascii', 'Base64URL', 'HEX',
] as BufferEncoding[]
const STRINGS = ['', 'hello', 'ünï😀\u0000\uffff', 'SGVsbG8-_w', 'SGVsbG8+/w==', 'a b=', 'abc', 'zz0102', '\ud800x', 'AQID', 'AQ', 'eyJhbGciOiJIUzI1NiJ9']
const BYTES = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) % 256)
const HAYSTACK = 'xxhelloSGVsbG8ünï😀abc'

/** `Buffer`'s encodings, search and errors, case by case: label to outcome. */
export function bufferOutcomes(B: typeof Buffer): Record<string, string> {
  const out: Record<string, string> = {}
  const add = (label: string, run: () => unknown) => { out[label] = outcome(B, run) }
  for (const encoding of BUFFER_ENCODINGS) {
    add(`${encoding} isEncoding`, () => B.isEncoding(encoding))
    add(`${encoding} toString`, () => B.from(BYTES).toString(encoding))
    add(`${encoding} toString range`, () => B.from(BYTES).toString(encoding, 3, 50))
    for (const text of STRINGS) {
      const label = (what: string) => `${encoding} ${what} ${JSON.stringify(text)}`
      add(label('from'), () => B.from(text, encoding))
      add(label('round trip'), () => B.from(B.from(text, encoding).toString(encoding), encoding))
      add(label('byteLength'), () => B.byteLength(text, encoding))
      add(label('write'), () => { const b = B.alloc(8); return [b.write(text, 1, encoding), b.toString('hex')] })
      add(label('write length'), () => { const b = B.alloc(8); return [b.write(text, 1, 3, encoding), b.toString('hex')] })
      add(label('write encoding only'), () => { const b = B.alloc(8); return [b.write(text, encoding), b.toString('hex')] })
      add(label('fill'), () => B.alloc(9).fill(text, 1, 8, encoding))
      add(label('fill encoding only'), () => B.alloc(9).fill(text, encoding))
      add(label('alloc'), () => B.alloc(7, text, encoding))
      add(label('indexOf'), () => B.from(HAYSTACK).indexOf(text, 0, encoding))
      add(label('indexOf encoding only'), () => B.from(HAYSTACK).indexOf(text, encoding))
      add(label('includes'), () => B.from(HAYSTACK).includes(text, 2, encoding))
      add(label('lastIndexOf'), () => B.from(HAYSTACK).lastIndexOf(text, undefined, encoding))
    }
  }
  for (const offset of [undefined, 0, 4, 10, -2, -100]) {
    add(`indexOf '' ${offset}`, () => B.from('abcabc').indexOf('', offset))
    add(`lastIndexOf '' ${offset}`, () => B.from('abcabc').lastIndexOf('', offset))
    add(`includes '' ${offset}`, () => B.from('abcabc').includes('', offset))
  }
  add('unknown encoding: from', () => B.from('x', 'nope' as BufferEncoding))
  add('unknown encoding: toString', () => B.alloc(2).toString('nope' as BufferEncoding))
  add('unknown encoding: write', () => B.alloc(2).write('x', 'nope' as BufferEncoding))
  add('unknown encoding: isEncoding', () => [B.isEncoding(''), B.isEncoding('nope'), B.isEncoding(5 as never)])
  add('unknown encoding: byteLength counts UTF-8', () => B.byteLength('ü', 'nope' as BufferEncoding))
  add('JSON and comparisons', () => [B.from('ab').toJSON(), B.compare(B.from('a'), B.from('b')), B.from('ab').equals(B.from('ab'))])
  add('numbers', () => { const b = B.alloc(8); b.writeUInt32BE(0xdeadbeef, 0); b.writeInt16LE(-2, 4); return [b.readUInt32BE(0), b.readInt16LE(4), b.toString('hex')] })
  return out
}

class Point { constructor(public x = 1, public y = 2) {} }
class Empty {}
const circular: Record<string, unknown> = { name: 'loop' }
circular.self = circular

export const INSPECT_VALUES: Array<[string, () => unknown]> = [
  ['string', () => 'text'], ['quotes', () => "it's"], ['-0', () => -0], ['NaN', () => NaN], ['bigint', () => 10n],
  ['symbol', () => Symbol('s')], ['null', () => null], ['undefined', () => undefined], ['function', () => function named() {}],
  ['arrow', () => () => 1], ['class', () => Point], ['instance', () => new Point()], ['empty instance', () => new Empty()],
  ['null prototype', () => Object.assign(Object.create(null), { a: 1 })], ['nested', () => ({ a: { b: { c: { d: { e: 1 } } } } })],
  ['long array', () => Array.from({ length: 120 }, (_, i) => i)], ['grouped numbers', () => Array.from({ length: 30 }, (_, i) => i * 1000)],
  ['sparse', () => [1, , 3]], ['array props', () => Object.assign([1, 2], { extra: true })], ['map', () => new Map<unknown, unknown>([['a', 1], [{ k: 1 }, [2]]])],
  ['set', () => new Set([1, 'two', [3]])], ['date', () => new Date(0)], ['invalid date', () => new Date(NaN)], ['regexp', () => /a+b/gi],
  ['circular', () => circular], ['keys needing quotes', () => ({ 'a-b': 1, 2: 'two', valid_id: 3 })],
  ['Uint8Array', () => new Uint8Array([1, 2, 3])], ['Float64Array', () => new Float64Array([1.5, -0])],
  ['boxed', () => [new Number(3), new String('s'), new Boolean(false)]], ['long string', () => 'x'.repeat(20000)],
  ['multiline string in object', () => ({ text: 'a\nb' })], ['wide object', () => Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`key${i}`, `value ${i}`]))],
  ['getter', () => ({ get g() { return 1 } })], ['object with toString', () => ({ toString: () => 'x' })],
]

export const FORMAT_CASES: unknown[][] = [
  ['%c styled %s', 'color: red', 'text'], ['%d %i %f', '42.5', 42.9, '3.25'], ['%d', -0], ['%i', 2n ** 70n], ['%j', circular],
  ['%%s %s', 'a'], ['%s', Symbol('x')], ['%s %s', 'only one'], ['no placeholders', { a: 1 }, 'b'], ['%o', [1, { a: 2 }]],
  [{ a: 1 }, 'then', 2], ['%s', -0], ['%s', 12345678901234567890n], ['%s', new Point()], ['%s', null, undefined],
]

interface Formatting {
  inspect(value: unknown, options?: object): string
  format(...args: unknown[]): string
  /** What `console.log` prints; Node's is `util.format`. */
  log(...args: unknown[]): string
}

/** `util.inspect`, `util.format` and `console.log` text, case by case: label to outcome. */
export function formattingOutcomes(util: Formatting, B: typeof Buffer): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [label, make] of INSPECT_VALUES) {
    out[`inspect ${label}`] = util.inspect(make())
    out[`inspect ${label} with options`] = util.inspect(make(), { depth: 0, compact: false, breakLength: 40 })
    out[`format ${label}`] = util.format(make())
    out[`format ${label} in placeholders`] = util.format('%s|%O|%j', make(), make(), 1)
    // %o shows hidden internals, which differ for typed arrays outside Node.
    if (!label.endsWith('Array')) out[`format %o ${label}`] = util.format('%o', make())
    out[`console.log ${label}`] = util.log('value:', make())
  }
  FORMAT_CASES.forEach((args, index) => {
    out[`format case ${index}`] = util.format(...args)
    out[`console.log case ${index}`] = util.log(...args)
  })
  for (const text of ['', 'ab', 'x'.repeat(60)]) {
    out[`inspect Buffer ${text.length}`] = util.inspect(B.from(text))
    out[`inspect nested Buffer ${text.length}`] = util.inspect({ nested: B.from(text) })
  }
  return out
}
