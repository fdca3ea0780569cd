/**
 * The credentials-exchange rules, one test each, run through runFlow. Sources: Auth0's credentials-exchange API and
 * event object references (docs/actions/reference/credentials-exchange/), the "Credentials Exchange" trigger page,
 * "Create Custom Claims", and the Actions limitations (20 s per trigger execution).
 */
import { createPublicKey, verify } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { FlowDocument } from '../../engine/flowDocument.ts'
import { runFlow } from '../../engine/pipeline.ts'
import { getSigningKey, signTokens } from '../../engine/tokens.ts'
import { API_AUDIENCE, createDefaultEvent, EVENT_PRESETS, M2M_CLIENT_ID } from './event.ts'
import { credentialsExchange } from './index.ts'

const NOW = '2026-11-23T12:00:00Z'
const NOW_S = Date.parse(NOW) / 1000

function doc(bodies: string[], event: Record<string, any> = createDefaultEvent(), extra: Partial<FlowDocument> = {}): FlowDocument {
  return {
    version: 1, trigger: 'credentials-exchange', name: 'test', event, mocks: { http: [] },
    actions: bodies.map((body, index) => ({ id: `a${index + 1}`, name: `Action ${index + 1}`, enabled: true, secrets: {}, code: `exports.onExecuteCredentialsExchange = async (event, api) => {\n${body}\n};` })),
    ...extra,
  }
}

describe('credentials-exchange: api.access.deny(code, reason)', () => {
  it.each(['invalid_scope', 'invalid_request', 'server_error'])('denies with %s and the reason as the error the client gets; later actions do not run', async (code) => {
    const result = await runFlow(doc([`api.access.deny('${code}', 'Not for you.'); console.log('still runs')`, `api.accessToken.setCustomClaim('https://x.example.com/a', 1)`]))
    expect(result.status).toBe('denied')
    expect(result.error).toEqual({ code, description: 'Not for you.', action: 'Action 1' })
    // The denying action finishes; the next one never runs, and no token is issued.
    expect(result.actions.map((action) => action.status)).toEqual(['denied', 'skipped'])
    expect(result.actions[0].logs.map((log) => log.message)).toEqual(['still runs'])
    expect(result.accessToken).toBeNull()
    expect(result.jwks).toBeNull()
  })

  it('takes the first deny of the run; the reason is optional', async () => {
    const result = await runFlow(doc([`api.access.deny('invalid_scope'); api.access.deny('server_error', 'later')`]))
    expect(result.error).toMatchObject({ code: 'invalid_scope', description: '' })
  })

  it('refuses a code Auth0 does not allow (UNVERIFIED how Auth0 answers): an uncaught refusal fails the exchange', async () => {
    const result = await runFlow(doc([`api.access.deny('access_denied', 'no')`, '']))
    expect(result.status).toBe('failed')
    expect(result.error).toMatchObject({ code: 'access_denied', action: 'Action 1' })
    expect(result.error!.description).toContain('The code must be one of invalid_scope, invalid_request, server_error')
    expect(result.actions.map((action) => action.status)).toEqual(['failed', 'skipped'])
  })
})

describe('credentials-exchange: the access token', () => {
  it('is issued after the last action with the client credentials claims, signed with the run key', async () => {
    const result = await runFlow(doc([`api.accessToken.setCustomClaim('https://api.example.com/tier', event.client.metadata.tier)`]), { now: NOW })
    expect(result.status).toBe('completed')
    expect(result.idToken).toBeNull()
    expect(result.accessToken!.claims).toEqual({
      'https://api.example.com/tier': 'gold',
      iss: 'https://acme-dev.us.auth0.com/', sub: `${M2M_CLIENT_ID}@clients`, aud: API_AUDIENCE, iat: NOW_S, exp: NOW_S + 86_400,
      scope: 'read:reports read:users', gty: 'client-credentials', azp: M2M_CLIENT_ID,
    })
    expect(result.accessToken).toMatchObject({ scope: 'read:reports read:users', audience: API_AUDIENCE, customClaims: { 'https://api.example.com/tier': 'gold' } })
    const key = getSigningKey()
    expect(result.jwks).toEqual({ keys: [key.publicJwk] })
    const [header, payload, signature] = result.accessToken!.jwt!.split('.')
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'RS256', typ: 'JWT', kid: key.kid })
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toEqual(result.accessToken!.claims)
    const publicKey = createPublicKey({ key: key.publicJwk as import('node:crypto').JsonWebKey, format: 'jwk' })
    expect(verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature, 'base64url'))).toBe(true)
  })

  it('can be left unsigned and signed later with the same signature (RunOptions.deferSigning)', async () => {
    const deferred = await runFlow(doc(['']), { now: NOW, deferSigning: true })
    expect(deferred.accessToken).toMatchObject({ jwt: null, unsigned: true })
    const now = await runFlow(doc(['']), { now: NOW })
    expect(signTokens(deferred).accessToken!.jwt).toBe(now.accessToken!.jwt)
  })

  it('carries org_id for an organization', async () => {
    const event = EVENT_PRESETS.find((preset) => preset.id === 'organization')!.apply(createDefaultEvent())
    const result = await runFlow(doc([''], event))
    expect(result.accessToken!.claims).toMatchObject({ org_id: 'org_4hQw8NcV1sHtY5pJ' })
  })
})

describe('credentials-exchange: custom claims ("Create Custom Claims")', () => {
  it('drops restricted claims and Auth0 namespaces silently, with a warning', async () => {
    const result = await runFlow(doc([
      `api.accessToken.setCustomClaim('gty', 'password').accessToken.setCustomClaim('sub', 'someone')
      api.accessToken.setCustomClaim('https://example.auth0.com/x', 1); api.accessToken.setCustomClaim('plain', 'kept')`,
    ]))
    expect(result.status).toBe('completed')
    expect(result.accessToken!.customClaims).toEqual({ plain: 'kept' })
    expect(result.accessToken!.claims).toMatchObject({ gty: 'client-credentials', sub: `${M2M_CLIENT_ID}@clients`, plain: 'kept' })
    expect(result.warnings.map((warning) => warning.message)).toEqual(expect.arrayContaining([
      'Auth0 drops the claim "gty" from the access token: it is a restricted claim.',
      'Auth0 drops the claim "https://example.auth0.com/x" from the access token: its namespace is an Auth0 domain.',
    ]))
    expect(result.warnings).toContainEqual(expect.objectContaining({ code: 'claim-dropped', token: 'accessToken', claim: 'gty', reason: 'restricted' }))
  })

  it('ignores non-namespaced claims on a token for an Auth0 API (the Management API)', async () => {
    const event = createDefaultEvent()
    event.resource_server.identifier = 'https://acme-dev.us.auth0.com/api/v2/'
    const result = await runFlow(doc([`api.accessToken.setCustomClaim('plain', 1).accessToken.setCustomClaim('https://example.com/ns', 2)`], event))
    expect(result.accessToken!.customClaims).toEqual({ 'https://example.com/ns': 2 })
  })

  it('refuses "scope" at the call', async () => {
    const result = await runFlow(doc([`api.accessToken.setCustomClaim('scope', 'admin')`]))
    expect(result.status).toBe('failed')
    expect(result.error!.description).toBe('The "scope" claim cannot be set.')
  })

  it('fails the exchange past 100 KB of custom claims', async () => {
    const result = await runFlow(doc([`api.accessToken.setCustomClaim('https://example.com/big', 'x'.repeat(101 * 1024))`]))
    expect(result.status).toBe('failed')
    expect(result.error!.description).toContain("over Auth0's limit of 100 KB")
    expect(result.accessToken).toBeNull()
  })

  it('shows later actions the claims earlier ones set (UNVERIFIED), never changing the running action\'s event', async () => {
    const result = await runFlow(doc([
      `api.accessToken.setCustomClaim('https://example.com/a', 1); console.log(JSON.stringify(event.accessToken.customClaims))`,
      `console.log(JSON.stringify(event.accessToken.customClaims))`,
    ]))
    expect(result.actions.map((action) => action.logs[0].message)).toEqual(['{}', '{"https://example.com/a":1}'])
  })
})

describe('credentials-exchange: api.transaction target scopes [Early Access]', () => {
  it('changes the target set at once for the running action and later ones; the token keeps what the grant allows', async () => {
    const event = createDefaultEvent()
    event.transaction.target_scopes = ['read:reports', 'read:users', 'write:users']
    const result = await runFlow(doc([
      `api.transaction.removeTargetScope('read:users'); api.transaction.addTargetScope(' admin:all '); console.log(event.transaction.target_scopes.join(' '))`,
      `console.log(event.transaction.target_scopes.join(' '))`,
    ], event))
    expect(result.actions.map((action) => action.logs[0].message)).toEqual(['read:reports write:users admin:all', 'read:reports write:users admin:all'])
    expect(result.accessToken!.scope).toBe('read:reports write:users')
    expect(result.warnings).toContainEqual({ code: 'target-scope-dropped', scope: 'admin:all', message: 'Auth0 drops the target scope "admin:all": the client grant does not include it.' })
  })

  it('setTargetScopes replaces and clearTargetScopes empties the set; a scope with whitespace is refused', async () => {
    const replaced = await runFlow(doc([`api.transaction.setTargetScopes(['read:users', 'read:users'])`]))
    expect(replaced.accessToken!.scope).toBe('read:users')
    const cleared = await runFlow(doc([`api.transaction.clearTargetScopes()`]))
    expect(cleared.accessToken!.scope).toBe('')
    const refused = await runFlow(doc([`api.transaction.addTargetScope('read users')`]))
    expect(refused.error!.description).toBe('The value for the scope must not have whitespace.')
  })
})

describe('credentials-exchange: errors and the time limit', () => {
  it('an uncaught error fails the exchange with access_denied and its message (UNVERIFIED for this trigger); later actions are skipped', async () => {
    const result = await runFlow(doc([`event.client.metadata.limits.daily`, `console.log('never')`]))
    expect(result.status).toBe('failed')
    expect(result.error).toMatchObject({ code: 'access_denied', action: 'Action 1' })
    expect(result.error!.description).toContain("reading 'daily'")
    expect(result.actions.map((action) => action.status)).toEqual(['failed', 'skipped'])
    expect(result.accessToken).toBeNull()
  })

  it('the time limit fails the exchange as a Webtask timeout', async () => {
    const result = await runFlow(doc([`await new Promise(() => {})`, '']), { timeLimitMs: 50 })
    expect(result.status).toBe('failed')
    expect(result.error).toMatchObject({ code: 'access_denied', description: 'Request to Webtask exceeded allowed execution time', timeout: true })
    expect(result.actions.map((action) => action.status)).toEqual(['failed', 'skipped'])
  })
})

describe('credentials-exchange: api.cache', () => {
  it('keeps values across actions and in the result, seeded from the document', async () => {
    const expires = Date.parse(NOW) + 60_000
    const result = await runFlow(doc([
      `api.cache.set('token', 'abc', { ttl: 1000 }); console.log(api.cache.get('seeded').value)`,
      `console.log(api.cache.get('token').value)`,
    ], createDefaultEvent(), { cache: { seeded: { value: 'from-doc', expires_at: expires } } }), { now: NOW })
    expect(result.actions.map((action) => action.logs[0].message)).toEqual(['from-doc', 'abc'])
    expect(result.cache).toEqual({ seeded: { value: 'from-doc', expires_at: expires }, token: { value: 'abc', expires_at: Date.parse(NOW) + 1000 } })
  })
})

describe('credentials-exchange: the definition', () => {
  it('has a valid default event and presets that change copies', () => {
    const event = credentialsExchange.event.create()
    expect(credentialsExchange.event.schema.safeParse(event).success).toBe(true)
    for (const preset of credentialsExchange.event.presets) {
      const before = JSON.stringify(event)
      const changed = preset.apply(event)
      expect(JSON.stringify(event)).toBe(before)
      expect(credentialsExchange.event.schema.safeParse(changed).success, preset.id).toBe(true)
    }
  })
})
