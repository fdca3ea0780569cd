import { describe, expect, it } from 'vitest'
import { createMasker, documentSecrets, maskFor } from './secretMask.ts'

const doc = (secrets: Record<string, string>[], event: Record<string, unknown> = {}) => ({
  actions: secrets.map((values, index) => ({ id: `a${index}`, name: `A${index}`, code: '', enabled: true, secrets: values })),
  event,
})

describe('secret masking', () => {
  it('collects the values of every action and of the event, long enough and once each', () => {
    const secrets = documentSecrets(doc([{ API_KEY: 'key-1234', SHORT: 'abc' }, { SAME: 'key-1234', OTHER: 'hunter22' }], { secrets: { EVENT_ONE: 'from-event' } }))
    expect(secrets).toEqual([{ name: 'API_KEY', value: 'key-1234' }, { name: 'OTHER', value: 'hunter22' }, { name: 'EVENT_ONE', value: 'from-event' }])
    expect(documentSecrets(null)).toEqual([])
  })

  it('masks every occurrence in a string, the longest value first, and URL-encoded values', () => {
    const mask = createMasker([{ name: 'PART', value: 'abcd' }, { name: 'WHOLE', value: 'abcd efgh' }])
    expect(mask('Bearer abcd efgh, then abcd and abcd')).toBe(`Bearer ${maskFor('WHOLE')}, then ${maskFor('PART')} and ${maskFor('PART')}`)
    expect(mask('https://x.test/?k=abcd%20efgh')).toBe(`https://x.test/?k=${maskFor('WHOLE')}`)
  })

  it('treats a value with regular-expression characters literally', () => {
    const mask = createMasker([{ name: 'ODD', value: 'a.b*c(d)' }])
    expect(mask('a.b*c(d) but not aXbbbc(d)')).toBe(`${maskFor('ODD')} but not aXbbbc(d)`)
  })

  it('masks inside JSON values and keys, and keeps untouched parts as they were', () => {
    const mask = createMasker([{ name: 'S', value: 's3cret' }])
    const untouched = { list: [1, true, null] }
    const value = { args: [{ secret: 's3cret', payload: { email: 'x@y.z' } }], untouched, 's3cret-key': 1 }
    const masked = mask(value)
    expect(masked).toEqual({ args: [{ secret: maskFor('S'), payload: { email: 'x@y.z' } }], untouched, [`${maskFor('S')}-key`]: 1 })
    expect(masked.untouched).toBe(untouched)
    expect(masked.args[0].payload).toBe(value.args[0].payload)
    const clean = { a: 'nothing here' }
    expect(mask(clean)).toBe(clean)
  })

  it('is the identity without secrets', () => {
    const value = { a: 'abc' }
    expect(createMasker([])(value)).toBe(value)
  })
})
