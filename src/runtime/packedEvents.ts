/**
 * How progress crosses from an engine worker to the page: a batch's events as JSON text, DEFLATE-compressed from
 * COMPRESS_FROM characters on. On a busy 2-core machine, reading a batch of 1,000 events posted from the sandbox
 * frame held the page's main thread 50 to 300 ms as objects or as text (176 KB); compressed (6 KB), well under 1 ms,
 * and inflating and parsing it a few milliseconds. Small batches stay text: compressing each would only cost time.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate'
import type { ProgressEvent } from '../engine/index.ts'

export type PackedEvents = { json: string } | { deflated: Uint8Array; size: number }

const COMPRESS_FROM = 16 * 1024
/** A batch claiming more text than this ends the run: the page never makes room for more. */
export const PACKED_TEXT_LIMIT = 128 * 1024 * 1024

export function packEvents(events: ProgressEvent[]): PackedEvents {
  const json = JSON.stringify(events)
  if (json.length < COMPRESS_FROM) return { json }
  const bytes = strToU8(json)
  return { deflated: deflateSync(bytes, { level: 1 }), size: bytes.length }
}

/** The JSON text of packed events, null when they are not packed events, 'too big' when they claim too much. */
function packedText(packed: unknown): string | null | 'too big' {
  if (typeof packed !== 'object' || packed === null) return null
  const { json, deflated, size } = packed as Record<string, unknown>
  if (typeof json === 'string') return json
  if (!(deflated instanceof Uint8Array) || typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) return null
  if (size > PACKED_TEXT_LIMIT) return 'too big'
  // Inflated into room for the size it claims, never more: bytes made to inflate to gigabytes are cut there.
  return strFromU8(inflateSync(deflated, { out: new Uint8Array(size) }))
}

/**
 * What packed events unpack to, still unchecked (the page checks it is events: sandboxMessages.ts); null when they
 * are not packed JSON, 'too big' past the limit.
 */
export function unpackEvents(packed: unknown): unknown {
  try {
    const text = packedText(packed)
    return text === null || text === 'too big' ? text : JSON.parse(text)
  } catch {
    return null
  }
}
