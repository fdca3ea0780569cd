/**
 * The page reads what comes out of the sandbox as untrusted data: action code runs in the realm that sends
 * it and can post anything. A message that is not of the expected shape is dropped or ends the run; the
 * page never runs or calls anything it receives.
 */
import type { ProgressEvent, RunResult } from '../engine/index.ts'
import { PACKED_TEXT_LIMIT, unpackEvents } from './packedEvents.ts'
import type { SandboxMessage } from './workerProtocol.ts'

const STATUSES = new Set(['completed', 'denied', 'failed', 'suspended'])

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const isArrayOf = (value: unknown, item: (entry: unknown) => boolean) => Array.isArray(value) && value.every(item)

/** Enough of a RunResult's shape for the results views to render it; their own error boundaries catch the rest. */
export function isRunResult(value: unknown): value is RunResult {
  return isObject(value) && STATUSES.has(value.status as string) &&
    isArrayOf(value.actions, (action) => isObject(action) && typeof action.id === 'string' && typeof action.status === 'string') &&
    isArrayOf(value.timeline, isObject) && isArrayOf(value.http, isObject) && isArrayOf(value.warnings, (warning) => isObject(warning) && typeof warning.code === 'string' && typeof warning.message === 'string') &&
    isObject(value.user) && isObject(value.profileUpdates) && isObject(value.authentication) && isObject(value.cache) && isObject(value.transactionMetadata)
}

const isProgressEvent = (value: unknown): value is ProgressEvent => isObject(value) && typeof value.type === 'string'

/** The message if it is one the sandbox may send, else null. */
export function readSandboxMessage(data: unknown): SandboxMessage | null {
  if (!isObject(data) || typeof data.type !== 'string') return null
  if (data.type === 'ready') return { type: 'ready' }
  if (typeof data.runId !== 'number') return null
  const runId = data.runId
  switch (data.type) {
    case 'alive': return { type: 'alive', runId }
    case 'progress': {
      const events = unpackEvents(data.events)
      if (events === 'too big') return { type: 'crashed', runId, detail: `it sent more than ${PACKED_TEXT_LIMIT / 1024 / 1024} MB of progress at once.` }
      return isArrayOf(events, isProgressEvent) ? { type: 'progress', runId, events: events as ProgressEvent[] } : null
    }
    case 'result': return isRunResult(data.result) ? { type: 'result', runId, result: data.result } : { type: 'crashed', runId, detail: 'the sandbox sent a result the page cannot read.' }
    case 'crashed': return { type: 'crashed', runId, detail: typeof data.detail === 'string' ? data.detail.slice(0, 500) : 'the engine worker failed.' }
    default: return null
  }
}
