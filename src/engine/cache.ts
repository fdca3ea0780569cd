/**
 * `api.cache`: short-lived string records scoped to the trigger, with Auth0's documented limits
 * (Actions limitations: at most 20 entries, key ≤ 64 bytes, value ≤ 4 KB, 8 KB in all, lifetime ≤ 24 h,
 * default lifetime 15 minutes) and record shapes (`{ value, expires_at }`, `{ type, record | code }`).
 */
import { utf8Length } from './serialize.ts'
import type { CacheRecord } from './types.ts'

export const CACHE_LIMITS = {
  entries: 20,
  keyBytes: 64,
  valueBytes: 4096,
  totalBytes: 8192,
  defaultTtlMs: 15 * 60_000,
  maxTtlMs: 24 * 3_600_000,
}

/** Where cache records live between runs; the browser keeps them in memory, tests inject their own. */
export interface CacheStore {
  load(): Record<string, CacheRecord> | Promise<Record<string, CacheRecord>>
  save(records: Record<string, CacheRecord>): void | Promise<void>
}

export class MemoryCacheStore implements CacheStore {
  private records: Record<string, CacheRecord> = {}
  load() { return { ...this.records } }
  save(records: Record<string, CacheRecord>) { this.records = { ...records } }
}

export type CacheWriteResult =
  | { type: 'success'; record?: CacheRecord }
  | { type: 'error'; code: string }


export class CacheState {
  private records: Map<string, CacheRecord>

  constructor(records: Record<string, CacheRecord>, private now: () => number) {
    this.records = new Map(Object.entries(records).filter(([, record]) => record.expires_at > now()))
  }

  get(key: string): CacheRecord | undefined {
    const record = this.records.get(key)
    if (!record) return undefined
    if (record.expires_at <= this.now()) { this.records.delete(key); return undefined }
    return { ...record }
  }

  set(key: string, value: string, options: { ttl?: unknown; expires_at?: unknown } = {}): CacheWriteResult {
    if (typeof key !== 'string' || utf8Length(key) > CACHE_LIMITS.keyBytes) return { type: 'error', code: 'CacheKeySizeExceeded' }
    if (typeof value !== 'string') throw new TypeError('The cache value must be a string.')
    if (utf8Length(value) > CACHE_LIMITS.valueBytes) return { type: 'error', code: 'CacheValueSizeExceeded' }
    const now = this.now()
    const candidates = [now + CACHE_LIMITS.maxTtlMs]
    for (const [option, toExpiry] of [['ttl', (n: number) => now + n], ['expires_at', (n: number) => n]] as const) {
      const given = options[option]
      if (given === undefined) continue
      if (typeof given !== 'number' || !Number.isFinite(given) || given <= 0) return { type: 'error', code: 'InvalidExpiry' }
      candidates.push(toExpiry(given))
    }
    if (options.ttl === undefined && options.expires_at === undefined) candidates.push(now + CACHE_LIMITS.defaultTtlMs)
    // Both options given: "the earlier expiry of the two will be used".
    const expires_at = Math.min(...candidates)
    if (expires_at <= now) return { type: 'error', code: 'ItemAlreadyExpired' }
    const next = new Map(this.records)
    next.set(key, { value, expires_at })
    const total = [...next].reduce((sum, [k, record]) => sum + utf8Length(k) + utf8Length(record.value), 0)
    if (next.size > CACHE_LIMITS.entries || total > CACHE_LIMITS.totalBytes) return { type: 'error', code: 'CacheSizeExceeded' }
    this.records = next
    return { type: 'success', record: { value, expires_at } }
  }

  delete(key: string): CacheWriteResult {
    return this.records.delete(key) ? { type: 'success' } : { type: 'error', code: 'CacheKeyDoesNotExist' }
  }

  snapshot(): Record<string, CacheRecord> {
    const now = this.now()
    return Object.fromEntries([...this.records].filter(([, record]) => record.expires_at > now))
  }
}
