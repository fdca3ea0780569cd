/** The credentials-exchange `api` object: access, accessToken, cache and (Early Access) transaction. */
import { checkScope, claimSetter } from '../../engine/api/tokenClaims.ts'
import { cacheApi, CHAIN, type ApiContext, type Namespace } from '../../engine/api/context.ts'
import type { Exchange } from './exchange.ts'

/** Nothing lives for one handler call only in this trigger. */
export type HandlerLocal = Record<string, never>
export type ExchangeContext = ApiContext<Exchange, HandlerLocal>

/** "api.access.deny(code, reason)": "Allowed values: invalid_scope, invalid_request, server_error" (API object reference). */
export const DENY_CODES = ['invalid_scope', 'invalid_request', 'server_error'] as const


function accessApi(ctx: ExchangeContext): Namespace {
  return {
    /**
     * "Mark the current token exchange as denied": the action finishes, then no further action runs and the client
     * gets `code` as `error` and `reason` as `error_description`. Another code: UNVERIFIED what Auth0 does (its types
     * allow only the three); the playground refuses it with an error at the call, which fails the exchange unless the
     * action catches it.
     */
    deny(code: unknown, reason?: unknown) {
      if (typeof code !== 'string' || !(DENY_CODES as readonly string[]).includes(code)) {
        throw new TypeError(`The code must be one of ${DENY_CODES.join(', ')} (got ${JSON.stringify(code) ?? String(code)}).`)
      }
      if (reason !== undefined && typeof reason !== 'string') throw new TypeError('The reason must be a string.')
      ctx.tx.denial ??= { code, description: reason ?? '', action: ctx.action.name }
      return CHAIN
    },
  }
}

function accessTokenApi(ctx: ExchangeContext): Namespace {
  return {
    /**
     * "Set a custom claim on the Access Token that will be issued." Restricted names and Auth0 namespaces are dropped
     * silently when the token is built ("Create Custom Claims", engine/tokens.ts filterCustomClaims); `scope` is refused
     * at the call, as Auth0's runtime refuses it for post-login (UNVERIFIED for this trigger, same shared helper).
     */
    setCustomClaim: claimSetter(ctx.tx.claims),
  }
}


/**
 * `api.transaction` [Early Access]: the target scope set, "immediately updated by api.transaction target scope methods
 * across current and subsequent Actions" (event reference, `transaction.target_scopes`): the running action's
 * `event.transaction.target_scopes` follows each call, as in Auth0's runtime.
 */
function transactionApi(ctx: ExchangeContext): Namespace {
  const update = (scopes: string[]) => {
    ctx.tx.targetScopes = scopes
    ctx.tx.targetScopesChanged = true
    if (typeof ctx.event.transaction === 'object' && ctx.event.transaction !== null) ctx.event.transaction.target_scopes = [...scopes]
  }
  return {
    addTargetScope(scope: unknown) {
      const value = checkScope(scope)
      update(ctx.tx.targetScopes.includes(value) ? [...ctx.tx.targetScopes] : [...ctx.tx.targetScopes, value])
    },
    removeTargetScope(scope: unknown) {
      const value = checkScope(scope)
      update(ctx.tx.targetScopes.filter((existing) => existing !== value))
    },
    setTargetScopes(scopes: unknown) {
      if (!Array.isArray(scopes)) throw new TypeError('The value for scopes must be an array.')
      const checked = scopes.map(checkScope)
      update([...new Set(checked)])
    },
    clearTargetScopes() {
      update([])
    },
  }
}

export function credentialsExchangeNamespaces(ctx: ExchangeContext): Record<string, Namespace> {
  return {
    access: accessApi(ctx),
    accessToken: accessTokenApi(ctx),
    cache: cacheApi(ctx),
    transaction: transactionApi(ctx),
  }
}
