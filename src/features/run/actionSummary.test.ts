import { describe, expect, it } from 'vitest'
import { continueFlow, runFlow } from '../../engine/pipeline.ts'
import { prepareContinue } from '../../engine/continueRequest.ts'
import { findExample } from '../../examples/catalog.ts'
import { actionSummary } from './actionSummary.ts'

const summaries = async (slug: string) => {
  const result = await runFlow(findExample(slug)!.document)
  return result.actions.map((action) => actionSummary(result, action))
}

describe('action summaries', () => {
  it('count what each action changed, and say why the flow stopped', async () => {
    expect(await summaries('roles-into-tokens')).toEqual(['2 claims'])
    expect(await summaries('deny-skips-later-actions')).toEqual(['1 metadata write · 1 log', 'deny: Access to My SPA is not allowed.', 'skipped: the flow stopped earlier'])
    expect(await summaries('throw-fails-login')).toEqual(["TypeError: Cannot read properties of undefined (reading 'favorite_color')", 'skipped: the flow stopped earlier'])
    expect(await summaries('favorite-color-redirect')).toEqual(['redirect to my-app.example.com', 'waits for /continue'])
  })

  it('describe the continued action by what it did in both phases (a count queued before the redirect, the color after)', async () => {
    const doc = findExample('favorite-color-redirect')!.document
    const suspended = await runFlow(doc)
    const done = await continueFlow(doc, suspended, await prepareContinue(suspended, { sessionToken: { secret: doc.actions[0].secrets.MY_SHARED_SECRET, payload: { favorite_color: 'red' } } }))
    expect(done.actions.map((action) => actionSummary(done, action))).toEqual(['2 metadata writes', '1 metadata write · 1 log'])
  })
})
