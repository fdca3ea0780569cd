import { describe, expect, it } from 'vitest'
import { runFlow } from '../../engine/pipeline.ts'
import { onExecute, testFlow } from '../../engine/testing.ts'
import { verifyToken } from './verifyToken.ts'

async function issued() {
  // A clock fixed years back: the tokens have expired by now, and still verify.
  const result = await runFlow(testFlow([onExecute(`api.idToken.setCustomClaim('https://example.com/x', 1)`)]), { now: '2020-01-01T00:00:00Z' })
  return { jwt: result.idToken!.jwt!, jwks: result.jwks! }
}

describe('verifyToken', () => {
  it('verifies a token of the run against its JWKS and names the key', async () => {
    const { jwt, jwks } = await issued()
    expect(await verifyToken(jwt, jwks)).toEqual({ ok: true, kid: jwks.keys[0].kid })
  })

  it('fails for a changed payload', async () => {
    const { jwt, jwks } = await issued()
    const [header, payload, signature] = jwt.split('.')
    const changed = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: 'someone else' })).toString('base64url')
    expect(await verifyToken([header, changed, signature].join('.'), jwks)).toEqual({ ok: false, reason: 'the signature does not match the header and payload' })
  })

  it('fails when no key matches the kid', async () => {
    const { jwt, jwks } = await issued()
    expect(await verifyToken(jwt, { keys: [{ ...jwks.keys[0], kid: 'other' }] })).toEqual({ ok: false, reason: 'no key in the JWKS matches its kid' })
    expect(await verifyToken(jwt, null)).toEqual({ ok: false, reason: 'the run has no JWKS' })
  })
})
