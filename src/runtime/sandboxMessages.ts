/**
 * The page reads what comes out of the sandbox as untrusted data: action code runs in the realm that sends
 * it and can post anything. A message that is not of the expected shape is dropped or ends the run; the
 * page never runs or calls anything it receives.
 */
import { Inflate } from 'fflate'
import type { ProgressEvent, RunResult } from '../engine/index.ts'
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

/** More text than this in one progress message ends the run: inflating stops there, whatever the bytes claim to hold. */
export const PROGRESS_TEXT_LIMIT = 128 * 1024 * 1024
/** Bytes inflated at a time, so that bytes made to inflate to gigabytes are stopped a few megabytes past the limit. */
const SLICE = 4096

/** The text DEFLATE bytes inflate to; null when they are not DEFLATE data, 'too big' past the limit. */
function inflatedText(bytes: Uint8Array): string | null | 'too big' {
  const decoder = new TextDecoder()
  let text = ''
  let size = 0
  const inflate = new Inflate((chunk) => {
    size += chunk.length
    if (size > PROGRESS_TEXT_LIMIT) throw new RangeError('too big')
    text += decoder.decode(chunk, { stream: true })
  })
  try {
    for (let at = 0; at < bytes.length; at += SLICE) inflate.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length)
  } catch {
    return size > PROGRESS_TEXT_LIMIT ? 'too big' : null
  }
  return text + decoder.decode()
}

/** The events a progress message carries (workerProtocol.ts): null when it carries none, 'too big' past the limit. */
function progressEvents(bytes: unknown): ProgressEvent[] | null | 'too big' {
  if (!(bytes instanceof Uint8Array)) return null
  const text = inflatedText(bytes)
  if (text === null || text === 'too big') return text
  try {
    const events: unknown = JSON.parse(text)
    return isArrayOf(events, isProgressEvent) ? events as ProgressEvent[] : null
  } catch {
    return null
  }
}

/** The message if it is one the sandbox may send, else null. */
export function readSandboxMessage(data: unknown): SandboxMessage | null {
  if (!isObject(data) || typeof data.type !== 'string') return null
  if (data.type === 'ready') return { type: 'ready' }
  if (typeof data.runId !== 'number') return null
  const runId = data.runId
  switch (data.type) {
    case 'alive': return { type: 'alive', runId }
    case 'progress': {
      const events = progressEvents(data.events)
      if (events === 'too big') return { type: 'crashed', runId, detail: `it sent more than ${PROGRESS_TEXT_LIMIT / 1024 / 1024} MB of progress at once.` }
      return events ? { type: 'progress', runId, events } : null
    }
    case 'result': return isRunResult(data.result) ? { type: 'result', runId, result: data.result } : { type: 'crashed', runId, detail: 'the sandbox sent a result the page cannot read.' }
    case 'crashed': return { type: 'crashed', runId, detail: typeof data.detail === 'string' ? data.detail.slice(0, 500) : 'the engine worker failed.' }
    default: return null
  }
}
