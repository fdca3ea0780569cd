import { describe, expect, it } from 'vitest'
import { runFlow } from '../engine/pipeline.ts'
import { onExecute, testFlow } from '../engine/testing.ts'
import type { RunEvent } from '../engine/runEvents.ts'
import { interruptedResult } from './interruptedResult.ts'
import { ReceivedRun } from './receivedRun.ts'

describe('a run as a host receives it', () => {
  const doc = testFlow([onExecute('console.log("one")'), onExecute('console.log("two")'), onExecute('console.log("three")')])

  it('folds the events into the log the engine keeps, timing each action by when its events arrived', async () => {
    const events: RunEvent[] = []
    const result = await runFlow(doc, { onProgress: (event) => events.push(event) })
    const received = new ReceivedRun({ kind: 'run', doc, options: {} })
    events.forEach((event, index) => received.receive(event, index * 10))
    expect(received.log.timeline).toEqual(result.timeline)
    expect(received.log.actions.map((action) => action.logs)).toEqual(result.actions.map((action) => action.logs))
    expect(received.log.actions.every((action) => action.durationMs > 0)).toBe(true)
    expect([received.running, received.reached]).toEqual([null, 3])
  })

  it('rebuilds a run cut short: the running action failed, the ones after it skipped, the console output kept', async () => {
    const events: RunEvent[] = []
    await runFlow(doc, { onProgress: (event) => events.push(event) })
    const secondStarts = events.findIndex((event) => event.type === 'action' && event.index === 1 && event.status === 'running')
    const received = new ReceivedRun({ kind: 'run', doc, options: {} })
    for (const event of events.slice(0, secondStarts + 3)) received.receive(event)
    expect(received.running?.index).toBe(1)
    const result = interruptedResult({ kind: 'run', doc, options: {} }, received, { kind: 'stopped' })
    expect(result.actions.map((action) => action.status)).toEqual(['ok', 'failed', 'skipped'])
    expect(result.actions.map((action) => action.logs.map((log) => log.message))).toEqual([['one'], ['two'], []])
    expect(result.timeline.at(-1)?.call).toBe('flow.end')
  })
})
