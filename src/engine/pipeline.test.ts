import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose'
import { describe, expect, it } from 'vitest'
import { MemoryCacheStore } from './cache.ts'
import { prepareContinue } from './continueRequest.ts'
import { OPTIONAL_EVENT_PARTS } from '../triggers/post-login/defaultEvent.ts'
import { continueFlow, runFlow } from './pipeline.ts'
import { LIBRARIES, onExecute, testFlow } from './testing.ts'
import type { RunResult } from './types.ts'

const NOW = Date.parse('2026-11-23T12:00:00Z')

const calls = (result: RunResult, kind = 'api') => result.timeline.filter((entry) => entry.kind === kind).map((entry) => entry.call)
const starts = (result: RunResult) => result.timeline.filter((entry) => entry.call === 'action.start').map((entry) => entry.action)

describe('order', () => {
  it('runs enabled actions in order and shows disabled ones as not run', async () => {
    const result = await runFlow(testFlow([
      onExecute('api.idToken.setCustomClaim("https://x.test/first", 1)'),
      { code: onExecute('api.idToken.setCustomClaim("https://x.test/disabled", 1)'), enabled: false },
      onExecute('api.idToken.setCustomClaim("https://x.test/last", 1)'),
    ]))
    expect(result.status).toBe('completed')
    expect(result.actions.map((action) => action.status)).toEqual(['ok', 'disabled', 'ok'])
    expect(starts(result)).toEqual(['Action 1', 'Action 3'])
    expect(result.timeline.filter((entry) => entry.kind === 'api').map((entry) => entry.args[0])).toEqual(['https://x.test/first', 'https://x.test/last'])
    expect(result.actions[1].phases).toEqual([])
  })
})

describe('api.access.deny', () => {
  it('lets the action finish, skips later actions, still writes metadata and reports access_denied', async () => {
    const result = await runFlow(testFlow([
      onExecute('api.user.setAppMetadata("seen", true)'),
      onExecute('api.access.deny("No entry today."); api.user.setUserMetadata("denied_at", "now"); console.log("still running")'),
      onExecute('api.user.setAppMetadata("never", true)'),
    ]))
    expect(result.status).toBe('denied')
    expect(result.error).toMatchObject({ code: 'access_denied', description: 'No entry today.' })
    expect(result.actions.map((action) => action.status)).toEqual(['ok', 'denied', 'skipped'])
    expect(result.actions[1].logs.map((log) => log.message)).toEqual(['still running'])
    expect(result.user.app_metadata).toMatchObject({ seen: true })
    expect(result.user.app_metadata).not.toHaveProperty('never')
    expect(result.user.user_metadata).toMatchObject({ denied_at: 'now' })
    expect(result.profileUpdates.count).toBe(1)
    expect(result.idToken).toBeNull()
    expect(result.accessToken).toBeNull()
  })
})

describe('errors', () => {
  it('fails the login on an uncaught throw, with the message and the line', async () => {
    const result = await runFlow(testFlow([
      onExecute('const x = 1\nthrow new Error("boom")'),
      onExecute('api.user.setAppMetadata("never", true)'),
    ]))
    expect(result.status).toBe('failed')
    expect(result.error).toMatchObject({ code: 'access_denied', description: 'boom', line: 3 })
    expect(result.actions[0].error).toMatchObject({ message: 'boom', line: 3 })
    expect(result.actions[1].status).toBe('skipped')
  })

  it('fails the login on a rejected promise, with the line', async () => {
    const code = 'exports.onExecutePostLogin = async (event, api) => {\n  await new Promise((resolve) => setTimeout(resolve, 1))\n  await Promise.reject(new TypeError("nope"))\n}'
    const result = await runFlow(testFlow([code]))
    expect(result.error).toMatchObject({ code: 'access_denied', description: 'nope', line: 3 })
    expect(result.actions[0].error?.name).toBe('TypeError')
  })

  it('fails a handler that is not an async function with Auth0\'s signature message', async () => {
    const result = await runFlow(testFlow(['exports.onExecutePostLogin = function (event, api) {}']))
    expect(result.status).toBe('failed')
    expect(result.error?.description).toBe('Invalid function signature for the "onExecutePostLogin" handler. Use "exports.onExecutePostLogin = async function(event, api) { }" as the signature.')
  })

  it('fails every run when the module throws at its top level', async () => {
    const doc = testFlow(['throw new Error("bad init")\n' + onExecute('')])
    for (let run = 0; run < 2; run++) {
      const result = await runFlow(doc)
      expect(result.error).toMatchObject({ description: 'bad init', line: 1 })
    }
  })

  it('reports a syntax error with its line and column', async () => {
    const result = await runFlow(testFlow([onExecute('const a = ;')]))
    expect(result.status).toBe('failed')
    expect(result.actions[0].error).toMatchObject({ name: 'SyntaxError', line: 2, column: 11 })
    expect(result.error?.description).toMatch(/Unexpected token \(line 2, column 11\)/)
  })
})

describe('metadata', () => {
  it('merges the metadata calls of all actions into one profile update, null removing a key', async () => {
    const result = await runFlow(testFlow([
      onExecute('api.user.setAppMetadata("a", 1).user.setUserMetadata("language", null)'),
      onExecute('api.user.setAppMetadata("b", 2); api.user.setAppMetadata("plan", null)'),
    ]))
    expect(result.profileUpdates.count).toBe(1)
    expect(result.profileUpdates.writes[0]).toEqual({ when: 'end', app_metadata: { a: 1, b: 2, plan: null }, user_metadata: { language: null } })
    expect(result.user).toEqual({ app_metadata: { a: 1, b: 2 }, user_metadata: {} })
    expect(calls(result, 'engine').filter((call) => call === 'profile.update')).toHaveLength(1)
  })

  it('does not change event.user under the running action, and later actions see the queued change', async () => {
    const result = await runFlow(testFlow([
      onExecute('api.user.setAppMetadata("plan", "platinum"); console.log(event.user.app_metadata.plan)'),
      onExecute('console.log(event.user.app_metadata.plan)'),
    ]))
    expect(result.actions[0].logs[0].message).toBe('gold')
    expect(result.actions[1].logs[0].message).toBe('platinum')
  })

  it('keeps an action from changing stored or queued metadata through its event', async () => {
    const doc = testFlow([
      onExecute('api.user.setAppMetadata("prefs", { theme: "dark" })'),
      onExecute('event.user.app_metadata.prefs.theme = "light"; event.user.user_metadata.language = "fr"'),
      onExecute('console.log(event.user.app_metadata.prefs.theme, event.user.user_metadata.language)'),
    ])
    const result = await runFlow(doc)
    expect(result.actions[2].logs[0].message).toBe('dark en')
    expect(result.user).toEqual({ app_metadata: { plan: 'gold', prefs: { theme: 'dark' } }, user_metadata: { language: 'en' } })
    expect((doc.event as any).user.user_metadata).toEqual({ language: 'en' })
  })

  it('keeps a "__proto__" key of the event or of a value as data, never as a prototype', async () => {
    const doc = testFlow([
      onExecute('api.user.setAppMetadata("copy", JSON.parse(\'{"__proto__": {"admin": true}}\'))'),
      onExecute('const metadata = event.user.app_metadata; console.log(String(metadata.admin), String(metadata.copy.admin), Object.keys(metadata).join())'),
    ], { event: (event) => { event.user.app_metadata = JSON.parse('{"__proto__": {"admin": true}}') } })
    const result = await runFlow(doc)
    expect(result.actions[1].logs[0].message).toBe('undefined undefined __proto__,copy')
    const call = result.timeline.find((entry) => entry.call === 'api.user.setAppMetadata')!
    expect(Object.keys(call.args[1] as object)).toEqual(['__proto__'])
    expect(Object.keys(result.user.app_metadata)).toEqual(['__proto__', 'copy'])
  })

  it('writes pending updates before a redirect', async () => {
    const doc = testFlow([{
      code: onExecute('api.user.setAppMetadata("before", true); api.redirect.sendUserTo("https://site.test/x")') +
        'exports.onContinuePostLogin = async (event, api) => { api.user.setAppMetadata("after", true) }',
    }])
    const suspended = await runFlow(doc)
    expect(suspended.profileUpdates.writes).toEqual([{ when: 'before-redirect', app_metadata: { before: true }, user_metadata: {} }])
    expect(suspended.user.app_metadata).toMatchObject({ before: true })
    const done = await continueFlow(doc, suspended, await prepareContinue(suspended))
    expect(done.profileUpdates.writes.map((write) => write.when)).toEqual(['before-redirect', 'end'])
    expect(done.user.app_metadata).toMatchObject({ before: true, after: true })
  })
})

describe('redirect', () => {
  const redirectFlow = () => testFlow([
    onExecute('api.user.setAppMetadata("first", (event.user.app_metadata.first ?? 0) + 1)'),
    {
      name: 'Redirect',
      secrets: { SECRET: 'shh' },
      code: onExecute('const token = api.redirect.encodeToken({ secret: event.secrets.SECRET, payload: { hello: "world" } }); api.redirect.sendUserTo("https://site.test/page?x=1", { query: { session_token: token } })') +
        'exports.onContinuePostLogin = async (event, api) => {\n  console.log(JSON.stringify(event.request.query), event.request.method)\n  const payload = api.redirect.validateToken({ secret: event.secrets.SECRET })\n  api.user.setUserMetadata("color", payload.color)\n}',
    },
    onExecute('api.idToken.setCustomClaim("https://x.test/after", true)'),
  ])

  it('suspends after the action with a state parameter added to the URL', async () => {
    const result = await runFlow(redirectFlow())
    expect(result.status).toBe('suspended')
    expect(result.actions.map((action) => action.status)).toEqual(['ok', 'suspended', 'pending'])
    const url = new URL(result.redirect!.url)
    expect(url.origin + url.pathname).toBe('https://site.test/page')
    expect(url.searchParams.get('x')).toBe('1')
    expect(url.searchParams.get('state')).toBe(result.redirect!.state)
    expect(result.redirect!.state).toMatch(/^[\w-]{16,}$/)
    expect(result.resume?.state).toBe(result.redirect!.state)
  })

  it('resumes in onContinuePostLogin of that action with a fresh request, then runs the rest once', async () => {
    const doc = redirectFlow()
    const suspended = await runFlow(doc)
    const request = await prepareContinue(suspended, { sessionToken: { secret: 'shh', payload: { color: 'green' } } })
    const done = await continueFlow(doc, suspended, request)
    expect(done.status).toBe('completed')
    expect(done.actions.map((action) => action.status)).toEqual(['ok', 'ok', 'ok'])
    expect(starts(done)).toEqual(['Action 1', 'Redirect', 'Action 3'])
    expect(done.timeline.filter((entry) => entry.call === 'action.continue').map((entry) => entry.action)).toEqual(['Redirect'])
    expect(done.actions[1].phases).toEqual(['execute', 'continue'])
    const [query, method] = done.actions[1].logs[0].message.split(' ')
    expect(JSON.parse(query)).toEqual({ state: suspended.redirect!.state })
    expect(method).toBe('POST')
    expect(done.user.app_metadata).toMatchObject({ first: 1 })
    expect(done.user.user_metadata).toMatchObject({ color: 'green' })
    expect(done.idToken?.customClaims).toEqual({ 'https://x.test/after': true })
  })

  it('fails with invalid_request when the state is wrong or missing', async () => {
    const doc = redirectFlow()
    const suspended = await runFlow(doc)
    for (const state of ['not-the-state', null]) {
      const done = await continueFlow(doc, suspended, await prepareContinue(suspended, { state }))
      expect(done.status).toBe('failed')
      expect(done.error?.code).toBe('invalid_request')
      expect(done.actions.map((action) => action.status)).toEqual(['ok', 'failed', 'skipped'])
    }
  })

  it('fails with interaction_required when prompt=none', async () => {
    const doc = testFlow([onExecute('api.redirect.sendUserTo("https://site.test")')], { event: (event) => { event.request.query.prompt = 'none' } })
    const result = await runFlow(doc)
    expect(result.status).toBe('failed')
    expect(result.error?.code).toBe('interaction_required')
    expect(result.redirect).toBeNull()
  })

  it('encodeToken makes a real HS256 JWT with the documented claims', async () => {
    const doc = testFlow([onExecute('console.log(api.redirect.encodeToken({ secret: "s3cret", payload: { a: 1 }, expiresInSeconds: 60 }))')])
    const result = await runFlow(doc, { now: NOW })
    const token = result.actions[0].logs[0].message
    const { payload, protectedHeader } = await jwtVerify(token, new TextEncoder().encode('s3cret'), { currentDate: new Date(NOW) })
    expect(protectedHeader.alg).toBe('HS256')
    expect(payload).toEqual({ iat: NOW / 1000, exp: NOW / 1000 + 60, iss: 'acme-dev.us.auth0.com', sub: 'auth0|5f7c8ec7c33c6c004bbafe82', ip: '13.33.86.47', a: 1 })
    await expect(jwtVerify(token, new TextEncoder().encode('other'))).rejects.toThrow()
  })

  it('validateToken checks signature, expiry, state and sub', async () => {
    const doc = redirectFlow()
    const suspended = await runFlow(doc)
    const attempt = async (spec: Parameters<typeof prepareContinue>[1], now = Date.now()) => {
      const done = await continueFlow(doc, suspended, await prepareContinue(suspended, spec, now))
      return done.error?.description
    }
    expect(await attempt({ sessionToken: { secret: 'wrong', payload: { color: 'red' } } })).toBe('The session token is invalid: invalid signature')
    expect(await attempt({ sessionToken: { secret: 'shh', payload: { color: 'red' }, expiresInSeconds: -10 } })).toBe('The session token is invalid: the token has expired')
    expect(await attempt({ sessionToken: { secret: 'shh', payload: { color: 'red', sub: 'auth0|someone-else' } } })).toBe('The session token is invalid: the "sub" claim does not match the user')
    const otherState = { ...suspended, resume: { ...suspended.resume!, state: 'forged' } }
    const forged = await prepareContinue(otherState, { sessionToken: { secret: 'shh', payload: {} } })
    const done = await continueFlow(doc, suspended, { ...forged, query: { state: suspended.resume!.state } })
    expect(done.error?.description).toBe('The session token is invalid: the "state" claim does not match the state of the /continue request')
    expect(await attempt({})).toBe("There is no parameter called 'session_token' available in either the POST body or query string.")
    await expect(prepareContinue(suspended, { sessionToken: { secret: '' } })).rejects.toThrow('The session token cannot be signed: its secret is empty.')
  })

  it('validateToken reads a custom parameter from the query', async () => {
    const doc = testFlow([{
      code: onExecute('api.redirect.sendUserTo("https://site.test")') +
        'exports.onContinuePostLogin = async (event, api) => { api.user.setUserMetadata("v", api.redirect.validateToken({ secret: "k", tokenParameterName: "t" }).v) }',
    }])
    const suspended = await runFlow(doc)
    const request = await prepareContinue(suspended, { sessionToken: { secret: 'k', payload: { v: 7 }, parameter: 't' } })
    const asQuery = { query: { ...request.query, t: request.body!.t }, body: {} }
    const done = await continueFlow(doc, suspended, asQuery)
    expect(done.status).toBe('completed')
    expect(done.user.user_metadata).toMatchObject({ v: 7 })
  })
})

describe('tokens', () => {
  it('issues an ID token and an access token signed RS256, verifiable with the JWKS', async () => {
    const result = await runFlow(testFlow([onExecute(`
      api.idToken.setCustomClaim("https://x.test/roles", event.authorization.roles)
      api.accessToken.setCustomClaim("https://x.test/plan", "gold")
      api.accessToken.addScope("read:xyz")
      api.accessToken.removeScope("email")`)]), { now: NOW })
    const jwks = createLocalJWKSet(result.jwks as { keys: any[] })
    const id = await jwtVerify(result.idToken!.jwt!, jwks, { currentDate: new Date(NOW) })
    expect(id.protectedHeader).toMatchObject({ alg: 'RS256', typ: 'JWT' })
    expect(id.payload).toMatchObject({
      iss: 'https://acme-dev.us.auth0.com/', sub: 'auth0|5f7c8ec7c33c6c004bbafe82', aud: 'gmOWNgklfRm4tyl5YYnl3JDSJy19h1bR',
      iat: NOW / 1000, exp: NOW / 1000 + 36000, email: 'j+smith@example.com', 'https://x.test/roles': ['admin', 'editor'],
    })
    const access = await jwtVerify(result.accessToken!.jwt!, jwks, { currentDate: new Date(NOW) })
    expect(access.payload).toMatchObject({ aud: ['https://api.example.com', 'https://acme-dev.us.auth0.com/userinfo'], scope: 'openid profile read:xyz', 'https://x.test/plan': 'gold' })
    expect(result.accessToken!.scope).toBe('openid profile read:xyz')
  })

  it('drops restricted claims and Auth0 namespaces with a warning', async () => {
    const result = await runFlow(testFlow([onExecute(`
      api.idToken.setCustomClaim("roles", ["admin"])
      api.idToken.setCustomClaim("https://tenant.auth0.com/x", 1)
      api.idToken.setCustomClaim("favorite", "blue")`)]))
    expect(result.idToken!.customClaims).toEqual({ favorite: 'blue' })
    expect(decodeJwt(result.idToken!.jwt!)).not.toHaveProperty('roles')
    expect(result.warnings).toEqual([
      { code: 'claim-dropped', token: 'idToken', claim: 'roles', reason: 'restricted', message: 'Auth0 drops the claim "roles" from the ID token: it is a restricted claim.' },
      { code: 'claim-dropped', token: 'idToken', claim: 'https://tenant.auth0.com/x', reason: 'auth0-namespace', message: 'Auth0 drops the claim "https://tenant.auth0.com/x" from the ID token: its namespace is an Auth0 domain.' },
    ])
  })

  it('drops non-namespaced access-token claims for an Auth0 API audience', async () => {
    const doc = testFlow([onExecute('api.accessToken.setCustomClaim("plain", 1); api.accessToken.setCustomClaim("https://x.test/ns", 2)')],
      { event: (event) => { event.resource_server.identifier = 'https://acme-dev.us.auth0.com/api/v2/' } })
    const result = await runFlow(doc)
    expect(result.accessToken!.customClaims).toEqual({ 'https://x.test/ns': 2 })
  })

  it('fails the login when custom claims pass 100 KB in one token', async () => {
    const result = await runFlow(testFlow([onExecute('api.idToken.setCustomClaim("https://x.test/big", "x".repeat(101 * 1024))')]))
    expect(result.status).toBe('failed')
    expect(result.error?.description).toMatch(/100 KB/)
    expect(result.idToken).toBeNull()
  })

  it('issues an opaque access token when no audience was requested', async () => {
    const doc = testFlow([onExecute('api.accessToken.setCustomClaim("https://x.test/a", 1)')], {
      event: (event) => { delete event.resource_server; delete event.request.query.audience },
    })
    const result = await runFlow(doc)
    expect(result.accessToken).toMatchObject({ jwt: null, audience: null })
    expect(result.warnings).toEqual([{ code: 'opaque-access-token', message: expect.stringMatching(/opaque/) }])
  })

  it('keeps the nonce and the audience of the original authorization request after a resume', async () => {
    const doc = testFlow([{
      code: onExecute('api.redirect.sendUserTo("https://site.test")') + 'exports.onContinuePostLogin = async (event, api) => {}',
    }], { event: (event) => { delete event.resource_server } })
    const suspended = await runFlow(doc)
    const done = await continueFlow(doc, suspended, await prepareContinue(suspended, {}))
    expect(done.status).toBe('completed')
    expect(decodeJwt(done.idToken!.jwt!)).toMatchObject({ nonce: 'n-0S6_WzA2Mj' })
    expect(done.accessToken).toMatchObject({ audience: 'https://api.example.com' })
    expect(decodeJwt(done.accessToken!.jwt!).aud).toContain('https://api.example.com')
  })

  it('issues an ID token only when openid was requested, whatever addScope/removeScope do', async () => {
    const withoutOpenid = testFlow([onExecute('api.accessToken.addScope("openid"); api.idToken.setCustomClaim("https://x.test/a", 1)')], {
      event: (event) => { event.transaction.requested_scopes = ['profile', 'email']; event.request.query.scope = 'profile email' },
    })
    const none = await runFlow(withoutOpenid)
    expect(none.status).toBe('completed')
    expect(none.idToken).toBeNull()
    expect(none.accessToken?.jwt).toBeTruthy()
    expect(none.warnings).toEqual([{ code: 'no-id-token', message: expect.stringMatching(/no ID token/) }])
    const removed = await runFlow(testFlow([onExecute('api.accessToken.removeScope("openid")')]))
    expect(removed.idToken?.jwt).toBeTruthy()
  })

  it('answers a SAML login with a SAML response from api.samlResponse, not with tokens', async () => {
    const doc = testFlow([onExecute('api.samlResponse.setAttribute("http://schemas.example.com/role", "admin"); api.samlResponse.setAudience("urn:sp")')], {
      event: (event) => { event.transaction.protocol = 'samlp' },
    })
    const result = await runFlow(doc)
    expect(result.status).toBe('completed')
    expect(result.idToken).toBeNull()
    expect(result.accessToken).toBeNull()
    expect(result.samlResponse).toMatchObject({
      subject: 'auth0|5f7c8ec7c33c6c004bbafe82',
      attributes: { 'http://schemas.example.com/role': 'admin', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress': 'j+smith@example.com' },
      configuration: { audience: 'urn:sp' },
    })
  })

  it('keeps OIDC profile claims on the access token only for the requested scopes', async () => {
    const doc = testFlow([onExecute('api.accessToken.setCustomClaim("family_name", "Smith"); api.accessToken.setCustomClaim("email", "j@x.test")')], {
      event: (event) => { event.transaction.requested_scopes = ['openid', 'profile']; event.request.query.scope = 'openid profile' },
    })
    const result = await runFlow(doc)
    expect(result.accessToken!.customClaims).toEqual({ family_name: 'Smith' })
    expect(decodeJwt(result.accessToken!.jwt!)).not.toHaveProperty('email')
    expect(result.warnings).toContainEqual({ code: 'claim-dropped', token: 'accessToken', claim: 'email', reason: 'scope-not-requested', scope: 'email', message: expect.stringMatching(/"email".*"email" scope was not requested/) })
  })

  it('signs with a configured key', async () => {
    const { generateKeyPair, exportJWK } = await import('jose')
    const { privateKey } = await generateKeyPair('RS256', { extractable: true })
    const jwk = { ...(await exportJWK(privateKey)), kid: 'my-key' }
    const result = await runFlow(testFlow([onExecute('')]), { signingKey: jwk })
    expect(result.jwks!.keys[0].kid).toBe('my-key')
    await jwtVerify(result.idToken!.jwt!, createLocalJWKSet(result.jwks as { keys: any[] }))
  })
})

describe('MFA, challenges and forms', () => {
  it('defers api.multifactor.enable to the end of the flow; a later "none" skips it', async () => {
    const one = await runFlow(testFlow([onExecute('api.multifactor.enable("guardian", { allowRememberBrowser: true })'), onExecute('console.log("after")')]))
    expect(one.status).toBe('completed')
    expect(one.actions[1].status).toBe('ok')
    expect(one.mfa).toEqual({ required: true, provider: 'guardian', options: { allowRememberBrowser: true }, action: 'Action 1' })
    const skipped = await runFlow(testFlow([onExecute('api.multifactor.enable("any")'), onExecute('api.multifactor.enable("none")')]))
    expect(skipped.mfa).toMatchObject({ required: false, provider: 'none' })
  })

  it('pauses after challengeWith, offers enrolled factors, and later actions see the completed factor', async () => {
    const doc = testFlow([
      onExecute('api.authentication.challengeWith({ type: "otp" }, { additionalFactors: [{ type: "phone" }, { type: "push-notification" }] }); console.log("finishes")'),
      onExecute('console.log(JSON.stringify(event.authentication.methods.map((m) => m.name + ":" + (m.type ?? ""))))'),
    ])
    const suspended = await runFlow(doc)
    expect(suspended.status).toBe('suspended')
    expect(suspended.actions[0].logs[0].message).toBe('finishes')
    expect(suspended.challenge).toMatchObject({ kind: 'challenge', factors: [{ type: 'otp' }, { type: 'push-notification' }] })
    const done = await continueFlow(doc, suspended, await prepareContinue(suspended, { mfa: { type: 'otp' } }))
    expect(done.status).toBe('completed')
    expect(JSON.parse(done.actions[1].logs[0].message)).toEqual(['pwd:', 'mfa:otp'])
    expect(done.authentication.methods.at(-1)).toMatchObject({ name: 'mfa', type: 'otp' })
  })

  it('puts "mfa" in the ID token\'s amr after a completed MFA challenge', async () => {
    const doc = testFlow([onExecute('api.authentication.challengeWith({ type: "otp" })')])
    const suspended = await runFlow(doc)
    const done = await continueFlow(doc, suspended, await prepareContinue(suspended, { mfa: { type: 'otp' } }))
    expect(done.status).toBe('completed')
    expect(decodeJwt(done.idToken!.jwt!).amr).toEqual(['mfa'])
    const plain = await runFlow(testFlow([onExecute('')]))
    expect(decodeJwt(plain.idToken!.jwt!)).not.toHaveProperty('amr')
  })

  it('fails a challenge the user is not enrolled for, and an enrollment in factors all enrolled', async () => {
    const challenge = await runFlow(testFlow([onExecute('api.authentication.challengeWithAny([{ type: "webauthn-roaming" }])')]))
    expect(challenge.status).toBe('failed')
    expect(challenge.error?.description).toMatch(/not enrolled/)
    const enroll = await runFlow(testFlow([onExecute('api.authentication.enrollWithAny([{ type: "otp" }, { type: "phone" }])')]))
    expect(enroll.challenge?.factors).toEqual([{ type: 'phone' }])
    const none = await runFlow(testFlow([onExecute('api.authentication.enrollWith({ type: "otp" })')]))
    expect(none.status).toBe('failed')
  })

  it('counts email as enrolled for a user with a verified email', async () => {
    const challenge = await runFlow(testFlow([onExecute('api.authentication.challengeWith({ type: "email" })')]))
    expect(challenge.status).toBe('suspended')
    expect(challenge.challenge?.factors).toEqual([{ type: 'email' }])
    const extra = await runFlow(testFlow([onExecute('api.authentication.challengeWith({ type: "phone" }, { additionalFactors: [{ type: "email" }] })')]))
    expect(extra.challenge?.factors).toEqual([{ type: 'email' }])
    const any = await runFlow(testFlow([onExecute('api.authentication.challengeWithAny([{ type: "email" }, { type: "webauthn-roaming" }])')]))
    expect(any.challenge?.factors).toEqual([{ type: 'email' }])
    const enroll = await runFlow(testFlow([onExecute('api.authentication.enrollWith({ type: "email" }, { additionalFactors: [{ type: "phone" }] })')]))
    expect(enroll.challenge?.factors).toEqual([{ type: 'phone' }])
    const unverified = await runFlow(testFlow([onExecute('api.authentication.challengeWith({ type: "email" })')], { event: (event) => { event.user.email_verified = false } }))
    expect(unverified.status).toBe('failed')
    expect(unverified.error?.description).toMatch(/not enrolled/)
  })

  it('fails the login on a fifth challenge or enrollment command in one login flow, even across a resume', async () => {
    const doc = testFlow([
      onExecute('api.authentication.enrollWithAny([{ type: "phone" }]); api.authentication.challengeWith({ type: "push-notification" }); api.authentication.challengeWith({ type: "otp" })'),
      onExecute('api.authentication.challengeWithAny([{ type: "push-notification" }]); try { api.authentication.enrollWith({ type: "phone" }) } catch (e) { console.log(e.message) }'),
    ])
    const suspended = await runFlow(doc)
    expect(suspended.status).toBe('suspended')
    const done = await continueFlow(doc, suspended, await prepareContinue(suspended, { mfa: { type: 'otp' } }))
    expect(done.status).toBe('failed')
    expect(done.error).toMatchObject({ code: 'access_denied', action: 'Action 2' })
    expect(done.error?.description).toMatch(/at most 4/)
    expect(done.actions[1].logs[0].message).toMatch(/at most 4/)
    const four = await runFlow(testFlow([onExecute('for (let i = 0; i < 4; i++) api.authentication.challengeWith({ type: "otp" })')]))
    expect(four.status).toBe('suspended')
  })

  it('pauses on api.prompt.render and fills event.prompt when the form comes back', async () => {
    const doc = testFlow([{
      code: onExecute('api.prompt.render("ap_form1", { fields: { first_name: "Jane" } })') +
        'exports.onContinuePostLogin = async (event, api) => { api.user.setUserMetadata("company", event.prompt.fields.company) }',
    }])
    const suspended = await runFlow(doc)
    expect(suspended.prompt).toMatchObject({ id: 'ap_form1', fields: { first_name: 'Jane' } })
    const done = await continueFlow(doc, suspended, await prepareContinue(suspended, { prompt: { fields: { company: 'Acme' } } }))
    expect(done.user.user_metadata).toMatchObject({ company: 'Acme' })
  })
})

describe('api.cache', () => {
  it('stores records with the documented shapes and a 15 minute default lifetime', async () => {
    const result = await runFlow(testFlow([onExecute(`
      console.log(JSON.stringify(api.cache.set("k", "v")))
      console.log(JSON.stringify(api.cache.get("k")))
      console.log(JSON.stringify(api.cache.set("t", "v", { ttl: 1000, expires_at: ${NOW + 500} })))
      console.log(JSON.stringify(api.cache.set("x".repeat(65), "v")))
      console.log(JSON.stringify(api.cache.set("big", "v".repeat(4097))))
      console.log(JSON.stringify(api.cache.delete("missing")))
      console.log(String(api.cache.get("missing")))`)]), { now: NOW })
    expect(result.actions[0].logs.map((log) => JSON.parse(log.message === 'undefined' ? 'null' : log.message))).toEqual([
      { type: 'success', record: { value: 'v', expires_at: NOW + 15 * 60_000 } },
      { value: 'v', expires_at: NOW + 15 * 60_000 },
      { type: 'success', record: { value: 'v', expires_at: NOW + 500 } },
      { type: 'error', code: 'CacheKeySizeExceeded' },
      { type: 'error', code: 'CacheValueSizeExceeded' },
      { type: 'error', code: 'CacheKeyDoesNotExist' },
      null,
    ])
  })

  it('is seeded from the document and persists across runs through the store', async () => {
    const store = new MemoryCacheStore()
    const doc = testFlow([onExecute('const hit = api.cache.get("seed"); api.cache.set("count", String(Number(api.cache.get("count")?.value ?? 0) + 1)); console.log(hit?.value)')], {
      cache: { seed: { value: 'from document', expires_at: NOW + 60_000 }, old: { value: 'expired', expires_at: NOW - 1 } },
    })
    const first = await runFlow(doc, { now: NOW, cacheStore: store })
    const second = await runFlow(doc, { now: NOW, cacheStore: store })
    expect(first.actions[0].logs[0].message).toBe('from document')
    expect(second.cache.count.value).toBe('2')
    expect(second.cache).not.toHaveProperty('old')
  })
})

describe('determinism', () => {
  it('gives the same result for the same document, clock and seed', async () => {
    const doc = testFlow([onExecute(`
      const crypto = require("crypto")
      console.log(Date.now(), new Date().toISOString(), Math.random(), crypto.randomUUID(), crypto.randomBytes(4).toString("hex"))
      api.idToken.setCustomClaim("https://x.test/r", Math.random())
      api.redirect.sendUserTo("https://site.test")`)])
    const strip = (result: RunResult) => JSON.stringify({ ...result, actions: result.actions.map((action) => ({ ...action, durationMs: 0 })) })
    const a = await runFlow(doc, { now: NOW, seed: 7 })
    const b = await runFlow(doc, { now: NOW, seed: 7 })
    const c = await runFlow(doc, { now: NOW, seed: 8 })
    expect(strip(a)).toBe(strip(b))
    expect(a.actions[0].logs[0].message).toMatch(new RegExp(`^${NOW} 2026-11-23T12:00:00.000Z 0\\.\\d+ [0-9a-f-]{36} [0-9a-f]{8}$`))
    expect(a.actions[0].logs[0].message).not.toBe(c.actions[0].logs[0].message)
    expect(a.redirect!.state).not.toBe(c.redirect!.state)
  })

  it('fixes token iat/exp to the run clock', async () => {
    const doc = testFlow([onExecute('')])
    const [a, b] = [await runFlow(doc, { now: NOW }), await runFlow(doc, { now: NOW })]
    expect(a.idToken!.claims!.iat).toBe(NOW / 1000)
    expect(a.idToken!.jwt).toBe(b.idToken!.jwt)
  })
})

describe('time limit', () => {
  it('fails the run with a timeout error when an action never settles', async () => {
    const started = Date.now()
    const result = await runFlow(testFlow([onExecute('await new Promise(() => {})'), onExecute('')]), { timeLimitMs: 300 })
    expect(Date.now() - started).toBeLessThan(3000)
    expect(result.status).toBe('failed')
    expect(result.error).toMatchObject({ code: 'access_denied', description: 'Request to Webtask exceeded allowed execution time', timeout: true })
    expect(result.actions.map((action) => action.status)).toEqual(['failed', 'skipped'])
    expect(result.actions[0].error?.message).toMatch(/time limit of 0.3 s/)
  })

  it('defaults to Auth0\'s 20 seconds', async () => {
    const { DEFAULT_TIME_LIMIT_MS } = await import('./pipeline.ts')
    expect(DEFAULT_TIME_LIMIT_MS).toBe(20_000)
  })
})

describe('action code', () => {
  it('lets a module declare Node\'s globals at its top level (const crypto = require("crypto")), as Node\'s CommonJS does', async () => {
    const code = `const crypto = require('crypto');
const { Buffer } = require('buffer');
let console2 = console, process = { env: {} }, global = 'mine';
class Date2 extends Date {}
function fetch() { return 'own fetch' }
exports.onExecutePostLogin = async (event, api) => {
  console.log(crypto.createHash('sha256').update('x').digest('hex').slice(0, 8), Buffer.from('ab').toString('hex'), fetch(), global, this === exports)
};`
    const result = await runFlow(testFlow([code]))
    expect(result.status, JSON.stringify(result.error)).toBe('completed')
    expect(result.actions[0].logs[0].message).toBe('2d711642 6162 own fetch mine true')
    // The wrapper's own parameters cannot be redeclared, as in Node.
    const redeclared = await runFlow(testFlow(['const require = 1\nexports.onExecutePostLogin = async () => {}']))
    expect(redeclared.error?.description).toMatch(/Identifier 'require' has already been declared/)
  })

  it('resolves require when it is called, so a module on a path not taken never fails', async () => {
    const result = await runFlow(testFlow([onExecute('if (event.user.email === "nobody") require("left-pad"); const qs = require("node:querystring"); console.log(qs.stringify({ a: 1 }))')]))
    expect(result.status).toBe('completed')
    expect(result.actions[0].logs[0].message).toBe('a=1')
  })

  it('fails a package the action does not declare with Node\'s message and what to do', async () => {
    const result = await runFlow(testFlow([onExecute('require("stripe")')]))
    expect(result.error?.description).toMatch(/^Cannot find module 'stripe'\n'stripe' is not a dependency of this action: add it \(Dependencies tab\)/)
    expect(result.error?.line).toBe(2)
  })

  it('answers axios and fetch from the HTTP mocks and records every request', async () => {
    const mocks = [
      { method: 'GET', url: 'https://api.test/users', status: 200, body: { id: 7 }, headers: {} },
      { method: 'POST', url: 'https://api.test/events', status: 201, body: 'created', headers: {} },
      { method: 'GET', url: 'https://api.test/missing', status: 404, body: { error: 'not found' }, headers: {} },
    ]
    const result = await runFlow(testFlow([onExecute(`
      const axios = require("axios")
      const a = await axios.get("https://api.test/users", { params: { email: "a@b.c" }, headers: { Authorization: "Bearer t" } })
      const b = await axios({ method: "post", url: "https://api.test/events", data: { kind: "login" } })
      const c = await fetch("https://api.test/users").then((r) => r.json())
      const form = new FormData(); form.append("field", "value")
      const d = await fetch("https://api.test/events", { method: "POST", body: form }).then((r) => r.text())
      const e = await axios.get("https://api.test/missing").catch((error) => error.response.status + " " + error.message)
      console.log(JSON.stringify([a.data, b.status, b.data, c, d, e]))`)], { mocks }), { libraries: LIBRARIES })
    expect(result.status).toBe('completed')
    expect(JSON.parse(result.actions[0].logs[0].message)).toEqual([{ id: 7 }, 201, 'created', { id: 7 }, 'created', '404 Request failed with status code 404'])
    expect(result.http.map((h) => [h.method, h.url, h.mock, h.status])).toEqual([
      ['GET', 'https://api.test/users?email=a%40b.c', 0, 200],
      ['POST', 'https://api.test/events', 1, 201],
      ['GET', 'https://api.test/users', 0, 200],
      ['POST', 'https://api.test/events', 1, 201],
      ['GET', 'https://api.test/missing', 2, 404],
    ])
    expect(result.http[0].headers.authorization).toBe('Bearer t')
    expect(result.http[1].body).toEqual({ kind: 'login' })
    expect(result.http[3].body).toEqual({ field: 'value' })
    expect(result.timeline.filter((entry) => entry.kind === 'http').map((entry) => entry.line)).toEqual([4, 5, 6, 8, 9])
  })

  it('requires axios from the library the runtime loaded, and loads it only when an action requires it', async () => {
    let loads = 0
    const libraries = { axios: () => { loads++; return LIBRARIES.axios!() } }
    const code = onExecute('const a = require("axios"); const b = require("node:buffer"); console.log(a === require("axios"), typeof a.getUri)')
    const used = await runFlow(testFlow([code, code]), { libraries })
    expect(used.actions.map((action) => action.logs[0].message)).toEqual(['true function', 'true function'])
    expect(loads).toBe(2)
    await runFlow(testFlow([onExecute('require("crypto")')]), { libraries })
    expect(loads).toBe(2)
    const missing = await runFlow(testFlow([onExecute('require("axios")')]))
    expect(missing.error?.description).toBe("Cannot find module 'axios'\nThe playground loads axios for a run when an action's code names it.")
  })

  it('fails an unmocked request with a message naming the URL', async () => {
    const viaFetch = await runFlow(testFlow([onExecute('await fetch("https://nowhere.test/a")')]))
    expect(viaFetch.error?.description).toMatch(/No HTTP mock answers GET https:\/\/nowhere\.test\/a/)
    const viaAxios = await runFlow(testFlow([onExecute('await require("axios").post("https://nowhere.test/b", {})')]), { libraries: LIBRARIES })
    expect(viaAxios.error?.description).toMatch(/No HTTP mock answers POST https:\/\/nowhere\.test\/b/)
    expect(viaAxios.http[0]).toMatchObject({ mock: null, status: null })
  })

  it('captures console output per action, with the level and the line', async () => {
    const result = await runFlow(testFlow([onExecute('console.log("a %s", "b", { c: 1 })\nconsole.warn("careful")'), onExecute('console.error(new Error("x").message)')]))
    expect(result.actions[0].logs).toEqual([
      { level: 'log', message: 'a b { c: 1 }', phase: 'execute', line: 2 },
      { level: 'warn', message: 'careful', phase: 'execute', line: 3 },
    ])
    expect(result.actions[1].logs).toEqual([{ level: 'error', message: 'x', phase: 'execute', line: 2 }])
  })

  it('offers crypto, url, querystring, util and buffer as in Node', async () => {
    const result = await runFlow(testFlow([onExecute(`
      const crypto = require("crypto")
      console.log(crypto.createHash("md5").update("abc").digest("hex"))
      console.log(crypto.createHmac("sha256", "k").update("m").digest("base64"))
      console.log(require("url").parse("https://a.test/p?q=1", true).query.q, require("util").format("%d!", 3), require("buffer").Buffer.from("hi").toString("base64"))`)]))
    expect(result.actions[0].logs.map((log) => log.message)).toEqual([
      '900150983cd24fb0d6963f7d28e17f72',
      'tgCQ4wUil661oICInOL8S8qVfnVvrrTffTGADKHncew=',
      '1 3! aGk=',
    ])
  })

  it('passes unknown event fields through and lets an action add properties to api', async () => {
    const doc = testFlow([onExecute('api.helper = () => event.custom_field.value; console.log(api.helper())')], { event: (event) => { event.custom_field = { value: 'kept' } } })
    const result = await runFlow(doc)
    expect(result.actions[0].logs[0].message).toBe('kept')
  })

  it('records every api call with its arguments and line', async () => {
    const result = await runFlow(testFlow([onExecute('api.user\n  .setAppMetadata("a", { b: [1] })\napi.idToken.setCustomClaim("https://x.test/c", 1)')]))
    const entries = result.timeline.filter((entry) => entry.kind === 'api')
    expect(entries).toMatchObject([
      { call: 'api.user.setAppMetadata', args: ['a', { b: [1] }], action: 'Action 1', phase: 'execute', line: 3 },
      { call: 'api.idToken.setCustomClaim', args: ['https://x.test/c', 1], line: 4 },
    ])
  })
})

describe('event', () => {
  it('runs with each optional part of the event absent', async () => {
    for (const part of OPTIONAL_EVENT_PARTS) {
      const doc = testFlow([onExecute(`
        if (event.authorization) api.idToken.setCustomClaim("https://x.test/roles", event.authorization.roles)
        api.user.setAppMetadata("seen", true)
        api.transaction.setMetadata("k", "v")`)], { event: (event) => { delete event[part] } })
      const result = await runFlow(doc)
      expect(result.status, part).toBe('completed')
      expect(result.user.app_metadata.seen, part).toBe(true)
    }
  })
})

describe('console', () => {
  it('prints an error with the frames of the action only', async () => {
    const result = await runFlow(testFlow([onExecute('console.error(new TypeError("bad"))')]))
    const [first, ...frames] = result.actions[0].logs[0].message.split('\n')
    expect(first).toBe('TypeError: bad')
    expect(frames.length).toBeGreaterThan(0)
    expect(frames.every((frame) => /action-1-a1\.js:2:/.test(frame))).toBe(true)
  })

  it('keeps 256 KiB of output per action, as Auth0 does, and counts the lines it drops', async () => {
    const result = await runFlow(testFlow([onExecute('for (let i = 0; i < 300; i++) console.log("x".repeat(1023))')]))
    expect(result.actions[0].logs).toHaveLength(256)
    expect(result.actions[0].droppedLogs).toBe(44)
    expect(result.warnings.filter((warning) => warning.code === 'console-output-dropped')).toEqual([{ code: 'console-output-dropped', action: 'Action 1', message: expect.stringContaining('256 KiB') }])
  })
})
