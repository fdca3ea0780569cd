/** What every `api` namespace works on while one action runs, whatever the trigger. */
import type { CacheState } from '../cache.ts'
import type { Entropy } from '../determinism.ts'
import type { Phase } from '../types.ts'

export interface ApiContext<State = unknown, Local = unknown> {
  /** The run's state, which the trigger's rules define (post-login: its Transaction). */
  tx: State
  /** The running action's own copy of the event. */
  event: Record<string, any>
  action: { id: string; name: string }
  phase: Phase
  now(): number
  entropy: Entropy
  cache: CacheState
  /** State that lives for one handler call only, which the trigger's rules define. */
  local: Local
}

/** Returned by a method implementation whose Auth0 counterpart returns the `api` object. */
export const CHAIN = Symbol('chain')

export type Method = (...args: any[]) => unknown
export type Namespace = Record<string, Method>

export function requireString(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new TypeError(`${what} must be a string.`)
  return value
}

/** Names that reach an object's prototype rather than its data (`__proto__`), or shadow what every object has. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/** A key an action chose (a metadata property, a claim, an attribute): refused when it is a reserved name. */
export function refuseReservedKey(key: string, what: string): string {
  if (RESERVED_KEYS.has(key)) throw new Error(`The "${key}" ${what} cannot be set.`)
  return key
}

export function requireTimestamp(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(`${what} must be a number of milliseconds since the Unix epoch.`)
  return value
}

/** `api.cache`, the same in every trigger ("Actions cache"). */
export function cacheApi(ctx: ApiContext): Namespace {
  return {
    get: (key: unknown) => ctx.cache.get(requireString(key, 'The cache key')),
    set: (key: unknown, value: unknown, options?: { ttl?: unknown; expires_at?: unknown }) =>
      ctx.cache.set(requireString(key, 'The cache key'), value as string, options ?? {}),
    delete: (key: unknown) => ctx.cache.delete(requireString(key, 'The cache key')),
  }
}
