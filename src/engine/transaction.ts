/**
 * The state one login transaction accumulates across actions: queued metadata, claims, scopes, MFA,
 * session changes. It is plain JSON, so a suspended run can carry it and be continued later.
 */
import { setOwn } from './serialize.ts'
import type { ManagementApiState } from './managementApi.ts'
import type { JsonObject, MfaFactor, ProfileUpdate, SamlChanges } from './types.ts'

export interface Denial {
  code: string
  description: string
  action: string
}

export interface Transaction {
  /** The user's metadata as stored (after the profile writes so far). */
  user: { app_metadata: JsonObject; user_metadata: JsonObject }
  /** Changes queued since the last write; `null` removes a key. */
  pending: { app_metadata: JsonObject; user_metadata: JsonObject }
  writes: ProfileUpdate[]
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
  primaryUser: string | null
  saml: SamlChanges | null
  session: JsonObject | null
  refreshToken: JsonObject | null
  transactionMetadata: JsonObject
  /** The `/continue` request, which replaces `event.request` once the flow resumed. */
  request: JsonObject | null
  prompt: JsonObject | null
  denial: Denial | null
  warnings: string[]
  /** The Management API stand-in's directory and changes, from its first request on (managementApi.ts). */
  managementApi?: ManagementApiState
}

function objectOr(value: unknown): JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : {}
}

export function initialScopes(event: Record<string, any>): string[] {
  const requested = event.transaction?.requested_scopes
  if (Array.isArray(requested)) return requested.map(String)
  const scope = event.request?.query?.scope
  return typeof scope === 'string' ? scope.split(/\s+/).filter(Boolean) : []
}

export function createTransaction(event: Record<string, any>): Transaction {
  return {
    user: structuredClone({ app_metadata: objectOr(event.user?.app_metadata), user_metadata: objectOr(event.user?.user_metadata) }),
    pending: { app_metadata: {}, user_metadata: {} },
    writes: [],
    idTokenClaims: {},
    accessTokenClaims: {},
    scopes: initialScopes(event),
    mfa: null,
    mfaMethods: [],
    mfaCommands: 0,
    failure: null,
    recordedMethods: [],
    primaryUser: null,
    saml: null,
    session: null,
    refreshToken: null,
    transactionMetadata: { ...objectOr(event.transaction?.metadata) },
    request: null,
    prompt: null,
    denial: null,
    warnings: [],
  }
}

export function applyChanges(target: JsonObject, changes: JsonObject): JsonObject {
  const out = { ...target }
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete out[key]
    else setOwn(out, key, value)
  }
  return out
}

/**
 * A copy of stored and queued metadata for an action's event: nested values are copied, so the action cannot change the
 * transaction through them. Writes through the Management API are not in it: the event carries the profile the login
 * started with and the trigger's own changes only.
 */
export function metadataForEvent(tx: Transaction): Transaction['user'] {
  const stored = tx.managementApi?.eventMetadata ?? tx.user
  const copy = (target: JsonObject, changes: JsonObject) => {
    const out: JsonObject = {}
    for (const source of [target, changes]) {
      for (const key in source) {
        const value = source[key]
        if (value === null && source === changes) delete out[key]
        else setOwn(out, key, typeof value === 'object' && value !== null ? structuredClone(value) : value)
      }
    }
    return out
  }
  return { app_metadata: copy(stored.app_metadata, tx.pending.app_metadata), user_metadata: copy(stored.user_metadata, tx.pending.user_metadata) }
}

/** The metadata later actions see: what is stored plus what is queued. */
export function currentMetadata(tx: Transaction): Transaction['user'] {
  return {
    app_metadata: applyChanges(tx.user.app_metadata, tx.pending.app_metadata),
    user_metadata: applyChanges(tx.user.user_metadata, tx.pending.user_metadata),
  }
}

/** Writes the queued metadata changes as one profile update; returns it, or null when nothing was queued. */
export function flushMetadata(tx: Transaction, when: ProfileUpdate['when']): ProfileUpdate | null {
  const { app_metadata, user_metadata } = tx.pending
  if (!Object.keys(app_metadata).length && !Object.keys(user_metadata).length) return null
  const write: ProfileUpdate = { when, app_metadata, user_metadata }
  const eventView = tx.managementApi?.eventMetadata
  if (eventView) {
    tx.managementApi!.eventMetadata = {
      app_metadata: applyChanges(eventView.app_metadata, app_metadata),
      user_metadata: applyChanges(eventView.user_metadata, user_metadata),
    }
  }
  tx.user = currentMetadata(tx)
  tx.pending = { app_metadata: {}, user_metadata: {} }
  tx.writes.push(write)
  return write
}

export type Suspension =
  | { kind: 'redirect'; url: string }
  | { kind: 'prompt'; id: string; fields: JsonObject; vars: JsonObject }
  | { kind: 'challenge'; challengeKind: 'challenge' | 'enroll'; method: string; requested: MfaFactor[] }
