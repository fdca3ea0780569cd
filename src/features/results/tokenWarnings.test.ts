import { describe, expect, it } from 'vitest'
import { runFlow } from '../../engine/pipeline.ts'
import { onExecute, testFlow } from '../../engine/testing.ts'
import type { RunWarning } from '../../engine/types.ts'
import { droppedClaimWarnings, isTokenWarning } from './tokenWarnings.ts'

const DROPPED_SUB = 'Auth0 drops the claim "sub" from the ID token: it is a restricted claim.'
const OPAQUE = 'No audience was requested, so Auth0 issues an opaque access token for /userinfo: its custom claims are not delivered.'

describe('token warnings', () => {
  it('picks out the dropped claims of each token and the opaque access token warning', async () => {
    const doc = testFlow([onExecute(`
      api.idToken.setCustomClaim('sub', 'x')
      api.accessToken.setCustomClaim('https://auth0.com/role', 'y')
      api.accessToken.setCustomClaim('https://my-app.example.com/plan', 'gold')
    `)], {
      event: (event) => {
        delete event.resource_server
        delete event.request.query.audience
      },
    })
    const result = await runFlow(doc)
    expect(result.accessToken?.jwt).toBeNull()
    expect(droppedClaimWarnings(result.warnings, 'idToken')).toEqual([{ code: 'claim-dropped', token: 'idToken', claim: 'sub', reason: 'restricted', message: DROPPED_SUB }])
    expect(droppedClaimWarnings(result.warnings, 'accessToken')).toEqual([{
      code: 'claim-dropped', token: 'accessToken', claim: 'https://auth0.com/role', reason: 'auth0-namespace',
      message: 'Auth0 drops the claim "https://auth0.com/role" from the access token: its namespace is an Auth0 domain.',
    }])
    expect(result.warnings).toHaveLength(3)
    expect(result.warnings.every(isTokenWarning)).toBe(true)
  })

  it('chooses by code and token, whatever the message says', () => {
    const dropped: RunWarning = { code: 'claim-dropped', token: 'idToken', claim: 'sub', reason: 'restricted', message: 'Reworded: "sub" is not yours to set.' }
    const opaque: RunWarning = { code: 'opaque-access-token', message: 'Reworded: an opaque access token carries no custom claims.' }
    const lookalikes: RunWarning[] = [
      { code: 'console-output-dropped', action: 'Action 1', message: DROPPED_SUB },
      { code: 'no-id-token', message: OPAQUE },
    ]
    const warnings = [dropped, opaque, ...lookalikes]
    expect(droppedClaimWarnings(warnings, 'idToken')).toEqual([dropped])
    expect(droppedClaimWarnings(warnings, 'accessToken')).toEqual([])
    expect(warnings.filter(isTokenWarning)).toEqual([dropped, opaque])
  })
})
