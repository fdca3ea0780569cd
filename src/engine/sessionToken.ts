/**
 * Session tokens of the redirect round trip (`api.redirect.encodeToken` / `validateToken`): HS256 JWTs.
 * Auth0's two methods are synchronous while WebCrypto (under jose's signing) is asynchronous, so the HMAC
 * comes from @noble/hashes; jose encodes and decodes the JWT parts, and `signExternalSessionToken` (the
 * external site's side) signs with jose itself, so both ends are checked against each other.
 */
import { SignJWT, base64url, decodeJwt, decodeProtectedHeader } from 'jose'
import { hmac } from '@noble/hashes/hmac.js'
import { sha256 } from '@noble/hashes/sha2.js'

const encoder = new TextEncoder()

function sign(signingInput: string, secret: string): string {
  return base64url.encode(hmac(sha256, encoder.encode(secret), encoder.encode(signingInput)))
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return diff === 0
}

export interface EncodeOptions {
  secret: string
  payload: Record<string, unknown>
  expiresInSeconds: number
  now: number
  issuer: string
  subject: string
  ip: string | undefined
}

/** `{ iat, iss, sub, exp, ip, ...payload }`: the payload is spread last, as in Auth0's runtime. */
export function encodeSessionToken(options: EncodeOptions): string {
  const iat = Math.floor(options.now / 1000)
  const claims = { iat, iss: options.issuer, sub: options.subject, exp: iat + options.expiresInSeconds, ip: options.ip, ...options.payload }
  const header = base64url.encode(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))
  const body = base64url.encode(JSON.stringify(claims))
  return `${header}.${body}.${sign(`${header}.${body}`, options.secret)}`
}

export interface ValidateOptions {
  secret: string
  now: number
  state: string | undefined
  subject: string
}

/** Checks signature, expiry, `state` and `sub` (Redirect with Actions); throws the reason when one fails. */
export function verifySessionToken(token: string, options: ValidateOptions): Record<string, unknown> {
  const parts = token.split('.')
  if (parts.length !== 3) throw new Error('the token is not a JWT')
  let header: { alg?: string }
  let claims: Record<string, unknown>
  try {
    header = decodeProtectedHeader(token)
    claims = decodeJwt(token)
  } catch {
    throw new Error('the token is not a JWT')
  }
  if (header.alg !== 'HS256') throw new Error(`unexpected algorithm ${String(header.alg)}, expected HS256`)
  if (!constantTimeEqual(sign(`${parts[0]}.${parts[1]}`, options.secret), parts[2])) throw new Error('invalid signature')
  if (typeof claims.exp !== 'number') throw new Error('the token has no "exp" claim')
  if (claims.exp <= Math.floor(options.now / 1000)) throw new Error('the token has expired')
  if (claims.state !== options.state) throw new Error('the "state" claim does not match the state of the /continue request')
  if (claims.sub !== options.subject) throw new Error('the "sub" claim does not match the user')
  return claims
}

export interface ExternalTokenOptions {
  payload: Record<string, unknown>
  secret: string
  state: string
  subject: string
  issuer?: string
  now: number
  expiresInSeconds?: number
}

/** What an external site sends back to `/continue`: an HS256 JWT with `sub`, `iat`, `exp` and `state`. */
export async function signExternalSessionToken(options: ExternalTokenOptions): Promise<string> {
  const iat = Math.floor(options.now / 1000)
  const jwt = new SignJWT({ ...options.payload, state: options.state })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(iat)
    .setExpirationTime(iat + (options.expiresInSeconds ?? 900))
  // The payload may carry its own `sub`, e.g. to show what a token for another user does.
  if (options.payload.sub === undefined) jwt.setSubject(options.subject)
  if (options.issuer) jwt.setIssuer(options.issuer)
  return jwt.sign(encoder.encode(options.secret))
}
