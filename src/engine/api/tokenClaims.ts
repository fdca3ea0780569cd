/** What every trigger that issues a token checks at the call: a custom claim's name, and a scope's value. */
import { jsonCopy } from '../serialize.ts'
import { CHAIN, refuseReservedKey } from './context.ts'

const MAX_SCOPE_LENGTH = 280

/** `api.<token>.setCustomClaim` over a token's claims. */
export function claimSetter(claims: Record<string, unknown>) {
  return (name: unknown, value: unknown) => {
    if (typeof name !== 'string') throw new TypeError('The claim name must be a string.')
    // Auth0's runtime refuses `scope` outright; other restricted names are dropped when the token is built.
    if (name === 'scope') throw new Error('The "scope" claim cannot be set.')
    claims[refuseReservedKey(name, 'claim')] = jsonCopy(value)
    return CHAIN
  }
}

/** The validation of Auth0's runtime for a scope (`addScope`, `removeScope`, the target scopes). */
export function checkScope(scope: unknown): string {
  if (typeof scope !== 'string') throw new TypeError('The value for the scope must be a string.')
  const trimmed = scope.trim()
  if (!trimmed) throw new Error('The value for the scope is required.')
  if (trimmed.length > MAX_SCOPE_LENGTH) throw new Error(`The value for the scope exceeds the allowed maximum of ${MAX_SCOPE_LENGTH} characters.`)
  if (/\s/.test(trimmed)) throw new Error('The value for the scope must not have whitespace.')
  return trimmed
}
