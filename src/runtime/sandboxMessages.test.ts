import { deflateSync, strToU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { readSandboxMessage } from './sandboxMessages.ts'
import { packEvents, PACKED_TEXT_LIMIT } from './packedEvents.ts'
import type { ProgressEvent } from '../engine/index.ts'

const event = { type: 'timeline', entry: { seq: 1, kind: 'api', call: 'api.user.setAppMetadata', args: ['plan', 'pro'], action: 'A', actionId: 'a', phase: 'execute' } } as ProgressEvent

describe('messages from the sandbox', () => {
  it('read progress from its packed events, and drop progress that carries none', () => {
    expect(readSandboxMessage({ type: 'progress', runId: 3, events: packEvents([event]) })).toEqual({ type: 'progress', runId: 3, events: [event] })
    expect(readSandboxMessage({ type: 'progress', runId: 3, events: [event] })).toBeNull()
    // Packed well, but not events.
    for (const json of ['{"type":"timeline"}', '[1, 2]', '[[]]', '[{"type":1}]']) {
      expect(readSandboxMessage({ type: 'progress', runId: 3, events: { json } })).toBeNull()
    }
    const text = '[1]'
    expect(readSandboxMessage({ type: 'progress', runId: 3, events: { deflated: deflateSync(strToU8(text)), size: text.length } })).toBeNull()
  })

  it('end the run when progress claims more than the page makes room for', () => {
    expect(readSandboxMessage({ type: 'progress', runId: 3, events: { deflated: new Uint8Array(8), size: PACKED_TEXT_LIMIT + 1 } }))
      .toEqual({ type: 'crashed', runId: 3, detail: 'it sent more than 128 MB of progress at once.' })
  })

  it('drop a message without a run id, and say a result that cannot be read is a crash', () => {
    expect(readSandboxMessage({ type: 'progress', events: packEvents([event]) })).toBeNull()
    expect(readSandboxMessage({ type: 'result', runId: 1, result: { status: 'completed' } })).toMatchObject({ type: 'crashed', runId: 1 })
  })
})
