/**
 * Node's signatures in plain JavaScript, synchronous as in Node (the browser sandbox's workers have no
 * WebCrypto): `createSign`, `createVerify`, `sign` and `verify`, and `createPrivateKey`/`createPublicKey`
 * (keys: nodeKeys.ts), for
 * - RSA keys: RSASSA-PKCS1-v1_5 (RS256 and the other digests), byte for byte as Node;
 * - EC keys on P-256, P-384 and P-521: ECDSA (ES256, ES384, ES512), DER-encoded as Node's default, or r‖s with
 *   `dsaEncoding: 'ieee-p1363'` as JWS wants it. Node draws a random nonce, the playground derives it from the
 *   key and the digest (RFC 6979): its signatures differ from Node's, and each verifies with the other;
 * - Ed25519 keys: `sign(null, data, key)` and `verify(null, …)` only, as in Node; deterministic, so as Node.
 */
import { ed25519 } from '@noble/curves/ed25519.js'
import { sha1 } from '@noble/hashes/legacy.js'
import { sha224, sha256, sha384, sha512 } from '@noble/hashes/sha2.js'
import { Buffer } from './nodeBuffer.ts'
import { nodeError } from './nodeErrors.ts'
import { createSecretKey, KeyObject, keyMaterial, prepareKey, type KeyMaterial, type RsaKey } from './nodeKeys.ts'
import { inspect } from '../nodeInspect.ts'
import { emsaPkcs1v15, modPow, rsaPrivate, toBigInt, toBytes } from '../rsaMath.ts'

interface Digest { hash: (bytes: Uint8Array) => Uint8Array; prefix: string }

/** The digests, with the DER of DigestInfo before the hash for RSA (RFC 8017 §9.2, note 1). */
const DIGESTS: Record<string, Digest> = {
  sha1: { hash: sha1, prefix: '3021300906052b0e03021a05000414' },
  sha224: { hash: sha224, prefix: '302d300d06096086480165030402040500041c' },
  sha256: { hash: sha256, prefix: '3031300d060960864801650304020105000420' },
  sha384: { hash: sha384, prefix: '3041300d060960864801650304020205000430' },
  sha512: { hash: sha512, prefix: '3051300d060960864801650304020305000440' },
}

function digestOf(algorithm: unknown): Digest | undefined {
  const name = String(algorithm).toLowerCase().replace(/^rsa-/, '').replace(/withrsaencryption$/, '').replace(/^sha-(?=\d)/, 'sha')
  return Object.hasOwn(DIGESTS, name) ? DIGESTS[name] : undefined
}

const invalidDigest = (algorithm: unknown) => nodeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid digest: ${String(algorithm)}`)

/**
 * The digest a key signs with: the one named (SHA-256 when none is for RSA and EC); none for Ed25519, which
 * takes no digest and no `createSign` (`streaming`).
 */
function digestFor(algorithm: unknown, key: KeyMaterial, streaming: boolean): Digest | undefined {
  const digest = digestOf(algorithm ?? 'sha256')
  if (algorithm != null && !digest) throw invalidDigest(algorithm)
  if (key.type !== 'ed25519') return digest
  if (streaming) throw nodeError(Error, 'ERR_CRYPTO_UNSUPPORTED_OPERATION', 'Unsupported crypto operation')
  if (algorithm != null) throw nodeError(Error, 'ERR_OSSL_INVALID_DIGEST', 'error:1C80007A:Provider routines::invalid digest')
  return undefined
}

type DsaEncoding = 'der' | 'ieee-p1363'
/** The formats of @noble/curves' ECDSA by Node's names. */
const FORMATS = { der: 'der', 'ieee-p1363': 'compact' } as const

/** The `dsaEncoding` of a key argument given as options. */
function dsaEncodingOf(options: unknown): DsaEncoding {
  if (typeof options !== 'object' || options === null) return 'der'
  const { dsaEncoding = 'der' } = options as { dsaEncoding?: unknown }
  if (dsaEncoding === 'der' || dsaEncoding === 'ieee-p1363') return dsaEncoding
  throw nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The property 'options.dsaEncoding' is invalid. Received ${inspect(dsaEncoding)}`)
}

const byteLength = (key: RsaKey) => Math.ceil(key.n.toString(16).length / 2)
const digestInfo = (digest: Digest, data: Uint8Array) => Buffer.from(digest.prefix + Buffer.from(digest.hash(data)).toString('hex'), 'hex')

function signWith(algorithm: unknown, data: Uint8Array, input: unknown, streaming: boolean): Buffer {
  if (!input) throw nodeError(Error, 'ERR_CRYPTO_SIGN_KEY_REQUIRED', 'No key provided to sign')
  const encoding = dsaEncodingOf(input)
  const key = keyMaterial(prepareKey(input, 'sign'))
  const digest = digestFor(algorithm, key, streaming)
  if (key.type === 'ed25519') return Buffer.from(ed25519.sign(data, key.seed!))
  if (key.type === 'ec') {
    return Buffer.from(key.curve.ecdsa.sign(digest!.hash(data), key.d!, { prehash: false, lowS: false, format: FORMATS[encoding] }))
  }
  const length = byteLength(key)
  return Buffer.from(toBytes(rsaPrivate(emsaPkcs1v15(digestInfo(digest!, data), length), key as Required<RsaKey>), length))
}

function verifyWith(algorithm: unknown, data: Uint8Array, input: unknown, signature: Uint8Array, streaming: boolean): boolean {
  const encoding = dsaEncodingOf(input)
  const key = keyMaterial(prepareKey(input, 'verify'))
  const digest = digestFor(algorithm, key, streaming)
  if (key.type === 'rsa') {
    const length = byteLength(key)
    return signature.length === length && modPow(toBigInt(signature), key.e, key.n) === emsaPkcs1v15(digestInfo(digest!, data), length)
  }
  try {
    // Node verifies as OpenSSL does: high-S signatures too, Ed25519 by RFC 8032 (not ZIP 215).
    if (key.type === 'ed25519') return ed25519.verify(signature, data, key.publicKey, { zip215: false })
    return key.curve.ecdsa.verify(signature, digest!.hash(data), key.point, { prehash: false, lowS: false, format: FORMATS[encoding] })
  } catch {
    // A signature of the wrong length or shape does not verify; Node returns false too.
    return false
  }
}

type Bytes = (value: unknown, name: string, encoding?: string) => Uint8Array

/** The module's signing half; `dataBytes` reads data as Node's crypto does. */
export function createSigning(dataBytes: Bytes) {
  /** `createSign(algorithm).update(data).sign(key, encoding)`. */
  class Sign {
    #algorithm: string
    #chunks: Uint8Array[] = []
    constructor(algorithm: string) {
      if (!digestOf(algorithm)) throw nodeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', 'Invalid digest')
      this.#algorithm = algorithm
    }
    update(data: unknown, encoding?: string): this {
      this.#chunks.push(Uint8Array.from(dataBytes(data, 'data', encoding)))
      return this
    }
    protected data(): Uint8Array {
      return Buffer.concat(this.#chunks)
    }
    protected get algorithm() {
      return this.#algorithm
    }
    sign(key: unknown, encoding?: string): Buffer | string {
      const signature = signWith(this.algorithm, this.data(), key, true)
      return encoding && Buffer.isEncoding(encoding) ? signature.toString(encoding as BufferEncoding) : signature
    }
  }
  class Verify extends Sign {
    verify(key: unknown, signature: unknown, encoding?: string): boolean {
      return verifyWith(this.algorithm, this.data(), key, dataBytes(signature, 'signature', encoding), true)
    }
  }
  return {
    createSign: (algorithm: string) => new Sign(algorithm),
    createVerify: (algorithm: string) => new Verify(algorithm),
    sign: (algorithm: string | null | undefined, data: unknown, key: unknown) => signWith(algorithm, dataBytes(data, 'data'), key, false),
    verify: (algorithm: string | null | undefined, data: unknown, key: unknown, signature: unknown) =>
      verifyWith(algorithm, dataBytes(data, 'data'), key, dataBytes(signature, 'signature'), false),
    createPrivateKey: (key: unknown) => prepareKey(key, 'createPrivateKey'),
    createPublicKey: (key: unknown) => prepareKey(key, 'createPublicKey'),
    createSecretKey,
    KeyObject,
  }
}
