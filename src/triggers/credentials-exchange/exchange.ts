/**
 * What one credentials exchange accumulates across actions, beyond what every trigger keeps (engine/runState.ts):
 * the access token's custom claims, the target scope set and a denial. Plain JSON.
 */
import { createRunState, type RunState } from '../../engine/runState.ts'
import type { JsonObject } from '../../engine/types.ts'

export interface Denial {
  code: string
  description: string
  action: string
}

export interface Exchange extends RunState {
  /** `api.accessToken.setCustomClaim`, by name; filtered by Auth0's claim rules when the token is built. */
  claims: JsonObject
  /** The live target scope set (`api.transaction.*TargetScope*`), initialized as Auth0's runtime does. */
  targetScopes: string[]
  /** Whether an action changed the target scope set. */
  targetScopesChanged: boolean
  /** The scopes the client grant allows for this audience: the target set is intersected with it at the end. */
  grant: string[]
  denial: Denial | null
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [])

export function createExchange(event: Record<string, any>): Exchange {
  const issued = strings(event.accessToken?.scope)
  const target = Array.isArray(event.transaction?.target_scopes) ? strings(event.transaction.target_scopes) : issued
  return {
    ...createRunState(event),
    claims: {},
    // Auth0's runtime (`@auth0/actions` credentials-exchange v2) starts the target scope set from
    // `event.accessToken.scope`; the event reference says "initialized from the client grants". The playground takes
    // `event.transaction.target_scopes` when the event has it, else the access token's scopes.
    targetScopes: [...new Set(target)],
    targetScopesChanged: false,
    // The client grant is not in the event: the playground takes the scopes the event shows as issuable.
    grant: [...new Set([...issued, ...target])],
    denial: null,
  }
}
