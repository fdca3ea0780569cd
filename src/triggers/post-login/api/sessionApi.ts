/** `api.session` and `api.refreshToken` ([Enterprise] in Auth0): revoke and the expiry setters return the api object, as documented. */
import type { JsonObject } from '../../../engine/types.ts'
import { CHAIN, refuseReservedKey, requireString, requireTimestamp, type Namespace } from '../../../engine/api/context.ts'
import type { PostLoginContext as ApiContext } from './context.ts'

const MAX_METADATA_KEYS = 25
const MAX_METADATA_VALUE = 255
const METADATA_KEY = /^[a-zA-Z0-9_-]{1,255}$/

/** Changes to a session or refresh token, and the metadata the event shows for it (kept up to date live). */
function changesOf(ctx: ApiContext, field: 'session' | 'refreshToken', eventField: 'session' | 'refresh_token'): JsonObject {
  ctx.tx[field] ??= {}
  const changes = ctx.tx[field]!
  changes.metadata ??= { ...(ctx.event[eventField]?.metadata ?? {}) }
  return changes
}

function metadataMethods(ctx: ApiContext, field: 'session' | 'refreshToken', eventField: 'session' | 'refresh_token', label: string): Namespace {
  const metadata = () => {
    if (field === 'session' && !ctx.event.session) {
      throw new Error('Failed to set session metadata: Cannot set metadata on a session that does not exist.')
    }
    return changesOf(ctx, field, eventField).metadata as JsonObject
  }
  const publish = (values: JsonObject) => {
    if (ctx.event[eventField]) ctx.event[eventField].metadata = { ...values }
  }
  return {
    setMetadata(key: unknown, value: unknown) {
      const values = metadata()
      const name = refuseReservedKey(requireString(key, `The ${label} metadata key`), `${label} metadata key`)
      if (!METADATA_KEY.test(name)) throw new Error(`Invalid ${label} metadata key "${name}": use 1 to 255 letters, digits, "_" or "-".`)
      if (value === null) delete values[name]
      else {
        if (typeof value !== 'string') throw new TypeError(`${label} metadata values must be strings.`)
        if (value.length > MAX_METADATA_VALUE) throw new Error(`${label} metadata values are limited to ${MAX_METADATA_VALUE} characters.`)
        if (!(name in values) && Object.keys(values).length >= MAX_METADATA_KEYS) throw new Error(`${label} metadata is limited to ${MAX_METADATA_KEYS} keys.`)
        values[name] = value
      }
      publish(values)
    },
    deleteMetadata(key: unknown) {
      const values = metadata()
      delete values[requireString(key, `The ${label} metadata key`)]
      publish(values)
    },
    evictMetadata() {
      const values = metadata()
      for (const key of Object.keys(values)) delete values[key]
      publish(values)
    },
  }
}

/** When an expiry is set repeatedly, the earliest wins. */
function setEarliest(changes: JsonObject, field: string, value: number) {
  const current = changes[field]
  changes[field] = typeof current === 'number' ? Math.min(current, value) : value
}

/** `setExpiresAt` and `setIdleExpiresAt`, for a session or a refresh token. */
function expiryMethods(changes: () => JsonObject, label: string): Namespace {
  return {
    setExpiresAt(absolute: unknown) {
      setEarliest(changes(), 'expires_at', requireTimestamp(absolute, `The ${label} expiry`))
      return CHAIN
    },
    setIdleExpiresAt(idle: unknown) {
      setEarliest(changes(), 'idle_expires_at', requireTimestamp(idle, `The ${label} idle expiry`))
      return CHAIN
    },
  }
}

export function sessionApi(ctx: ApiContext): Namespace {
  const changes = () => changesOf(ctx, 'session', 'session')
  return {
    revoke(reason: unknown, options: { preserveRefreshTokens?: unknown } = {}) {
      const description = requireString(reason, 'The revoke reason')
      Object.assign(changes(), { revoked: true, reason: description, preserveRefreshTokens: options?.preserveRefreshTokens === true })
      // Revoking rejects the transaction: no further actions run.
      ctx.tx.denial ??= { code: 'access_denied', description, action: ctx.action.name }
      return CHAIN
    },
    ...expiryMethods(changes, 'session'),
    setCookieMode(mode: unknown) {
      if (mode !== 'persistent' && mode !== 'non-persistent') throw new TypeError('The cookie mode must be "persistent" or "non-persistent".')
      changes().cookie_mode = mode
    },
    ...metadataMethods(ctx, 'session', 'session', 'Session'),
  }
}

export function refreshTokenApi(ctx: ApiContext): Namespace {
  const changes = () => changesOf(ctx, 'refreshToken', 'refresh_token')
  return {
    revoke(reason: unknown) {
      const description = requireString(reason, 'The revoke reason')
      if (ctx.event.transaction?.protocol !== 'oauth2-refresh-token') {
        throw new Error('api.refreshToken.revoke can only be used during a refresh token exchange (transaction.protocol "oauth2-refresh-token").')
      }
      Object.assign(changes(), { revoked: true, reason: description })
      ctx.tx.denial ??= { code: 'access_denied', description, action: ctx.action.name }
      return CHAIN
    },
    ...expiryMethods(changes, 'refresh token'),
    ...metadataMethods(ctx, 'refreshToken', 'refresh_token', 'Refresh token'),
  }
}
