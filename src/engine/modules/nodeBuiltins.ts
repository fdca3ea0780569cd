/**
 * The Node core modules action code can `require`, built to run the same in a Web Worker, in Node and in
 * Vitest. Their randomness comes from the run's entropy, so seeded runs are reproducible.
 */
import { Buffer, kMaxLength } from './nodeBuffer.ts'
import type { Entropy } from '../determinism.ts'
import { createCrypto } from './nodeCrypto.ts'
import { createQuerystring } from './nodeQuerystring.ts'
import { createUrl } from './nodeUrl.ts'
import { createUtil } from './nodeUtil.ts'

export type BuiltinModuleName = 'crypto' | 'url' | 'querystring' | 'util' | 'buffer'

export function createBuiltinModules(entropy: Entropy, fallbackSubtle?: () => SubtleCrypto | undefined): Record<BuiltinModuleName, unknown> {
  return {
    crypto: createCrypto(entropy, fallbackSubtle),
    url: createUrl(),
    querystring: createQuerystring(),
    util: createUtil(),
    buffer: { Buffer, kMaxLength, constants: { MAX_LENGTH: kMaxLength } },
  }
}
