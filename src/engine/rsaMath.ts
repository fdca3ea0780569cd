/**
 * The arithmetic of RSA in plain JavaScript: big-endian bytes to and from BigInt, modular exponentiation, and
 * the two halves of an RSASSA-PKCS1-v1_5 signature (RFC 8017 §8.2) that the token signer and node:crypto's
 * `createSign` share: the encoded message and the private-key operation.
 */
export const toBigInt = (bytes: Uint8Array) => bytes.reduce((value, byte) => (value << 8n) | BigInt(byte), 0n)

export function toBytes(value: bigint, length: number): Uint8Array {
  const bytes = new Uint8Array(length)
  for (let i = length - 1; i >= 0; i--, value >>= 8n) bytes[i] = Number(value & 0xffn)
  return bytes
}

export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n
  base %= modulus
  for (; exponent > 0n; exponent >>= 1n) {
    if (exponent & 1n) result = (result * base) % modulus
    base = (base * base) % modulus
  }
  return result
}

/** EMSA-PKCS1-v1_5 (RFC 8017 §9.2): `00 01 ff… 00 DigestInfo`, `length` bytes, as an integer. */
export function emsaPkcs1v15(digestInfo: Uint8Array, length: number): bigint {
  const padding = new Uint8Array(length - 3 - digestInfo.length).fill(0xff)
  return toBigInt(new Uint8Array([0x00, 0x01, ...padding, 0x00, ...digestInfo]))
}

/** A private key's Chinese-remainder parameters (RFC 8017 §3.2). */
export interface RsaCrtKey { p: bigint; q: bigint; dp: bigint; dq: bigint; qi: bigint }

/** `message` to the private exponent: two half-size exponentiations (CRT) instead of one with d. */
export function rsaPrivate(message: bigint, { p, q, dp, dq, qi }: RsaCrtKey): bigint {
  const m1 = modPow(message, dp, p)
  const m2 = modPow(message, dq, q)
  return m2 + ((qi * (((m1 - m2) % p) + p)) % p) * q
}
