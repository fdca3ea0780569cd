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

  it('keeps a stepping run\'s steps when it is cut short, and says so when they reached the most a run records', async () => {
    const looping = testFlow([onExecute('let turns = 0\nwhile (turns < 200000) turns++')])
    const events: RunEvent[] = []
    const whole = await runFlow(looping, { steps: true, onProgress: (event) => events.push(event) })
    const request = { kind: 'run' as const, doc: looping, options: { steps: true } }
    const cut = (count: number) => {
      const received = new ReceivedRun(request)
      for (const event of events.slice(0, count)) received.receive(event)
      return interruptedResult(request, received, { kind: 'timeout', limitMs: 1000 })
    }
    const early = cut(10)
    expect(early.steps!.map((step) => step.line)).toEqual(whole.steps!.slice(0, early.steps!.length).map((step) => step.line))
    expect(early.steps!.length).toBeGreaterThan(2)
    expect(early.warnings).toEqual([])
    const late = cut(events.length - 1)
    expect(late.steps).toHaveLength(100_000)
    // A sandbox that sends more than the engine records is not followed.
    const flooded = new ReceivedRun(request)
    for (const event of events) flooded.receive(event)
    for (let i = 0; i < 10; i++) flooded.receive({ type: 'step', step: whole.steps![0] })
    expect(flooded.log.steps).toHaveLength(100_000)
    expect(late.warnings.map((warning) => warning.code)).toEqual(['steps-dropped'])
    // A run that did not step has none to keep.
    expect(interruptedResult({ kind: 'run', doc, options: {} }, new ReceivedRun({ kind: 'run', doc, options: {} }), { kind: 'stopped' }).steps).toBeUndefined()
  })
})
