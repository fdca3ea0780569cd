/**
 * The credentials-exchange trigger's rules ("Machine to Machine Flow", credentials-exchange API object): actions run
 * in order before the access token is returned; `api.access.deny` stops the flow after the current action with the
 * action's code and reason; after the last action Auth0 issues the client credentials access token with the custom
 * claims the actions set. Nothing leaves the flow (no redirects), so a run never suspends.
 */
import { cloneJson } from '../../engine/serialize.ts'
import { claimsSize, CUSTOM_CLAIMS_LIMIT_BYTES, filterCustomClaims, signed, tokenClaims } from '../../engine/tokens.ts'
import type { RunControl, TriggerRules } from '../../engine/trigger.ts'
import { runWarning } from '../../engine/warnings.ts'
import type { JsonObject, RunResult } from '../../engine/types.ts'
import { credentialsExchangeNamespaces, type HandlerLocal } from './api.ts'
import type { Exchange } from './exchange.ts'
import { credentialsExchangeWarning } from './warnings.ts'

type Run = RunControl<Exchange>

/** Auth0's default lifetime of an API's access tokens ("Token Expiration (Seconds)": 86400). */
export const ACCESS_TOKEN_LIFETIME_S = 86_400

/** What the next action's event shows of what earlier actions did, taken as it starts (see eventPart). */
interface EventView {
  claims: JsonObject
  targetScopes: string[] | null
}

function eventView(state: Exchange): EventView {
  // A claim's value is a fresh copy that nothing changes in place, so a shallow copy of the map holds.
  return { claims: { ...state.claims }, targetScopes: state.targetScopesChanged ? state.targetScopes.slice() : null }
}

function eventPart(key: string, original: any, view: EventView): unknown {
  const isObject = typeof original === 'object' && original !== null && !Array.isArray(original)
  // UNVERIFIED: that `event.accessToken.customClaims` shows the claims earlier actions set (the reference only names
  // the field); the running action's own copy never changes.
  if (key === 'accessToken' && isObject && Object.keys(view.claims).length) {
    return { ...original, customClaims: { ...(original.customClaims ?? {}), ...cloneJson(view.claims) } }
  }
  // "immediately updated by api.transaction target scope methods across current and subsequent Actions".
  if (key === 'transaction' && isObject && view.targetScopes) return Object.assign(original, { target_scopes: view.targetScopes.slice() })
  return original
}

function afterAction(run: Run, index: number): Promise<RunResult> | null {
  const denial = run.state.denial
  if (denial) {
    // "Mark the current token exchange as denied": no later action runs; the client gets the code and the reason.
    run.endAction(index, 'denied')
    return run.stop('denied', { code: denial.code, description: denial.description, action: denial.action })
  }
  run.endAction(index, 'ok')
  return null
}

/**
 * The scopes of the token: the target set "intersected with the client grant. Scopes not present in the grant are
 * silently dropped from the final access token" (event reference, `transaction.target_scopes`).
 */
function finalScopes(state: Exchange): string[] {
  return state.targetScopes.filter((scope) => state.grant.includes(scope))
}

async function complete(run: Run): Promise<RunResult> {
  const state = run.state
  const event = run.doc.event as Record<string, any>
  const hostname: string = event.request?.hostname ?? `${event.tenant?.id ?? 'tenant'}.auth0.com`
  const clientId = String(event.client?.client_id ?? '')
  const audience = String(event.resource_server?.identifier ?? '')
  const scopes = finalScopes(state)
  for (const scope of state.targetScopes) {
    if (!state.grant.includes(scope)) state.warnings.push(credentialsExchangeWarning('target-scope-dropped', { scope }))
  }
  // "Create Custom Claims": restricted claims and Auth0 namespaces are silently ignored; access tokens for Auth0's
  // own APIs ignore non-namespaced claims (engine/tokens.ts filterCustomClaims).
  const filtered = filterCustomClaims(state.claims, 'accessToken', audience || null)
  for (const dropped of filtered.dropped) state.warnings.push(runWarning('claim-dropped', { ...dropped, token: 'accessToken' }))
  const size = claimsSize(filtered.kept)
  if (size > CUSTOM_CLAIMS_LIMIT_BYTES) {
    // "Migrate Custom Claims": more than 100 KB of custom claims fails the transaction. The error code the client
    // gets is UNVERIFIED for this trigger; access_denied as for post-login.
    return run.stop('failed', { code: 'access_denied', description: `The custom claims of the access token are ${(size / 1024).toFixed(1)} KB, over Auth0's limit of 100 KB per token.` })
  }
  const key = run.signingKey()
  const iat = Math.floor(run.now() / 1000)
  // The client credentials access token (Client Credentials Flow): sub is "<client_id>@clients", gty
  // "client-credentials", azp the client. org_id for an organization as in the Login flow's tokens.
  const claims = tokenClaims(filtered.kept, {
    iss: `https://${hostname}/`,
    sub: `${clientId}@clients`,
    aud: audience,
    iat,
    exp: iat + ACCESS_TOKEN_LIFETIME_S,
    scope: scopes.join(' '),
    gty: 'client-credentials',
    azp: clientId,
    ...(event.organization?.id ? { org_id: String(event.organization.id) } : {}),
  })
  const result = run.result('completed')
  // Signed now, or left for `signTokens` when the run defers signing (RunOptions.deferSigning), as post-login's tokens.
  result.accessToken = { ...signed(claims, key, run.options.deferSigning), claims, customClaims: filtered.kept, scope: scopes.join(' '), audience }
  result.jwks = { keys: [key.publicJwk as JsonObject] }
  run.record('tokens.issued', { scope: scopes.join(' '), accessTokenClaims: Object.keys(filtered.kept) })
  return run.finish(result)
}

export const credentialsExchangeRules: TriggerRules<Exchange, HandlerLocal> = {
  createLocal: () => ({}),
  namespaces: credentialsExchangeNamespaces,
  eventView,
  eventPart,
  // UNVERIFIED: Auth0 documents no error for a credentials-exchange action that throws or passes the time limit. The
  // closest documented behaviour is the Login flow's: the request fails with access_denied and the error's message
  // ("Troubleshooting the access denied error"); at the time limit, "Request to Webtask exceeded allowed execution
  // time", which the community thread reports from the /oauth/token endpoint too.
  failure: (kind, message) => kind === 'timeout'
    ? { code: 'access_denied', description: 'Request to Webtask exceeded allowed execution time' }
    : { code: 'access_denied', description: message },
  afterAction: (run, index) => afterAction(run, index),
  complete,
}
