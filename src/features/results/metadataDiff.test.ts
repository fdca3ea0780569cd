import { describe, expect, it } from 'vitest'
import { diffMetadata, sameJson } from './metadataDiff.ts'

describe('diffMetadata', () => {
  it('marks each key added, changed, removed or unchanged', () => {
    const rows = diffMetadata(
      { plan: 'gold', language: 'en', legacy: true, prefs: { theme: 'dark', size: 2 } },
      { plan: 'silver', language: 'en', prefs: { size: 2, theme: 'dark' }, favorite_color: 'blue' },
    )
    expect(rows).toEqual([
      { key: 'plan', change: 'changed', before: 'gold', after: 'silver' },
      { key: 'language', change: 'unchanged', before: 'en', after: 'en' },
      { key: 'legacy', change: 'removed', before: true },
      { key: 'prefs', change: 'unchanged', before: { theme: 'dark', size: 2 }, after: { size: 2, theme: 'dark' } },
      { key: 'favorite_color', change: 'added', after: 'blue' },
    ])
  })

  it('is empty when both sides are empty', () => {
    expect(diffMetadata({}, {})).toEqual([])
  })

  it('sees a changed nested value and a changed type', () => {
    expect(diffMetadata({ roles: ['a', 'b'], count: 1 }, { roles: ['a'], count: '1' }).map((row) => row.change)).toEqual(['changed', 'changed'])
  })

  it('treats a key set to undefined as present', () => {
    expect(diffMetadata({ gone: undefined }, {})).toEqual([{ key: 'gone', change: 'removed', before: undefined }])
  })
})

describe('sameJson', () => {
  it('compares deeply, ignoring key order', () => {
    expect(sameJson({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true)
    expect(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true)
    expect(sameJson([1], { 0: 1 })).toBe(false)
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false)
    expect(sameJson(null, {})).toBe(false)
  })
})
