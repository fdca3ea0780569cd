/**
 * The tokens Auth0 would issue, built and signed after the last action (the final JWT is not visible to
 * actions). Custom claims follow "Create Custom Claims": restricted names and Auth0-domain namespaces are
 * silently ignored, access tokens for Auth0's own APIs ignore non-namespaced claims, and more than 100 KB
 * of custom claims in one token fails the login.
 */
import type { JWK } from 'jose'
import { PLAYGROUND_SIGNING_KEY } from './playgroundKey.ts'
import { createRs256Signer, rsaThumbprint, signJwt, type RsaPrivateJwk } from './rs256.ts'
import { utf8Length } from './serialize.ts'
import type { AccessTokenResult, DroppedClaim, IssuedToken, JsonObject, JsonValue, RunWarning } from './types.ts'
import { runWarning } from './warnings.ts'

export const RESTRICTED_CLAIMS = new Set(
  ('acr act active amr at_hash ath attest aud auth_time authorization_details azp c_hash client_id cnf cty dest ' +
    'entitlements events exp groups gty htm htu iat internalService iss jcard jku jti jwe jwk kid may_act mky nbf ' +
    'nonce object_id org_id org_name orig origid permissions roles rph s_hash sid sip_callid sip_cseq_num sip_date ' +
    'sip_from_tag sip_via_branch sub sub_jwk toe txn typ uuid vot vtm x5t#S256').split(' '),
)

export const CUSTOM_CLAIMS_LIMIT_BYTES = 100 * 1024

const AUTH0_DOMAINS = ['auth0.com', 'webtask.io', 'webtask.run']

function isNamespaced(name: string): boolean {
  return /^[a-z][a-z\d+.-]*:/i.test(name)
}

function namespaceHost(name: string): string | null {
  try { return new URL(name).hostname.toLowerCase() } catch { return null }
}

/** Printable ASCII without a percent sign or an Auth0 domain's words: no URL host parsed from it is Auth0's. */
const PLAINLY_ELSEWHERE = /^(?!.*(?:auth0|webtask|%))[\x21-\x7e]*$/i

function usesAuth0Namespace(name: string): boolean {
  if (PLAINLY_ELSEWHERE.test(name)) return false
  if (name.toLowerCase().startsWith('urn:auth0')) return true
  const host = namespaceHost(name)
  return !!host && AUTH0_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`))
}

/** `https://TENANT.auth0.com/api/v2/`, `/mfa/` and the like: Auth0's own APIs. */
export function isAuth0ApiAudience(audience: string): boolean {
  const host = namespaceHost(audience)
  return !!host && host.endsWith('.auth0.com') && !/\/userinfo\/?$/.test(audience)
}

/**
 * "Migrate Custom Claims", OIDC user profile claims: they may be set on access tokens, and are kept only when
 * the scope that grants them (OIDC Core 5.4) was requested, as on the ID token.
 */
export const OIDC_PROFILE_CLAIM_SCOPES: Record<string, string> = {
  ...Object.fromEntries(['name', 'family_name', 'given_name', 'middle_name', 'nickname', 'preferred_username', 'profile', 'picture',
    'website', 'gender', 'birthdate', 'zoneinfo', 'locale', 'updated_at'].map((claim) => [claim, 'profile'])),
  email: 'email', email_verified: 'email', address: 'address', phone_number: 'phone', phone_number_verified: 'phone',
}

export interface FilteredClaims {
  kept: JsonObject
  dropped: DroppedClaim[]
}

export function filterCustomClaims(
  claims: JsonObject, target: 'idToken' | 'accessToken', audience: string | null, requestedScopes?: string[],
): FilteredClaims {
  const kept: [string, JsonValue][] = []
  const dropped: FilteredClaims['dropped'] = []
  const forAuth0Api = target === 'accessToken' && audience !== null && isAuth0ApiAudience(audience)
  for (const [name, value] of Object.entries(claims)) {
    if (RESTRICTED_CLAIMS.has(name)) dropped.push({ claim: name, reason: 'restricted' })
    else if (usesAuth0Namespace(name)) dropped.push({ claim: name, reason: 'auth0-namespace' })
    else if (forAuth0Api && !isNamespaced(name)) {
      dropped.push({ claim: name, reason: 'auth0-api-not-namespaced' })
    } else if (target === 'accessToken' && requestedScopes && OIDC_PROFILE_CLAIM_SCOPES[name] && !requestedScopes.includes(OIDC_PROFILE_CLAIM_SCOPES[name])) {
      dropped.push({ claim: name, reason: 'scope-not-requested', scope: OIDC_PROFILE_CLAIM_SCOPES[name] })
    } else kept.push([name, value])
  }
  return { kept: Object.fromEntries(kept), dropped }
}

/**
 * One token's claims from its parts, in order (a later part's claim wins). Not an object literal of spreads: V8
 * builds one claim at a time into a literal that starts small, which costs quadratic time in the number of custom
 * claims (100 claims: 0.8 ms; 1,000: 80 ms), where building from the list of entries is linear.
 */
export function tokenClaims(...parts: JsonObject[]): JsonObject {
  return Object.fromEntries(parts.flatMap((part) => Object.entries(part)))
}

export function claimsSize(claims: JsonObject): number {
  return utf8Length(JSON.stringify(claims))
}

export interface SigningKey {
  sign: (input: string) => string
  publicJwk: JWK
  kid: string
}

/** An RS256 signer a runtime may offer instead of the engine's plain-JavaScript one (the CLI's: node:crypto). */
export type SignRs256 = (privateJwk: RsaPrivateJwk, input: string) => string

const keys = new Map<string, SigningKey>()

/** The given RSA private JWK (with its CRT parameters), or the playground's fixed key; each made once. */
export function getSigningKey(privateJwk: JWK = PLAYGROUND_SIGNING_KEY, signRs256?: SignRs256): SigningKey {
  const id = privateJwk.n ?? ''
  let key = keys.get(id)
  if (!key) {
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk
    const kid = privateJwk.kid ?? rsaThumbprint(publicJwk as { e: string; n: string })
    key = { sign: createRs256Signer(privateJwk as RsaPrivateJwk), publicJwk: { ...publicJwk, kid, alg: 'RS256', use: 'sig' }, kid }
    keys.set(id, key)
  }
  return signRs256 ? { ...key, sign: (input) => signRs256(privateJwk as RsaPrivateJwk, input) } : key
}

export interface TokenInput {
  event: Record<string, any>
  /**
   * The original authorization request (`/authorize`): after a resume `event.request` is the `/continue`
   * request, but the ID token's `nonce` and the access token's audience come from the authorization request.
   */
  authorizeRequest: Record<string, any>
  subject: string
  /** The scopes the application asked for: they decide the ID token's profile claims. */
  requestedScopes: string[]
  /** The access token's scopes after addScope/removeScope. */
  scopes: string[]
  idTokenClaims: JsonObject
  accessTokenClaims: JsonObject
  /** False when the authorization request did not ask for `openid`: no ID token then. */
  issueIdToken: boolean
  /** Leaves the signatures for later (`signTokens`): the tokens come back `unsigned`. */
  defer?: boolean
  now: number
  key: SigningKey
}

export interface IssuedTokens {
  idToken: IssuedToken | null
  accessToken: AccessTokenResult
  warnings: RunWarning[]
  /** Set when the custom claims are too large: the login fails. */
  error?: string
}

const PROFILE_CLAIMS = ['name', 'nickname', 'given_name', 'family_name', 'picture', 'updated_at']

function pick(source: Record<string, unknown>, names: string[]): JsonObject {
  const out: JsonObject = {}
  for (const name of names) if (source[name] !== undefined) out[name] = source[name] as JsonValue
  return out
}

/** Whether the login's authentication methods (including challenges completed in this flow) include MFA. */
function completedMfa(event: Record<string, any>): boolean {
  const methods: unknown = event.authentication?.methods
  return Array.isArray(methods) && methods.some((method) => typeof method === 'object' && method !== null && method.name === 'mfa')
}

function sign(claims: JsonObject, key: SigningKey): string {
  return signJwt({ alg: 'RS256', typ: 'JWT', kid: key.kid }, claims, key.sign)
}

/** A token's `jwt`, or the mark that it is to be signed later. */
export function signed(claims: JsonObject, key: SigningKey, defer = false): Pick<IssuedToken, 'jwt' | 'unsigned'> {
  return defer ? { jwt: null, unsigned: true } : { jwt: sign(claims, key) }
}

/**
 * Signs the tokens a run left `unsigned`, with the key the run would have used: the result's JWKS names it. A run
 * shows its outcome first and its signatures a moment later (the browser), or signs at once (the CLI).
 */
export function signTokens<T extends { idToken: IssuedToken | null; accessToken: AccessTokenResult | null }>(result: T, options: { signingKey?: JWK; signRs256?: SignRs256 } = {}): T {
  if (!result.idToken?.unsigned && !result.accessToken?.unsigned) return result
  const key = getSigningKey(options.signingKey, options.signRs256)
  const complete = <Token extends IssuedToken>(token: Token | null): Token | null => {
    if (!token?.unsigned || !token.claims) return token
    const { unsigned: _unsigned, ...rest } = token
    return { ...rest, jwt: sign(token.claims, key) } as Token
  }
  return { ...result, idToken: complete(result.idToken), accessToken: complete(result.accessToken) }
}

export async function issueTokens(input: TokenInput): Promise<IssuedTokens> {
  const { event, scopes, now, key } = input
  const hostname: string = event.request?.hostname ?? `${event.tenant?.id ?? 'tenant'}.auth0.com`
  const issuer = `https://${hostname}/`
  const clientId: string = event.client?.client_id ?? ''
  const authorizeQuery = input.authorizeRequest?.query ?? {}
  // The audience and the nonce belong to the authorization request (OIDC: the ID token echoes the nonce of
  // the authentication request), whatever /continue requests came in between.
  const audience: string | null = event.resource_server?.identifier ?? (typeof authorizeQuery.audience === 'string' ? authorizeQuery.audience : null)
  const iat = Math.floor(now / 1000)
  const organization: JsonObject = event.organization?.id ? { org_id: event.organization.id as string } : {}
  const warnings: RunWarning[] = []

  const idCustom = filterCustomClaims(input.idTokenClaims, 'idToken', null)
  const atCustom = filterCustomClaims(input.accessTokenClaims, 'accessToken', audience, input.requestedScopes)
  for (const [token, filtered] of [['idToken', idCustom], ['accessToken', atCustom]] as const) {
    for (const dropped of filtered.dropped) warnings.push(runWarning('claim-dropped', { ...dropped, token }))
  }
  for (const [token, filtered] of [['ID token', idCustom], ['access token', atCustom]] as const) {
    const size = claimsSize(filtered.kept)
    if (size > CUSTOM_CLAIMS_LIMIT_BYTES) {
      const error = `The custom claims of the ${token} are ${(size / 1024).toFixed(1)} KB, over Auth0's limit of 100 KB per token.`
      return { idToken: { jwt: null, claims: null, customClaims: idCustom.kept }, accessToken: { jwt: null, claims: null, customClaims: atCustom.kept, scope: scopes.join(' '), audience }, warnings, error }
    }
  }

  const user = event.user ?? {}
  const idClaims = tokenClaims(
    input.requestedScopes.includes('profile') ? pick(user, PROFILE_CLAIMS) : {},
    input.requestedScopes.includes('email') ? pick(user, ['email', 'email_verified']) : {},
    idCustom.kept,
    {
      iss: issuer,
      sub: input.subject,
      aud: clientId,
      iat,
      exp: iat + 36_000,
      ...(event.session?.id ? { sid: event.session.id } : {}),
      // Step-up authentication: after the user completed MFA, the ID token's `amr` claim contains "mfa".
      ...(completedMfa(event) ? { amr: ['mfa'] } : {}),
      ...(typeof authorizeQuery.nonce === 'string' && authorizeQuery.nonce ? { nonce: authorizeQuery.nonce } : {}),
      ...organization,
    },
  )
  const scope = scopes.join(' ')
  // Without an audience Auth0 issues an opaque access token for /userinfo.
  const atClaims: JsonObject | null = audience
    ? tokenClaims(atCustom.kept, {
        iss: issuer,
        sub: input.subject,
        aud: scopes.includes('openid') ? [audience, `${issuer}userinfo`] : audience,
        iat,
        exp: iat + 86_400,
        scope,
        azp: clientId,
        ...organization,
      })
    : null
  if (!atClaims && Object.keys(atCustom.kept).length) {
    warnings.push(runWarning('opaque-access-token', {}))
  }
  if (!input.issueIdToken && Object.keys(idCustom.kept).length) {
    warnings.push(runWarning('no-id-token', {}))
  }
  const idToken: IssuedToken | null = input.issueIdToken ? { ...signed(idClaims, key, input.defer), claims: idClaims, customClaims: idCustom.kept } : null
  const accessToken: AccessTokenResult = { ...(atClaims ? signed(atClaims, key, input.defer) : { jwt: null }), claims: atClaims, customClaims: atCustom.kept, scope, audience }
  return { idToken, accessToken, warnings }
}
