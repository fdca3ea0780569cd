/** `api.accessToken` and `api.idToken`. */
import { jsonCopy } from '../../../engine/serialize.ts'
import { CHAIN, refuseReservedKey, type Namespace } from '../../../engine/api/context.ts'
import type { PostLoginContext as ApiContext } from './context.ts'

const MAX_SCOPE_LENGTH = 280
const MAX_SCOPE_CHANGES = 1000

function setCustomClaim(claims: Record<string, unknown>) {
  return (name: unknown, value: unknown) => {
    if (typeof name !== 'string') throw new TypeError('The claim name must be a string.')
    // Auth0's runtime refuses `scope` outright; other restricted names are dropped when the token is built.
    if (name === 'scope') throw new Error('The "scope" claim cannot be set.')
    claims[refuseReservedKey(name, 'claim')] = jsonCopy(value)
    return CHAIN
  }
}

/** The validation of Auth0's runtime for `addScope` / `removeScope`. */
function checkScope(scope: unknown): string {
  if (typeof scope !== 'string') throw new TypeError('The value for the scope must be a string.')
  const trimmed = scope.trim()
  if (!trimmed) throw new Error('The value for the scope is required.')
  if (trimmed.length > MAX_SCOPE_LENGTH) throw new Error(`The value for the scope exceeds the allowed maximum of ${MAX_SCOPE_LENGTH} characters.`)
  if (/\s/.test(trimmed)) throw new Error('The value for the scope must not have whitespace.')
  return trimmed
}

export function accessTokenApi(ctx: ApiContext): Namespace {
  let changes = 0
  const count = () => {
    if (++changes > MAX_SCOPE_CHANGES) throw new Error(`No more than ${MAX_SCOPE_CHANGES} scope changes are allowed.`)
  }
  return {
    setCustomClaim: setCustomClaim(ctx.tx.accessTokenClaims),
    addScope(scope: unknown) {
      const value = checkScope(scope)
      count()
      if (!ctx.tx.scopes.includes(value)) ctx.tx.scopes.push(value)
      return CHAIN
    },
    removeScope(scope: unknown) {
      const value = checkScope(scope)
      count()
      ctx.tx.scopes = ctx.tx.scopes.filter((existing) => existing !== value)
      return CHAIN
    },
  }
}

export function idTokenApi(ctx: ApiContext): Namespace {
  return { setCustomClaim: setCustomClaim(ctx.tx.idTokenClaims) }
}
