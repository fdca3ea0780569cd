import { describe, expect, it } from 'vitest'
import { continueFlow, runFlow } from './pipeline.ts'
import { recordRunEvent, startRunLog, withoutStreamed, withStreamed, type RunEvent } from './runEvents.ts'
import { onExecute, testFlow } from './testing.ts'
import type { FlowDocument } from './flowDocument.ts'
import type { RunResult } from './types.ts'

const FIXED = { now: '2026-05-01T12:00:00Z', seed: 3 }

async function streamed(run: (onProgress: (event: RunEvent) => void) => Promise<RunResult>) {
  const events: RunEvent[] = []
  const result = await run((event) => events.push(structuredClone(event)))
  return { result, events }
}

function folded(doc: FlowDocument, previous: RunResult | null, events: RunEvent[], stepping = false) {
  const log = startRunLog(doc, previous, stepping)
  for (const event of events) recordRunEvent(log, event)
  return log
}

describe('the run event stream', () => {
  const doc = testFlow([
    onExecute('console.log("first"); api.user.setAppMetadata("plan", "pro"); api.idToken.setCustomClaim("https://x.y/a", 1)'),
    `exports.onExecutePostLogin = async (event, api) => { console.warn("leaving"); api.redirect.sendUserTo("https://example.com/step") };
exports.onContinuePostLogin = async (event, api) => { console.log("back"); api.accessToken.addScope("read:x") };`,
    onExecute('console.log("after")'),
  ])

  it('folds into the timeline and console output the engine gives, across the pause and /continue', async () => {
    const first = await streamed((onProgress) => runFlow(doc, { ...FIXED, onProgress }))
    expect(first.result.status).toBe('suspended')
    const firstLog = folded(doc, null, first.events)
    expect(firstLog.timeline).toEqual(first.result.timeline)
    expect(firstLog.actions.map((action) => action.logs)).toEqual(first.result.actions.map((action) => action.logs))
    expect(firstLog.actions.map((action) => [action.status, action.phases])).toEqual(first.result.actions.map((action) => [action.status, action.phases]))

    const second = await streamed((onProgress) => continueFlow(doc, first.result, { query: { state: first.result.redirect!.state } }, { ...FIXED, onProgress }))
    expect(second.result.status).toBe('completed')
    const secondLog = folded(doc, first.result, second.events)
    expect(secondLog.timeline).toEqual(second.result.timeline)
    expect(secondLog.actions.map((action) => action.logs)).toEqual(second.result.actions.map((action) => action.logs))
    expect(second.result.actions[1].logs.map((log) => log.message)).toEqual(['leaving', 'back'])
  })

  it('sends each entry once, in order, an api call once it returned or threw', async () => {
    const refusing = testFlow([onExecute('api.cache.set("k", "v"); try { api.user.setAppMetadata(42, 1) } catch { console.error("refused") }')])
    const { result, events } = await streamed((onProgress) => runFlow(refusing, { ...FIXED, onProgress }))
    expect(result.status).toBe('completed')
    const entries = events.flatMap((event) => (event.type === 'timeline' ? [event.entry] : []))
    expect(entries.map((entry) => entry.seq)).toEqual(result.timeline.map((_, index) => index))
    const refused = entries.find((entry) => entry.call === 'api.user.setAppMetadata' && entry.error)
    expect(refused?.error).toMatch(/string/)
    expect(entries.find((entry) => entry.call === 'api.cache.set')?.returned).toMatchObject({ type: 'success' })
    expect(new Set(entries).size).toBe(entries.length)
  })

  it('keeps the order of what an api call\'s arguments do while the call runs', async () => {
    const nested = testFlow([onExecute('api.user.setAppMetadata("k", { toJSON() { console.log("inside"); return 1 } })')])
    const { result, events } = await streamed((onProgress) => runFlow(nested, { ...FIXED, onProgress }))
    expect(folded(nested, null, events).timeline).toEqual(result.timeline)
    expect(result.timeline.map((entry) => entry.seq)).toEqual(result.timeline.map((_, index) => index))
  })

  it('leaves out of a result what the stream carried, and puts it back', async () => {
    const { result, events } = await streamed((onProgress) => runFlow(doc, { ...FIXED, onProgress }))
    const sent = withoutStreamed(result)
    expect(sent.timeline).toEqual([])
    expect(sent.actions.every((action) => action.logs.length === 0)).toBe(true)
    expect(withStreamed(sent, folded(doc, null, events))).toEqual(result)
    // A result that came whole (rebuilt where the engine threw) is kept as it came.
    expect(withStreamed(result, folded(doc, null, []))).toBe(result)
  })

  it('carries a stepping run\'s steps, the continued run\'s after the suspended run\'s, and puts them back', async () => {
    const first = await streamed((onProgress) => runFlow(doc, { ...FIXED, steps: true, onProgress }))
    expect(first.events.some((event) => event.type === 'step')).toBe(true)
    expect(folded(doc, null, first.events, true).steps).toEqual(first.result.steps)
    const second = await streamed((onProgress) => continueFlow(doc, first.result, { query: { state: first.result.redirect!.state } }, { ...FIXED, steps: true, onProgress }))
    const log = folded(doc, first.result, second.events, true)
    expect(log.steps).toEqual(second.result.steps)
    expect(log.steps!.length).toBeGreaterThan(first.result.steps!.length)
    const sent = withoutStreamed(second.result)
    expect(sent.steps).toEqual([])
    expect(withStreamed(sent, log)).toEqual(second.result)
    // A run that does not step has no steps to carry.
    expect(withoutStreamed(await runFlow(doc, FIXED)).steps).toBeUndefined()
  })
})
