import { describe, expect, it } from 'vitest'
import { prepareContinue } from '../../engine/continueRequest.ts'
import { continueFlow, runFlow } from '../../engine/pipeline.ts'
import { onExecute, testFlow } from '../../engine/testing.ts'
import type { JsonObject, RunResult } from '../../engine/types.ts'
import { findExample } from '../../examples/catalog.ts'
import { CONTINUE_FILES } from '../../examples/continueFiles.ts'
import { branchTaken, buildWalk, skippedLines, type WalkItem } from '../../engine/walk.ts'
import { branchText, passText, stepPlace, topLevelNote } from '../../engine/walkNarration.ts'
import { changedKeys, stateAt } from './walkState.ts'

const example = findExample('favorite-color-redirect')!.document

async function favoriteColorWalk() {
  const suspended = await runFlow(example, { steps: true })
  const request = await prepareContinue(suspended, CONTINUE_FILES['favorite-color-redirect'])
  const result = await continueFlow(example, suspended, request, { steps: true })
  return { suspended, result, walk: buildWalk(result)! }
}

const label = (item: WalkItem) => (item.kind === 'line' ? `${item.step.phase} ${item.step.line}${item.entries.map((entry) => ` ${entry.call}`).join('')}` : item.entry.call)
const indexOf = (walk: WalkItem[], call: string) => walk.findIndex((item) => (item.kind === 'line' ? item.entries.some((entry) => entry.call === call) : item.entry.call === call))

describe('a walk through a stepping run', () => {
  it('puts statements and the engine steps in the order they happened, across the pause', async () => {
    const { walk } = await favoriteColorWalk()
    const calls = walk.map(label)
    const order = ['action.start', 'execute 7', 'execute 11 api.user.setAppMetadata', 'execute 12 api.redirect.encodeToken', 'execute 20 api.redirect.sendUserTo',
      'action.end', 'profile.update', 'redirect', 'flow.continue', 'action.continue', 'continue 32 api.redirect.validateToken',
      'continue 35 api.user.setUserMetadata', 'action.end', 'action.start']
    let from = 0
    for (const call of order) {
      const at = calls.indexOf(call, from)
      expect(at, `${call} after ${calls.slice(0, from).join(', ')}`).toBeGreaterThanOrEqual(from)
      from = at + 1
    }
    expect(calls.slice(-3)).toEqual(['profile.update', 'tokens.issued', 'flow.end'])
    expect(calls.filter((call) => call === 'flow.end')).toHaveLength(1)
  })

  it('shows the if that led to the redirect skipping its branch', async () => {
    const { walk } = await favoriteColorWalk()
    const at = walk.findIndex((item) => item.kind === 'line' && item.step.kind === 'if')
    const taken = branchTaken(walk, at)!
    expect(taken).toEqual({ branches: { then: [8, 8] }, taken: 'neither' })
    expect(skippedLines(taken)).toEqual([8, 8])
  })

  it('counts the passes of a loop body', async () => {
    const result = await runFlow(testFlow([onExecute('for (const n of [1, 2, 3]) {\n  console.log(n)\n}')]), { steps: true })
    const passes = buildWalk(result)!.filter((item) => item.kind === 'line' && item.entries.length).map((item) => item.kind === 'line' && item.pass)
    expect(passes).toEqual([1, 2, 3])
  })

  it('is null for a run that did not step, and leaves out steps that are not what the engine makes', async () => {
    const plain = await runFlow(example)
    expect(buildWalk(plain)).toBeNull()
    const forged = { ...plain, steps: [{ actionId: 'x', phase: 'execute', line: 0, column: 1, endLine: 1, kind: 'if', at: 0 }, '<img>'] } as unknown as RunResult
    expect(buildWalk(forged)!.every((item) => item.kind === 'event')).toBe(true)
  })
})

describe('the state at a step', () => {
  it('shows the metadata queued before the pause, its write, the redirect state, and the color after /continue', async () => {
    const { result, walk } = await favoriteColorWalk()
    const event = example.event as JsonObject
    const at = (call: string) => stateAt(event, result.timeline, walk[indexOf(walk, call)].through)
    const section = (sections: ReturnType<typeof stateAt>, id: string) => sections.find((candidate) => candidate.id === id)?.values

    const queued = at('api.user.setAppMetadata')
    expect(section(queued, 'pending')).toEqual({ 'app_metadata.color_prompts': 1 })
    expect((section(queued, 'user')!.app_metadata as JsonObject).color_prompts).toBe(1)

    const paused = at('redirect')
    expect(section(paused, 'pending')).toEqual({})
    const redirect = section(paused, 'redirect')!
    expect(redirect.state).toBe(result.redirect?.state ?? new URL(String(redirect.url)).searchParams.get('state'))
    expect(String(redirect.session_token)).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/)

    const colored = at('api.user.setUserMetadata')
    expect(section(colored, 'pending')).toEqual({ 'user_metadata.favorite_color': 'purple' })
    const changed = changedKeys(stateAt(event, result.timeline, walk[indexOf(walk, 'api.user.setUserMetadata')].through - 1), colored)
    expect([...changed].sort()).toEqual(['pending.user_metadata.favorite_color', 'user.user_metadata'])
  })

  it('ignores calls that threw', () => {
    const entry = { seq: 0, kind: 'api' as const, call: 'api.idToken.setCustomClaim', args: ['https://x/claim', 1], error: 'nope' }
    expect(stateAt({}, [entry], 1).find((section) => section.id === 'id-claims')).toBeUndefined()
  })
})

describe('the words of a step', () => {
  it('say which lines of an if ran and which were skipped', () => {
    expect(branchText({ branches: { then: [3, 3], else: [5, 6] }, taken: 'then' })).toBe('The condition is true: line 3 runs; the else branch, lines 5–6 are skipped.')
    expect(branchText({ branches: { then: [3, 4], else: [6, 6] }, taken: 'else' })).toBe('The condition is false: the else branch (line 6) runs; lines 3–4 are skipped.')
    expect(branchText({ branches: { then: [8, 8] }, taken: 'neither' })).toBe('The condition is false: line 8 is skipped.')
    expect(branchText({ branches: { then: [8, 21] }, taken: 'then' })).toBe('The condition is true: lines 8–21 run.')
  })

  it('say what top-level code is at the first top-level statement of each call, and that it runs again after /continue', async () => {
    const { walk } = await favoriteColorWalk()
    const notes = walk.flatMap((item, index) => {
      const note = topLevelNote(walk, index)
      return note && item.kind === 'line' ? [[item.step.phase, item.step.line, note.split(':')[0]]] : []
    })
    expect(notes).toEqual([['execute', 5, 'Top-level code'], ['continue', 5, 'Top-level code runs again'], ['execute', 5, 'Top-level code']])
    const place = walk.find((item) => item.kind === 'line' && item.step.line === 29 && item.step.phase === 'continue')!
    expect(stepPlace(example, place as Extract<WalkItem, { kind: 'line' }>)).toBe('Ask for a favorite color · after /continue · line 29 · top level')
  })

  it('count the passes of a statement from the second one', async () => {
    const result = await runFlow(testFlow([onExecute('for (let i = 0; i < 12; i++) {\n  console.log(i)\n}')]), { steps: true })
    const texts = buildWalk(result)!.flatMap((item) => (item.kind === 'line' && item.step.line === 3 ? [passText(item)] : []))
    expect(texts.slice(0, 4)).toEqual([null, '2nd time', '3rd time', '4th time'])
    expect(texts[10]).toBe('11th time')
  })
})
