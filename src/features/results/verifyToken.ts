/** Checks a token's signature against the run's JWKS, as an application would with Auth0's /.well-known/jwks.json. */
import { createLocalJWKSet, decodeJwt, errors, jwtVerify, type JSONWebKeySet } from 'jose'
import type { JsonObject } from '../../engine/types.ts'

export type Verification = { ok: true; kid: string | undefined } | { ok: false; reason: string }

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWKSNoMatchingKey) return 'no key in the JWKS matches its kid'
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the signature does not match the header and payload'
  return error instanceof Error ? error.message : String(error)
}

export async function verifyToken(jwt: string, jwks: { keys: JsonObject[] } | null): Promise<Verification> {
  if (!jwks) return { ok: false, reason: 'the run has no JWKS' }
  try {
    // Checked as of the token's own iat: a run with a fixed clock issues tokens whose exp may already have
    // passed, and this view is about the signature, not the token's lifetime.
    const iat = decodeJwt(jwt).iat
    const { protectedHeader } = await jwtVerify(jwt, createLocalJWKSet(jwks as unknown as JSONWebKeySet), {
      ...(iat === undefined ? {} : { currentDate: new Date(iat * 1000) }),
    })
    return { ok: true, kid: protectedHeader.kid }
  } catch (error) {
    return { ok: false, reason: reasonOf(error) }
  }
}
