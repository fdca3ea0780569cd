import { describe, expect, it } from 'vitest'
import { cutJson, cutList, cutString } from './cut.ts'
import { jsonTokens } from './jsonTokens.ts'

const TEN_MB = 'x'.repeat(10_000_000)

describe('long values', () => {
  it('are cut to their first 2,000 characters, saying how much is left out', () => {
    expect(cutString('short')).toEqual({ text: 'short', hidden: null })
    const cut = cutString(TEN_MB)
    expect(cut.text).toHaveLength(2_001)
    expect(cut.hidden).toBe('9,998,000 more characters')
  })

  it('cut long strings inside JSON, and blocks after 200 lines, unless all of it is asked for', () => {
    const value = { notes: TEN_MB, after: 1, list: Array.from({ length: 300 }, (_, index) => index) }
    const block = cutJson(value, 2)
    expect(block.text).toContain('"after": 1')
    expect(block.text.split('\n')).toHaveLength(201)
    expect(block.hidden).toBe('106 more lines and 9,998,000 more characters')
    expect(cutJson(value, 2, true).text).toHaveLength(JSON.stringify(value, null, 2).length)
    expect(cutJson({ a: 1 }, 2)).toEqual({ text: '{\n  "a": 1\n}', hidden: null })
  })

  it('cut inline JSON to 4,000 characters', () => {
    const many = Object.fromEntries(Array.from({ length: 1000 }, (_, index) => [`key${index}`, index]))
    const inline = cutJson(many)
    expect(inline.text.length).toBe(4_001)
    expect(cutJson({ notes: TEN_MB }).hidden).toBe('9,998,000 more characters')
    expect(inline.hidden).toMatch(/^[\d,]+ more characters$/)
  })

  it('cut lists to their first 100 items', () => {
    expect(cutList([1, 2], false)).toEqual({ shown: [1, 2], hidden: null })
    const long = Array.from({ length: 250 }, (_, index) => index)
    expect(cutList(long, false)).toMatchObject({ hidden: '150 more' })
    expect(cutList(long, false).shown).toHaveLength(100)
    expect(cutList(long, true).shown).toHaveLength(250)
  })
})

describe('JSON colouring', () => {
  it('finds keys, strings, numbers and literals', () => {
    expect(jsonTokens(String.raw`{"a": "b\"", "n": -1.5e3, "t": [true, null]}`).filter((token) => token.kind !== 'plain')).toEqual([
      { kind: 'key', text: '"a"' }, { kind: 'string', text: String.raw`"b\""` }, { kind: 'key', text: '"n"' }, { kind: 'number', text: '-1.5e3' },
      { kind: 'key', text: '"t"' }, { kind: 'literal', text: 'true' }, { kind: 'literal', text: 'null' },
    ])
  })

  it('scans a 10 MB string and text cut inside a string without overflowing the stack', () => {
    const text = JSON.stringify({ notes: TEN_MB })
    const started = performance.now()
    expect(jsonTokens(text).map((token) => token.kind)).toEqual(['plain', 'key', 'plain', 'string', 'plain'])
    expect(performance.now() - started).toBeLessThan(2_000)
    expect(jsonTokens('["abc').map((token) => token.kind)).toEqual(['plain', 'string'])
  })
})
