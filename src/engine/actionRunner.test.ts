import { describe, expect, it } from 'vitest'
import { runFlow } from './pipeline.ts'
import { onExecute, testFlow } from './testing.ts'
import { signTokens } from './tokens.ts'

const FIXED = { now: '2026-05-01T12:00:00Z', seed: 7 }

describe('an action\'s event, built part by part on first read', () => {
  it('shows what earlier actions queued as the action started, even when read after the action queues more', async () => {
    const result = await runFlow(testFlow([
      onExecute('api.user.setAppMetadata("first", 1)'),
      onExecute('api.user.setAppMetadata("second", 2); console.log(JSON.stringify(event.user.app_metadata))'),
    ]))
    const seen = JSON.parse(result.actions[1].logs[0].message)
    expect(seen.first).toBe(1)
    expect(seen).not.toHaveProperty('second')
  })

  it('shows the event\'s own metadata while nothing is queued, a copy each action may change alone, and {} where it has none', async () => {
    const result = await runFlow(testFlow([
      onExecute('event.user.app_metadata.plan = "changed"; console.log(JSON.stringify([event.user.app_metadata, event.user.user_metadata]))'),
      onExecute('console.log(JSON.stringify([event.user.app_metadata, event.user.user_metadata]))'),
    ], { event: (event) => { event.user.app_metadata = { plan: 'gold', nested: { a: 1 } }; delete event.user.user_metadata } }))
    const [first, second] = result.actions.map((action) => JSON.parse(action.logs[0].message))
    expect(first).toEqual([{ plan: 'changed', nested: { a: 1 } }, {}])
    expect(second).toEqual([{ plan: 'gold', nested: { a: 1 } }, {}])
  })

  it('lists, spreads, clones and prints like a plain object', async () => {
    const result = await runFlow(testFlow([onExecute(`
      const keys = Object.keys(event)
      const copy = structuredClone(event)
      console.log(JSON.stringify([keys.includes("user") && keys.includes("secrets"), copy.user.email, { ...event }.tenant.id]))
      console.log(event.stats)
      console.log({ event: event })`)]))
    const [first, stats, nested] = result.actions[0].logs.map((log) => log.message)
    expect(JSON.parse(first)).toEqual([true, expect.any(String), expect.any(String)])
    expect(stats).toMatch(/logins_count/)
    expect(nested).not.toMatch(/Getter/)
  })

  it('can be changed by the action, part by part', async () => {
    const result = await runFlow(testFlow([onExecute('event.user = { email: "x@y.z" }; event.extra = 1; delete event.tenant; console.log(JSON.stringify([event.user.email, event.extra, "tenant" in event]))')]))
    expect(JSON.parse(result.actions[0].logs[0].message)).toEqual(['x@y.z', 1, false])
  })
})

describe('signing off the critical path', () => {
  it('leaves the tokens unsigned with deferSigning, and signTokens gives the signatures an eager run gives', async () => {
    const doc = testFlow([onExecute('api.idToken.setCustomClaim("https://example.com/a", 1)')], { event: (event) => { event.request.query.audience = 'https://api.example.com' } })
    const eager = await runFlow(doc, FIXED)
    const deferred = await runFlow(doc, { ...FIXED, deferSigning: true })
    expect(deferred.idToken).toMatchObject({ jwt: null, unsigned: true, claims: eager.idToken!.claims })
    expect(deferred.accessToken).toMatchObject({ jwt: null, unsigned: true })
    const signed = signTokens(deferred)
    expect(signed.idToken).toEqual(eager.idToken)
    expect(signed.accessToken).toEqual(eager.accessToken)
    expect(signTokens(eager)).toBe(eager)
  })
})

describe('an action\'s api object', () => {
  it('prints its namespaces with their methods, as a plain object would', async () => {
    const result = await runFlow(testFlow([onExecute('console.log(api); console.log(JSON.stringify(Object.keys(api.user)))')]))
    const [printed, keys] = result.actions[0].logs.map((log) => log.message)
    expect(printed).not.toMatch(/Getter/)
    expect(printed).toMatch(/setAppMetadata/)
    expect(JSON.parse(keys)).toEqual(['setAppMetadata', 'setUserMetadata'])
  })

  it('is the action\'s own: what one action adds to it, the next does not see', async () => {
    const result = await runFlow(testFlow([
      onExecute('api.user.extra = 1; api.mine = 2'),
      onExecute('console.log(JSON.stringify([api.user.extra, api.mine]))'),
    ]))
    expect(result.actions[1].logs[0].message).toBe('[null,null]')
  })
})
