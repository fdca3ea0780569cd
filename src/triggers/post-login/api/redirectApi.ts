/** `api.redirect`: the redirect round trip (Redirect with Actions). */
import { encodeSessionToken, verifySessionToken } from '../../../engine/sessionToken.ts'
import { CHAIN, type Namespace } from '../../../engine/api/context.ts'
import type { PostLoginContext as ApiContext } from './context.ts'

/** Protocols that cannot show the user a page (the `@auth0/actions` runtime's `canRedirect`). */
const NON_INTERACTIVE_PROTOCOLS = ['oauth2-resource-owner', 'oauth2-refresh-token', 'oauth2-password', 'oauth2-webauthn']

export function canRedirect(event: Record<string, any>): boolean {
  return event.request?.query?.prompt !== 'none' && !NON_INTERACTIVE_PROTOCOLS.includes(event.transaction?.protocol)
}

export function redirectApi(ctx: ApiContext): Namespace {
  return {
    sendUserTo(url: unknown, options: { query?: Record<string, unknown> } = {}) {
      if (ctx.local.suspension?.kind === 'prompt') throw new Error('Redirect and render commands cannot be used in the same action.')
      const target = new URL(String(url))
      for (const [key, value] of Object.entries(options?.query ?? {})) target.searchParams.set(key, String(value))
      ctx.local.suspension = { kind: 'redirect', url: target.href }
      return CHAIN
    },
    encodeToken(options: { secret?: unknown; payload?: unknown; expiresInSeconds?: unknown } = {}) {
      if (typeof options.secret !== 'string' || !options.secret) {
        throw new TypeError('encodeToken needs options.secret, a non-empty string (is the secret defined for this action?).')
      }
      const payload = options.payload ?? {}
      if (typeof payload !== 'object' || payload === null) throw new TypeError('encodeToken options.payload must be an object.')
      const expiresInSeconds = options.expiresInSeconds ?? 900
      if (typeof expiresInSeconds !== 'number' || !(expiresInSeconds > 0)) throw new TypeError('encodeToken options.expiresInSeconds must be a positive number.')
      return encodeSessionToken({
        secret: options.secret,
        payload: payload as Record<string, unknown>,
        expiresInSeconds,
        now: ctx.now(),
        issuer: ctx.event.request?.hostname ?? '',
        subject: ctx.event.user?.user_id,
        ip: ctx.event.request?.ip,
      })
    },
    validateToken(options: { secret?: unknown; tokenParameterName?: unknown } = {}) {
      const name = typeof options.tokenParameterName === 'string' ? options.tokenParameterName : 'session_token'
      // The token is read from the query and the POST body of the /continue request; the body wins.
      const params = { ...ctx.event.request?.query, ...ctx.event.request?.body }
      const token = params[name]
      if (typeof token !== 'string' || !token) {
        throw new Error(`There is no parameter called '${name}' available in either the POST body or query string.`)
      }
      if (typeof options.secret !== 'string' || !options.secret) {
        throw new TypeError('validateToken needs options.secret, a non-empty string (is the secret defined for this action?).')
      }
      try {
        return verifySessionToken(token, { secret: options.secret, now: ctx.now(), state: params.state, subject: ctx.event.user?.user_id })
      } catch (error) {
        throw new Error(`The session token is invalid: ${(error as Error).message}`)
      }
    },
    /** @deprecated in Auth0, still available. */
    canRedirect: () => canRedirect(ctx.event),
  }
}
