/** `api.accessToken` and `api.idToken`. */
import { CHAIN, type Namespace } from '../../../engine/api/context.ts'
import { checkScope, claimSetter } from '../../../engine/api/tokenClaims.ts'
import type { PostLoginContext as ApiContext } from './context.ts'

const MAX_SCOPE_CHANGES = 1000

export function accessTokenApi(ctx: ApiContext): Namespace {
  let changes = 0
  const count = () => {
    if (++changes > MAX_SCOPE_CHANGES) throw new Error(`No more than ${MAX_SCOPE_CHANGES} scope changes are allowed.`)
  }
  return {
    setCustomClaim: claimSetter(ctx.tx.accessTokenClaims),
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
  return { setCustomClaim: claimSetter(ctx.tx.idTokenClaims) }
}
