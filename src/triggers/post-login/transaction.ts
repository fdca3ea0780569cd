/**
 * The state one login transaction accumulates across actions, beyond the metadata every trigger keeps
 * (engine/runState.ts): claims, scopes, MFA, session changes. Plain JSON, so a suspended run can carry it.
 */
import { createRunState, objectOr, type RunState } from '../../engine/runState.ts'
import type { JsonObject, MfaFactor, SamlChanges } from '../../engine/types.ts'

export interface Denial {
  code: string
  description: string
  action: string
}

export interface Transaction extends RunState {
  idTokenClaims: JsonObject
  accessTokenClaims: JsonObject
  scopes: string[]
  mfa: { provider: string; options: JsonObject; action: string } | null
  /** `{ name: 'mfa', type, timestamp }` for each factor completed during this transaction. */
  mfaMethods: JsonObject[]
  /** `challengeWith*`/`enrollWith*` commands so far in this login flow (Auth0 allows four). */
  mfaCommands: number
  /** Set when an api call failed the login outright, whatever the action does next. */
  failure: string | null
  recordedMethods: string[]
  saml: SamlChanges | null
  session: JsonObject | null
  refreshToken: JsonObject | null
  transactionMetadata: JsonObject
  /** The `/continue` request, which replaces `event.request` once the flow resumed. */
  request: JsonObject | null
  prompt: JsonObject | null
  denial: Denial | null
  /** What the run being continued was waiting for. */
  suspendedKind?: Suspension['kind']
}

export function initialScopes(event: Record<string, any>): string[] {
  const requested = event.transaction?.requested_scopes
  if (Array.isArray(requested)) return requested.map(String)
  const scope = event.request?.query?.scope
  return typeof scope === 'string' ? scope.split(/\s+/).filter(Boolean) : []
}

export function createTransaction(event: Record<string, any>): Transaction {
  return {
    ...createRunState(event),
    idTokenClaims: {},
    accessTokenClaims: {},
    scopes: initialScopes(event),
    mfa: null,
    mfaMethods: [],
    mfaCommands: 0,
    failure: null,
    recordedMethods: [],
    saml: null,
    session: null,
    refreshToken: null,
    transactionMetadata: { ...objectOr(event.transaction?.metadata) },
    request: null,
    prompt: null,
    denial: null,
  }
}

export type Suspension =
  | { kind: 'redirect'; url: string }
  | { kind: 'prompt'; id: string; fields: JsonObject; vars: JsonObject }
  | { kind: 'challenge'; challengeKind: 'challenge' | 'enroll'; method: string; requested: MfaFactor[] }
