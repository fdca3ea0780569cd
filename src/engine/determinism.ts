/**
 * A run's clock and randomness. With `now` and `seed` fixed, the same document gives the same result:
 * action code sees a `Date`, `Math.random` and `crypto` built here instead of the real ones.
 */

export interface Entropy {
  /** Fills `bytes` with random bytes and returns it. */
  fill(bytes: Uint8Array): Uint8Array
  random(): number
  uuid(): string
}

/** sfc32 seeded through splitmix32: small, fast and good enough for a reproducible playground. */
function seededGenerator(seed: number): () => number {
  let state = seed >>> 0
  const splitmix = () => {
    state = (state + 0x9e3779b9) >>> 0
    let z = state
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    return (z ^ (z >>> 16)) >>> 0
  }
  let a = splitmix(), b = splitmix(), c = splitmix(), d = splitmix()
  return () => {
    const t = (((a + b) >>> 0) + d) >>> 0
    d = (d + 1) >>> 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) >>> 0
    c = ((c << 21) | (c >>> 11)) >>> 0
    c = (c + t) >>> 0
    return t
  }
}

function formatUuid(bytes: Uint8Array): string {
  bytes[6] = (bytes[6] & 0x0f) | 0x40
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

export function createEntropy(seed?: number): Entropy {
  if (seed === undefined) {
    // getRandomValues, not randomUUID: the browser sandbox's workers are not a secure context.
    const fill = (bytes: Uint8Array) => globalThis.crypto.getRandomValues(bytes)
    return { fill, random: Math.random, uuid: () => formatUuid(fill(new Uint8Array(16))) }
  }
  const next = seededGenerator(seed)
  const fill = (bytes: Uint8Array) => {
    for (let i = 0; i < bytes.length; i++) bytes[i] = next() & 0xff
    return bytes
  }
  return { fill, random: () => next() / 0x1_0000_0000, uuid: () => formatUuid(fill(new Uint8Array(16))) }
}

/** A `Date` whose argument-less constructor and `Date.now()` read the run's clock. */
export function createDateClass(now: () => number): DateConstructor {
  class PlaygroundDate extends Date {
    constructor(...args: []) {
      if (args.length === 0) super(now())
      else super(...(args as unknown as [number]))
    }
    static now() {
      return now()
    }
  }
  return PlaygroundDate as unknown as DateConstructor
}

/** `Math` with the run's `random`. */
export function createMath(entropy: Entropy): Math {
  const math = Object.create(Math) as Math
  Object.defineProperty(math, 'random', { value: entropy.random })
  return math
}

/** `crypto.subtle`: the realm's, or where it has none (the browser's sandbox), the one `fallback` makes on first use. */
export function withSubtle<T extends object>(target: T, fallback?: () => SubtleCrypto | undefined): T {
  const subtle = globalThis.crypto?.subtle
  if (subtle || !fallback) return Object.defineProperty(target, 'subtle', { value: subtle, enumerable: true, writable: true, configurable: true })
  let made: SubtleCrypto | undefined
  return Object.defineProperty(target, 'subtle', { get: () => (made ??= fallback()), enumerable: true, configurable: true })
}

/** The global `crypto` of action code: the run's randomness, and the realm's `subtle` (or the fallback's). */
export function createCryptoGlobal(entropy: Entropy, fallbackSubtle?: () => SubtleCrypto | undefined): Crypto {
  return withSubtle({
    getRandomValues: <T extends ArrayBufferView | null>(array: T) => {
      if (array) entropy.fill(new Uint8Array(array.buffer, array.byteOffset, array.byteLength))
      return array
    },
    randomUUID: () => entropy.uuid(),
  }, fallbackSubtle) as unknown as Crypto
}

/** A random URL-safe identifier, e.g. for the redirect `state` parameter. */
export function randomId(entropy: Entropy, length = 24): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  const bytes = entropy.fill(new Uint8Array(length))
  let out = ''
  for (const byte of bytes) out += alphabet[byte & 63]
  return out
}
