import { describe, expect, it } from 'vitest'
import { runFlow } from '../../../engine/pipeline.ts'
import { onExecute, testFlow } from '../../../engine/testing.ts'

/** Runs one handler body and returns what `api` method calls threw, in order. */
async function errorsOf(body: string, event?: (event: Record<string, any>) => void) {
  const code = onExecute(body.split('\n').map((line) => (line.trim() ? `try { ${line} } catch (e) { console.log("ERR " + e.message) }` : '')).join('\n'))
  const result = await runFlow(testFlow([code], { event }))
  return { result, errors: result.actions[0].logs.map((log) => log.message.replace(/^ERR /, '')) }
}

describe('api argument validation', () => {
  it('refuses the scope claim and invalid scopes with Auth0\'s messages', async () => {
    const { errors } = await errorsOf([
      'api.idToken.setCustomClaim("scope", "x")',
      'api.accessToken.setCustomClaim("scope", "x")',
      'api.accessToken.addScope("")',
      'api.accessToken.addScope("read write")',
      'api.accessToken.addScope(5)',
      'api.accessToken.removeScope("x".repeat(281))',
    ].join('\n'))
    expect(errors).toEqual([
      'The "scope" claim cannot be set.',
      'The "scope" claim cannot be set.',
      'The value for the scope is required.',
      'The value for the scope must not have whitespace.',
      'The value for the scope must be a string.',
      'The value for the scope exceeds the allowed maximum of 280 characters.',
    ])
  })

  it('refuses __proto__, constructor and prototype as metadata keys and claim names', async () => {
    const calls = ['api.user.setAppMetadata', 'api.user.setUserMetadata', 'api.idToken.setCustomClaim', 'api.accessToken.setCustomClaim']
    const { errors, result } = await errorsOf(calls.flatMap((call) => ['__proto__', 'constructor', 'prototype'].map((key) => `${call}("${key}", { polluted: true })`)).join('\n'))
    expect(errors).toEqual([
      ...['app_metadata', 'user_metadata'].flatMap((field) => ['__proto__', 'constructor', 'prototype'].map((key) => `The "${key}" ${field} property cannot be set.`)),
      ...['ID token', 'access token'].flatMap(() => ['__proto__', 'constructor', 'prototype'].map((key) => `The "${key}" claim cannot be set.`)),
    ])
    expect(result.profileUpdates.count).toBe(0)
  })

  it('keeps __proto__ away from what later actions see', async () => {
    const result = await runFlow(testFlow([
      onExecute('try { api.user.setAppMetadata("__proto__", { admin: true }) } catch {}'),
      onExecute('console.log(String(event.user.app_metadata.admin), Object.getPrototypeOf(event.user.app_metadata) === Object.prototype)'),
    ]))
    expect(result.actions[1].logs[0].message).toBe('undefined true')
  })

  it('refuses the same names as other keys an action chooses', async () => {
    const { errors } = await errorsOf([
      'api.transaction.setMetadata("__proto__", "x")',
      'api.session.setMetadata("constructor", "x")',
      'api.refreshToken.setMetadata("__proto__", "x")',
      'api.samlResponse.setAttribute("__proto__", ["a"])',
    ].join('\n'), (event) => { event.refresh_token = { metadata: {} } })
    expect(errors).toEqual([
      'The "__proto__" transaction metadata key cannot be set.',
      'The "constructor" Session metadata key cannot be set.',
      'The "__proto__" Refresh token metadata key cannot be set.',
      'The "__proto__" SAML attribute cannot be set.',
    ])
  })

  it('returns api from chainable methods', async () => {
    const result = await runFlow(testFlow([onExecute(`
      const same = api.access.deny("x") === api && api.accessToken.setCustomClaim("https://a.test/x", 1) === api &&
        api.accessToken.addScope("a") === api && api.accessToken.removeScope("a") === api && api.idToken.setCustomClaim("https://a.test/y", 1) === api &&
        api.multifactor.enable("any") === api && api.user.setAppMetadata("a", 1) === api && api.user.setUserMetadata("b", 2) === api &&
        api.redirect.sendUserTo("https://x.test") === api && api.samlResponse.setAttribute("a", "b") === api && api.validation.error("c", "d") === api &&
        api.authentication.recordMethod("https://mfa.test") === api && api.session.setExpiresAt(1) === api &&
        api.session.setIdleExpiresAt(1) === api && api.refreshToken.setExpiresAt(1) === api && api.refreshToken.setIdleExpiresAt(1) === api &&
        api.session.revoke("x") === api
      console.log(String(same))`)]))
    expect(result.actions[0].logs[0].message).toBe('true')
  })

  it('refuses metadata writes when the stored metadata is not an object', async () => {
    const { errors } = await errorsOf('api.user.setAppMetadata("a", 1)\napi.user.setUserMetadata("a", 1)', (event) => {
      event.user.app_metadata = 'oops'
      event.user.user_metadata = [1]
    })
    expect(errors).toEqual(['Unexpected app_metadata format. Must be a valid JSON object.', 'Unexpected user_metadata format. Must be a valid JSON object.'])
  })

  it('updates event.transaction.metadata at once, within limits', async () => {
    const { errors } = await errorsOf([
      'api.transaction.setMetadata("k", "v"); console.log(JSON.stringify(event.transaction.metadata))',
      'api.transaction.setMetadata("big", 2 ** 60)',
      'api.transaction.setMetadata("obj", {})',
      'api.transaction.setMetadata("x".repeat(65), 1)',
      'api.transaction.addTargetScope("a")',
    ].join('\n'))
    expect(errors).toEqual([
      '{"k":"v"}',
      'Transaction metadata numbers must be safe integers.',
      'Transaction metadata values must be a string, number or boolean.',
      'Transaction metadata keys must be 1 to 64 characters.',
      'Method not implemented.',
    ])
  })

  it('keeps session metadata rules and needs a session for them', async () => {
    const withSession = await errorsOf('api.session.setMetadata("device", "laptop"); console.log(event.session.metadata.device)\napi.session.setMetadata("bad key!", "x")')
    expect(withSession.errors).toEqual(['laptop', 'Invalid Session metadata key "bad key!": use 1 to 255 letters, digits, "_" or "-".'])
    const without = await errorsOf('api.session.setMetadata("a", "b")', (event) => { delete event.session })
    expect(without.errors).toEqual(['Failed to set session metadata: Cannot set metadata on a session that does not exist.'])
  })

  it('keeps the earliest session expiry and revoke denies the login', async () => {
    const { result } = await errorsOf('api.session.setExpiresAt(2000); api.session.setExpiresAt(1000); api.session.setIdleExpiresAt(500)\napi.session.revoke("suspicious")')
    expect(result.session).toMatchObject({ expires_at: 1000, idle_expires_at: 500, revoked: true })
    expect(result.status).toBe('denied')
    expect(result.error).toMatchObject({ code: 'access_denied', description: 'suspicious' })
  })

  it('allows api.refreshToken.revoke only in a refresh-token exchange', async () => {
    const login = await errorsOf('api.refreshToken.revoke("no")')
    expect(login.errors[0]).toMatch(/only be used during a refresh token exchange/)
    const refresh = await errorsOf('api.refreshToken.revoke("no")', (event) => { event.transaction.protocol = 'oauth2-refresh-token' })
    expect(refresh.result.status).toBe('denied')
  })

  it('reports canRedirect as Auth0\'s runtime does', async () => {
    const interactive = await errorsOf('console.log(String(api.redirect.canRedirect()))')
    const silent = await errorsOf('console.log(String(api.redirect.canRedirect()))', (event) => { event.request.query.prompt = 'none' })
    const refresh = await errorsOf('console.log(String(api.redirect.canRedirect()))', (event) => { event.transaction.protocol = 'oauth2-refresh-token' })
    expect([interactive.errors[0], silent.errors[0], refresh.errors[0]]).toEqual(['true', 'false', 'false'])
  })

  it('allows one render per action and never a render with a redirect', async () => {
    const twice = await errorsOf('api.prompt.render("f1")\napi.prompt.render("f2")\napi.redirect.sendUserTo("https://x.test")')
    expect(twice.errors).toEqual(['Only 1 render command per action is allowed.', 'Redirect and render commands cannot be used in the same action.'])
  })

  it('validates MFA providers and factors', async () => {
    const { errors } = await errorsOf([
      'api.multifactor.enable("sms")',
      'api.multifactor.enable("duo")',
      'api.authentication.challengeWith({ type: "carrier-pigeon" })',
      'api.authentication.enrollWith({ type: "sms" })',
      'api.authentication.setPrimaryUser("")',
    ].join('\n'))
    expect(errors[0]).toMatch(/^Unsupported MFA provider "sms"/)
    expect(errors[1]).toBe('The duo provider needs options.providerOptions with host, ikey and skey.')
    expect(errors[2]).toMatch(/^Unsupported MFA factor "carrier-pigeon"/)
    expect(errors[3]).toMatch(/^Unsupported MFA factor "sms"/)
    expect(errors[4]).toBe('The provided primary_user_id must be a non-empty string')
  })

  it('changes the primary user once and discards that action\'s user metadata', async () => {
    const result = await runFlow(testFlow([
      onExecute('api.user.setUserMetadata("kept", 1)'),
      onExecute('api.user.setUserMetadata("dropped", 1); api.authentication.setPrimaryUser("auth0|primary"); try { api.authentication.setPrimaryUser("auth0|again") } catch (e) { console.log(e.message) }'),
    ]))
    expect(result.actions[1].logs[0].message).toBe('The primary user can only be altered once per transaction')
    expect(result.user.user_metadata).toMatchObject({ kept: 1 })
    expect(result.user.user_metadata).not.toHaveProperty('dropped')
    expect(result.idToken?.claims?.sub).toBe('auth0|primary')
  })

  it('records a custom method only in onContinuePostLogin', async () => {
    const result = await runFlow(testFlow([onExecute('api.authentication.recordMethod("https://mfa.example.com")')]))
    expect(result.authentication.recordedMethods).toEqual([])
    expect(result.warnings).toEqual([{ code: 'record-method-outside-continue', action: 'Action 1', message: expect.stringMatching(/only available in onContinuePostLogin/) }])
  })

  it('checks SAML settings and attributes', async () => {
    const { errors, result } = await errorsOf([
      'api.samlResponse.setAttribute("http://schemas.example.com/role", ["a", "b"]).samlResponse.setLifetimeInSeconds(600)',
      'api.samlResponse.setLifetimeInSeconds(-1)',
      'api.samlResponse.setSignatureAlgorithm("md5")',
      'api.samlResponse.setSignResponse("yes")',
      'api.samlResponse.setDigestAlgorithm("sha1")',
    ].join('\n'))
    expect(errors).toEqual([
      'api.samlResponse.setLifetimeInSeconds: the value must be a positive whole number of seconds.',
      'api.samlResponse.setSignatureAlgorithm: the value must be one of rsa-sha256, rsa-sha1.',
      'api.samlResponse.setSignResponse: the value must be a boolean.',
    ])
    expect(result.saml).toEqual({ attributes: { 'http://schemas.example.com/role': ['a', 'b'] }, configuration: { lifetimeInSeconds: 600, digestAlgorithm: 'sha1' } })
    expect(result.warnings).toContainEqual({
      code: 'saml-deprecated-algorithm', action: 'Action 1', setter: 'setDigestAlgorithm', algorithm: 'sha1', replacement: 'sha256',
      message: 'Action 1: setDigestAlgorithm("sha1") is deprecated and insecure; use "sha256".',
    })
  })

  it('fails the login with the code and message of api.validation.error', async () => {
    const result = await runFlow(testFlow([onExecute('api.validation.error("invalid_profile", "Please complete your profile.")'), onExecute('')]))
    expect(result.status).toBe('denied')
    expect(result.error).toMatchObject({ code: 'invalid_profile', description: 'Please complete your profile.' })
    expect(result.actions[1].status).toBe('skipped')
  })

  it('answers rules.wasExecuted with false: no Rules run in the playground', async () => {
    const { errors } = await errorsOf('console.log(String(api.rules.wasExecuted("rul_123")))')
    expect(errors).toEqual(['false'])
  })

  it('records every namespace in the timeline', async () => {
    const result = await runFlow(testFlow([onExecute(`
      api.cache.get("x"); api.rules.wasExecuted("r"); api.redirect.canRedirect(); api.transaction.setMetadata("a", 1)
      api.session.setCookieMode("persistent"); api.refreshToken.setMetadata("a", "b"); api.samlResponse.setIssuer("urn:x")`)]))
    expect(result.timeline.filter((entry) => entry.kind === 'api').map((entry) => entry.call)).toEqual([
      'api.cache.get', 'api.rules.wasExecuted', 'api.redirect.canRedirect', 'api.transaction.setMetadata',
      'api.session.setCookieMode', 'api.refreshToken.setMetadata', 'api.samlResponse.setIssuer',
    ])
    expect(result.timeline.find((entry) => entry.call === 'api.redirect.canRedirect')?.returned).toBe(true)
  })
})
