import { describe, expect, it } from 'vitest'
import { CREDENTIALS_EXCHANGE_MESSAGES } from '../triggers/credentials-exchange/warnings.ts'
import { POST_LOGIN_MESSAGES } from '../triggers/post-login/warnings.ts'
import { PRE_USER_REGISTRATION_MESSAGES } from '../triggers/pre-user-registration/warnings.ts'
import type { RunWarningValues } from './types.ts'
import { ENGINE_MESSAGES, runWarning } from './warnings.ts'

/** Values for every code a run can warn with: the type asks for each code of `RunWarning`. */
const SAMPLES: RunWarningValues = {
  'claim-dropped': { token: 'accessToken', claim: 'email', reason: 'scope-not-requested', scope: 'email' },
  'opaque-access-token': {},
  'no-id-token': {},
  'console-output-dropped': { action: 'Action 1' },
  'steps-dropped': { limit: 100_000 },
  'management-api-users-ignored': { ignored: [null, 'auth0|1'] },
  'management-api-unknown-roles': { roles: ['rol_1'] },
  'linked-without-primary-user': { into: 'auth0|1' },
  'saml-login-no-token': { token: 'idToken' },
  'record-method-outside-continue': { action: 'Action 1' },
  'saml-deprecated-algorithm': { action: 'Action 1', setter: 'setDigestAlgorithm', algorithm: 'sha1', replacement: 'sha256' },
  'passwordless-metadata-ignored': { action: 'Action 1', strategy: 'email' },
  'connection-not-run': { strategy: 'google-oauth2' },
  'target-scope-dropped': { scope: 'admin:all' },
}

const TABLES: Record<string, Record<string, (values: any) => string>> = {
  engine: ENGINE_MESSAGES,
  'post-login': POST_LOGIN_MESSAGES,
  'pre-user-registration': PRE_USER_REGISTRATION_MESSAGES,
  'credentials-exchange': CREDENTIALS_EXCHANGE_MESSAGES,
}

describe('run warnings', () => {
  it('have one message builder for every code, in exactly one place', () => {
    const codes = Object.values(TABLES).flatMap((table) => Object.keys(table))
    expect(new Set(codes).size).toBe(codes.length)
    expect(codes.sort()).toEqual(Object.keys(SAMPLES).sort())
    for (const [code, values] of Object.entries(SAMPLES)) {
      const builders = Object.values(TABLES).filter((table) => Object.hasOwn(table, code))
      expect(builders, code).toHaveLength(1)
      expect(builders[0][code](values), code).toMatch(/\S/)
    }
  })

  it('are plain JSON: the code, the values and the message the builder makes', () => {
    const warning = runWarning('management-api-users-ignored', { ignored: [null, 'auth0|2'] })
    expect(warning).toEqual({
      code: 'management-api-users-ignored',
      ignored: [null, 'auth0|2'],
      message: 'The Management API stand-in ignored a user without a user_id, a second user auth0|2 in mocks.managementApi.users.',
    })
    expect(JSON.parse(JSON.stringify(warning))).toEqual(warning)
    expect(structuredClone(warning)).toEqual(warning)
  })

  it('say why a claim is dropped from its values', () => {
    expect(runWarning('claim-dropped', { token: 'accessToken', claim: 'email', reason: 'scope-not-requested', scope: 'email' }).message)
      .toBe('Auth0 drops the claim "email" from the access token: it is an OIDC profile claim and the "email" scope was not requested.')
    expect(runWarning('claim-dropped', { token: 'accessToken', claim: 'plain', reason: 'auth0-api-not-namespaced' }).message)
      .toBe('Auth0 drops the claim "plain" from the access token: access tokens for Auth0 APIs ignore non-namespaced claims.')
  })
})
