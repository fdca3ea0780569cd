/**
 * RS256 (RSASSA-PKCS1-v1_5 with SHA-256, RFC 8017 §8.2) in plain JavaScript: the engine signs tokens where
 * WebCrypto does not exist (the browser sandbox's workers are not a secure context; the CLI's sandbox
 * context has no host objects), and synchronously. The private key's CRT parameters make it a few ms.
 */
import { sha256 } from '@noble/hashes/sha2.js'
import { base64url } from 'jose'
import { emsaPkcs1v15, rsaPrivate, toBigInt, toBytes } from './rsaMath.ts'

export interface RsaPrivateJwk { kty: 'RSA'; n: string; e: string; d: string; p: string; q: string; dp: string; dq: string; qi: string }

const encoder = new TextEncoder()
/** DER of DigestInfo { sha256 } before the 32-byte hash (RFC 8017 §9.2, note 1). */
const SHA256_DIGEST_INFO = [0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20]

const fromJwk = (field: string) => toBigInt(base64url.decode(field))

export function createRs256Signer(jwk: RsaPrivateJwk) {
  const [p, q, dp, dq, qi] = [jwk.p, jwk.q, jwk.dp, jwk.dq, jwk.qi].map(fromJwk)
  const length = base64url.decode(jwk.n).length
  /** The signature of `input`, base64url-encoded as a JWS wants it. */
  return (input: string): string => {
    const digestInfo = new Uint8Array([...SHA256_DIGEST_INFO, ...sha256(encoder.encode(input))])
    return base64url.encode(toBytes(rsaPrivate(emsaPkcs1v15(digestInfo, length), { p, q, dp, dq, qi }), length))
  }
}

/** A compact JWS with the given protected header and claims, signed by `sign`. */
export function signJwt(header: Record<string, unknown>, claims: Record<string, unknown>, sign: (input: string) => string): string {
  const input = `${base64url.encode(JSON.stringify(header))}.${base64url.encode(JSON.stringify(claims))}`
  return `${input}.${sign(input)}`
}

/** The RFC 7638 thumbprint of an RSA public key: the conventional `kid`. */
export function rsaThumbprint(jwk: { e: string; n: string }): string {
  return base64url.encode(sha256(encoder.encode(JSON.stringify({ e: jwk.e, kty: 'RSA', n: jwk.n }))))
}
