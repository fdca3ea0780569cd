import { deflateSync, strToU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { PROGRESS_TEXT_LIMIT, readSandboxMessage } from './sandboxMessages.ts'

const event = { type: 'timeline', entry: { seq: 1, kind: 'api', call: 'api.user.setAppMetadata', args: ['plan', 'pro ✓'], action: 'A', actionId: 'a', phase: 'execute' } }
const packed = (text: string) => deflateSync(strToU8(text), { level: 1 })

describe('messages from the sandbox', () => {
  it('read progress from the compressed JSON text of its events', () => {
    const events = Array.from({ length: 1000 }, (_, seq) => ({ ...event, entry: { ...event.entry, seq } }))
    expect(readSandboxMessage({ type: 'progress', runId: 3, events: packed(JSON.stringify(events)) })).toEqual({ type: 'progress', runId: 3, events })
  })

  it('drop progress that is not the compressed JSON text of events', () => {
    for (const events of [packed('[{"type":'), packed('{"type":"timeline"}'), packed('[1, 2]'), new Uint8Array([1, 2, 3]), JSON.stringify([event]), [event], 42]) {
      expect(readSandboxMessage({ type: 'progress', runId: 3, events })).toBeNull()
    }
  })

  it('stop inflating past the limit and end the run, whatever the bytes would inflate to', () => {
    // Bytes that inflate to a thousand times their size: a few hundred kilobytes past the limit.
    const bomb = deflateSync(new Uint8Array(PROGRESS_TEXT_LIMIT + 1e6).fill(32), { level: 9 })
    expect(bomb.length).toBeLessThan(PROGRESS_TEXT_LIMIT / 500)
    expect(readSandboxMessage({ type: 'progress', runId: 3, events: bomb })).toEqual({ type: 'crashed', runId: 3, detail: 'it sent more than 128 MB of progress at once.' })
  })

  it('drop a message without a run id, and say a result that cannot be read is a crash', () => {
    expect(readSandboxMessage({ type: 'progress', events: packed(JSON.stringify([event])) })).toBeNull()
    expect(readSandboxMessage({ type: 'result', runId: 1, result: { status: 'completed' } })).toMatchObject({ type: 'crashed', runId: 1 })
  })
})
