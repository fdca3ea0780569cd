/** The options that fix a run (clock, seed, time limit), shared by `run` and `test`. */
import type { Options } from './args.ts'
import { InputError } from './inputs.ts'

export const RUN_OPTIONS = { now: { type: 'string' }, seed: { type: 'string' }, 'time-limit': { type: 'string' } } satisfies Options

export const RUN_OPTIONS_HELP = `  --now <ISO time>      fix the clock: Date in actions, token iat/exp, cache expiry
  --seed <n>            fix Math.random, crypto.randomUUID, randomBytes and the redirect state
  --time-limit <ms>     each run's time limit (default 20000, Auth0's limit)`

export interface RunSettings {
  now?: number
  seed?: number
  timeLimitMs?: number
}

export function parseNow(value: unknown, where = '--now'): number | undefined {
  if (value === undefined) return undefined
  const now = typeof value === 'string' ? Date.parse(value) : NaN
  if (!Number.isFinite(now)) throw new InputError(`${where} must be an ISO time, e.g. 2026-11-23T12:00:00Z (got ${JSON.stringify(value)})`)
  return now
}

export function parseSeed(value: unknown, where = '--seed'): number | undefined {
  if (value === undefined) return undefined
  const seed = Number(value)
  if (!Number.isInteger(seed) || (typeof value !== 'string' && typeof value !== 'number')) throw new InputError(`${where} must be an integer (got ${JSON.stringify(value)})`)
  return seed
}

export function runOptionsFrom(values: Record<string, string | boolean | undefined>): RunSettings {
  const timeLimit = values['time-limit']
  const timeLimitMs = timeLimit === undefined ? undefined : Number(timeLimit)
  if (timeLimitMs !== undefined && !(timeLimitMs > 0)) throw new InputError(`--time-limit must be a positive number of milliseconds (got "${timeLimit}")`)
  return { now: parseNow(values.now), seed: parseSeed(values.seed), timeLimitMs }
}
