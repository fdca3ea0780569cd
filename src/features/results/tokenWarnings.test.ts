import { describe, expect, it } from 'vitest'
import { runFlow } from '../../engine/pipeline.ts'
import { onExecute, testFlow } from '../../engine/testing.ts'
import { droppedClaimWarnings, isTokenWarning } from './tokenWarnings.ts'

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
    expect(droppedClaimWarnings(result.warnings, 'ID token')).toEqual(['Auth0 drops the claim "sub" from the ID token: it is a restricted claim.'])
    expect(droppedClaimWarnings(result.warnings, 'access token')).toEqual(['Auth0 drops the claim "https://auth0.com/role" from the access token: its namespace is an Auth0 domain.'])
    expect(result.warnings).toHaveLength(3)
    expect(result.warnings.every(isTokenWarning)).toBe(true)
  })

  it('leaves other warnings alone', () => {
    expect(isTokenWarning('Action 1: console output past 256 KiB was dropped, as Auth0 does.')).toBe(false)
  })
})
