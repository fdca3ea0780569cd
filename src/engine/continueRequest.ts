/**
 * The external site's side of a redirect: turns a description of what it sends back to `/continue`
 * (query, body, a session token to sign) into the request that resumes the flow.
 */
import type { ContinueRequest } from './pipeline.ts'
import { setOwn } from './serialize.ts'
import { signExternalSessionToken } from './sessionToken.ts'
import type { ContinueSpec, JsonValue, RunResult } from './types.ts'

export type { ContinueSpec }

export async function prepareContinue(suspended: RunResult, spec: ContinueSpec = {}, now: number = Date.now()): Promise<ContinueRequest> {
  if (!suspended.resume) throw new Error('Only a suspended run can be continued.')
  const state = spec.state === undefined ? suspended.resume.state : spec.state
  const query: Record<string, JsonValue> = { ...spec.query }
  if (state !== null) query.state = state
  const body: Record<string, JsonValue> = { ...spec.body }
  if (spec.sessionToken) {
    // WebCrypto's own message for this ("HMAC key data must not be empty") names neither the token nor the secret.
    if (!spec.sessionToken.secret) throw new Error('The session token cannot be signed: its secret is empty.')
    setOwn(body, spec.sessionToken.parameter ?? 'session_token', await signExternalSessionToken({
      payload: spec.sessionToken.payload ?? {},
      secret: spec.sessionToken.secret,
      state: suspended.resume.state,
      subject: suspended.resume.subject,
      now,
      expiresInSeconds: spec.sessionToken.expiresInSeconds,
    }))
  }
  return { query, body, ...(spec.mfa ? { mfa: spec.mfa } : {}), ...(spec.prompt ? { prompt: spec.prompt } : {}) }
}
