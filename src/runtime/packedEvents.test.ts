import { deflateSync, strToU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { ProgressEvent } from '../engine/index.ts'
import { PACKED_TEXT_LIMIT, packEvents, unpackEvents } from './packedEvents.ts'

const events = (count: number) => Array.from({ length: count }, (_, seq) => ({
  type: 'timeline', entry: { seq, kind: 'api', call: 'api.user.setAppMetadata', args: ['plan', `pro ✓ ${seq}`], action: 'A', actionId: 'a', phase: 'execute', line: 2 },
})) as ProgressEvent[]

describe('packed progress', () => {
  it('keeps a small batch as JSON text and compresses a large one, and unpacks both to the same events', () => {
    const small = packEvents(events(3))
    expect(small).toEqual({ json: JSON.stringify(events(3)) })
    expect(unpackEvents(small)).toEqual(events(3))

    const large = packEvents(events(1000))
    expect('deflated' in large && large.deflated.length).toBeLessThan(JSON.stringify(events(1000)).length / 10)
    expect(unpackEvents(large)).toEqual(events(1000))
  })

  it('unpacks nothing from what is not packed JSON', () => {
    const deflated = (text: string) => ({ deflated: deflateSync(strToU8(text)), size: strToU8(text).length })
    expect(unpackEvents(deflated('[1]'))).toEqual([1])
    for (const packed of [null, 42, 'text', [], { json: 7 }, { json: '[{"type":' }, { ...deflated('[]'), size: -1 }, { ...deflated('[]'), size: 1.5 },
      { deflated: new Uint8Array([1, 2, 3]), size: 10 }, { deflated: [1, 2], size: 2 }]) {
      expect(unpackEvents(packed)).toBeNull()
    }
  })

  it('make no more room than the size they claim, and refuse to claim more than the limit', () => {
    // Bytes that inflate to 64 MB of spaces, claiming 100 bytes: cut at 100 bytes, which are not events.
    const bomb = deflateSync(new Uint8Array(64e6).fill(32), { level: 9 })
    expect(unpackEvents({ deflated: bomb, size: 100 })).toBeNull()
    expect(unpackEvents({ deflated: bomb, size: PACKED_TEXT_LIMIT + 1 })).toBe('too big')
  })
})
