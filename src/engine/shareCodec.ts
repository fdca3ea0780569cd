/**
 * Share links: the flow document, without secret values, in the URL fragment. The fragment never reaches a server.
 * Encoding and decoding are synchronous so they can run while the page unloads.
 *
 * `v2.` + base64url(pieces + raw deflate(JSON) + checksum): the event is written as the preset of its trigger it
 * differs least from (by name and a hash of that preset's content) plus the changes (eventPatch.ts), and deflate
 * starts from the frozen pieces (shareDictionary.ts) that share the most lines with the flow's code: the skeleton of
 * its trigger and the shipped actions it was made from, named by their index in one byte each after their count.
 * `v1.` links (the whole document, deflated without a dictionary) keep opening.
 */
import { deflateSync, Inflate, strToU8 } from 'fflate'
import { applyJsonChanges, diffJson, type JsonChange } from './eventPatch.ts'
import { withoutSecretValues } from './secrets.ts'
import { parseJson } from './json.ts'
import { validateFlowDocument, type FlowDocument } from './flowDocument.ts'
import { SHARE_PIECES_V2 } from './shareDictionary.ts'
import { TRIGGERS } from './triggers.ts'
import type { JsonValue } from './types.ts'

export interface MissingSecrets {
  actionId: string
  actionName: string
  names: string[]
}

export type DecodedShareLink =
  | { ok: true; value: FlowDocument; missingSecrets: MissingSecrets[]; warnings: string[] }
  | { ok: false; error: string }

type Failure = Extract<DecodedShareLink, { ok: false }>

const CURRENT_VERSION = 2
export { withoutSecretValues }

/** A link is at most a few hundred kB; more than this once inflated is a decompression bomb. */
export const MAX_INFLATED_BYTES = 5 * 1024 * 1024
/** Deflate expands at most ~1,032:1, so feeding 4 kB at a time bounds each inflated piece to ~4 MB. */
const INFLATE_STEP = 4 * 1024

const fail = (error: string): Failure => ({ ok: false, error })

function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  // Chunks keep String.fromCharCode under the engines' argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '='))
  return Uint8Array.from(binary, (char) => char.charCodeAt(0))
}

/**
 * FNV-1a of the JSON, sent as 4 bytes after the deflate data. Raw deflate has no checksum of its own, so
 * without it a tampered link could inflate into a slightly different flow instead of being refused.
 */
export function checksum(bytes: Uint8Array): Uint8Array {
  let hash = 0x811c9dc5
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0
  return new Uint8Array([hash >>> 24, (hash >>> 16) & 0xff, (hash >>> 8) & 0xff, hash & 0xff])
}

const CHECKSUM_BYTES = 4

/** What a `v2.` link holds in place of the event: the preset it starts from (`id@hash`) and the changes to it. */
interface EventFrom {
  preset: string
  changes: JsonChange[]
}

/** Each event a link may start from: a trigger's default event and its presets, by `id@hash` of their content. */
export function eventBases(trigger: string): Map<string, JsonValue> {
  const definition = TRIGGERS.find((candidate) => candidate.id === trigger)
  const bases = new Map<string, JsonValue>()
  if (!definition) return bases
  const base = definition.event.create() as JsonValue
  const add = (id: string, event: JsonValue) => {
    const hash = [...checksum(strToU8(JSON.stringify(event)))].map((byte) => byte.toString(16).padStart(2, '0')).join('')
    bases.set(`${id}@${hash}`, event)
  }
  add('default', base)
  for (const preset of definition.event.presets) add(preset.id, preset.apply(base as Record<string, unknown>) as JsonValue)
  return bases
}

/** The document as a `v2.` link writes it: `event` replaced, in its place, by the preset it differs least from. */
function toWire(doc: FlowDocument): Record<string, unknown> {
  let best: EventFrom | null = null
  for (const [preset, base] of eventBases(doc.trigger)) {
    const changes = diffJson(base, doc.event as JsonValue)
    if (!best || JSON.stringify(changes).length < JSON.stringify(best.changes).length) best = { preset, changes }
  }
  const from: EventFrom = best ?? { preset: 'none@', changes: [[[], doc.event as JsonValue]] }
  return Object.fromEntries(Object.entries(doc).map(([key, value]) => (key === 'event' ? ['eventFrom', from] : [key, value])))
}

/** Deflate looks back 32 KiB at most: the pieces leave room in it for the link's own text. */
const PIECES_BUDGET = 28 * 1024
/** A code line shorter than this (`}`, `return;`) says nothing about where the code comes from. */
const TELLING_LINE = 12

/** For each telling line of the pieces' code (JSON text, so lines end at `\n`), the pieces that have it. */
let pieceLines: Map<string, number[]> | undefined
function piecesWithLine(line: string): number[] {
  if (!pieceLines) {
    pieceLines = new Map()
    for (const [index, piece] of SHARE_PIECES_V2.entries()) {
      for (const each of new Set(piece.split('\\n'))) if (each.length >= TELLING_LINE) pieceLines.set(each, [...(pieceLines.get(each) ?? []), index])
    }
  }
  return pieceLines.get(line) ?? []
}

/** The pieces deflate starts from: the trigger's skeleton, then per action the shipped action sharing most of its lines. */
function piecesFor(doc: FlowDocument): number[] {
  const shared = new Map<number, number>()
  for (const action of doc.actions) {
    const scores = new Map<number, number>()
    for (const line of new Set(JSON.stringify(action.code).split('\\n'))) {
      if (line.length >= TELLING_LINE) for (const index of piecesWithLine(line)) scores.set(index, (scores.get(index) ?? 0) + line.length)
    }
    const [best] = [...scores].sort(([a, left], [b, right]) => right - left || a - b)
    if (best) shared.set(best[0], (shared.get(best[0]) ?? 0) + best[1])
  }
  const skeleton = SHARE_PIECES_V2.findIndex((piece) => piece.startsWith(`{"version":1,"trigger":${JSON.stringify(doc.trigger)},`))
  const chosen: number[] = []
  let size = skeleton >= 0 ? SHARE_PIECES_V2[skeleton].length : 0
  for (const [index] of [...shared].sort(([a, left], [b, right]) => right - left || a - b)) {
    if (chosen.length === 254 || size + SHARE_PIECES_V2[index].length > PIECES_BUDGET) continue
    chosen.push(index)
    size += SHARE_PIECES_V2[index].length
  }
  // Nearest the link's own text, where deflate reaches them with the shortest distances: the skeleton, then the best piece.
  return [...(skeleton >= 0 ? [skeleton] : []), ...chosen].reverse()
}

const dictionaryOf = (pieces: number[]) => strToU8(pieces.map((index) => SHARE_PIECES_V2[index]).join(''))

/**
 * Returns the fragment payload (without `#`) for the document, secret values removed. The link holds the document
 * as opening it gives it (the flow document's schema orders some keys), so a flow makes one link whether it comes
 * from the app or from a file (`actions-playground link`).
 */
export function encodeShareLink(doc: FlowDocument): string {
  const checked = validateFlowDocument(withoutSecretValues(doc))
  const shared = checked.ok ? checked.value : withoutSecretValues(doc)
  const pieces = piecesFor(shared)
  const json = strToU8(JSON.stringify(toWire(shared)))
  const deflated = deflateSync(json, { level: 9, dictionary: dictionaryOf(pieces) })
  const packed = new Uint8Array(1 + pieces.length + deflated.length + CHECKSUM_BYTES)
  packed.set([pieces.length, ...pieces])
  packed.set(deflated, 1 + pieces.length)
  packed.set(checksum(json), packed.length - CHECKSUM_BYTES)
  return `v${CURRENT_VERSION}.${toBase64Url(packed)}`
}

/** The share link of the document for the app at `appUrl`: what the Share button copies and `actions-playground link` prints. */
export function shareUrl(doc: FlowDocument, appUrl: string): string {
  const url = new URL(appUrl)
  url.hash = encodeShareLink(doc)
  return url.href
}

const DAMAGED = 'The link is incomplete or damaged — was it cut off? Copy the whole link and try again.'

/** Inflates raw deflate data, stopping as soon as the output passes the cap. */
function inflateCapped(data: Uint8Array, dictionary?: Uint8Array): Uint8Array | Failure {
  const pieces: Uint8Array[] = []
  let size = 0
  let ended = false
  const inflater = new Inflate({ dictionary }, (piece, final) => {
    size += piece.length
    if (size <= MAX_INFLATED_BYTES) pieces.push(piece)
    ended = final
  })
  try {
    for (let offset = 0; offset < data.length && size <= MAX_INFLATED_BYTES; offset += INFLATE_STEP) {
      inflater.push(data.subarray(offset, offset + INFLATE_STEP), offset + INFLATE_STEP >= data.length)
    }
  } catch {
    return fail(DAMAGED)
  }
  if (size > MAX_INFLATED_BYTES) {
    return fail(`The flow in this link unpacks to more than ${MAX_INFLATED_BYTES / 1024 / 1024} MB, more than the playground opens.`)
  }
  if (!ended) return fail(DAMAGED)
  const out = new Uint8Array(size)
  let at = 0
  for (const piece of pieces) { out.set(piece, at); at += piece.length }
  return out
}

/** The bytes of a link's payload, refused when they cannot be a whole link. */
function bytesOf(payload: string): Uint8Array | Failure {
  const badCharacter = /[^A-Za-z0-9_-]/.exec(payload)
  if (badCharacter) {
    return fail(`The link contains "${badCharacter[0]}", which a share link never has. Was it edited, or changed by the app it was pasted into?`)
  }
  // A base64 text of length 4n+1 cannot come from whole bytes: the end was cut off.
  if (!payload || payload.length % 4 === 1) return fail(DAMAGED)
  return fromBase64Url(payload)
}

/** The JSON text that deflate data and its checksum unpack to, checked against the checksum. */
function unpack(bytes: Uint8Array, dictionary?: Uint8Array): string | Failure {
  if (bytes.length <= CHECKSUM_BYTES) return fail(DAMAGED)
  const inflated = inflateCapped(bytes.subarray(0, bytes.length - CHECKSUM_BYTES), dictionary)
  if (!(inflated instanceof Uint8Array)) return inflated
  if (checksum(inflated).some((byte, index) => byte !== bytes[bytes.length - CHECKSUM_BYTES + index])) {
    return fail('The link was changed after it was made (its checksum does not match). Copy the whole link again from where it was shared.')
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(inflated)
  } catch {
    return fail('The link unpacks to data that is not text (not UTF-8): it is damaged or was not made by the playground.')
  }
}

function parsed(text: string | Failure): JsonValue | Failure {
  if (typeof text !== 'string') return text
  const json = parseJson(text)
  if (!json.ok) return fail(`The link unpacks to text that is not JSON (${json.errors[0]}): it is damaged or was not made by the playground.`)
  return json.value as JsonValue
}

function opened(value: unknown): DecodedShareLink {
  const doc = validateFlowDocument(value)
  if (!doc.ok) {
    const more = doc.errors.length > 3 ? ` (and ${doc.errors.length - 3} more)` : ''
    return fail(`The link holds JSON that is not a valid flow document: ${doc.errors.slice(0, 3).join('; ')}${more}.`)
  }
  return { ok: true, value: doc.value, missingSecrets: missingSecrets(doc.value), warnings: doc.warnings ?? [] }
}

const isFailure = (value: unknown): value is Failure => typeof value === 'object' && value !== null && (value as Failure).ok === false

function decodeV1(payload: string): DecodedShareLink {
  const bytes = bytesOf(payload)
  if (isFailure(bytes)) return bytes
  const json = parsed(unpack(bytes))
  return isFailure(json) ? json : opened(json)
}

/** The document of a `v2.` link: its event rebuilt from the preset it names, which this build must have as it was. */
function fromWire(wire: JsonValue): Record<string, unknown> | Failure {
  if (typeof wire !== 'object' || wire === null || Array.isArray(wire)) return fail('The link holds JSON that is not a valid flow document: it is not an object.')
  const from = wire.eventFrom
  if (typeof from !== 'object' || from === null || Array.isArray(from) || typeof from.preset !== 'string' || !Array.isArray(from.changes)) {
    return fail('The link holds JSON that is not a valid flow document: its event is missing.')
  }
  const trigger = typeof wire.trigger === 'string' ? wire.trigger : ''
  const bases = eventBases(trigger)
  const base = bases.get(from.preset)
  const name = from.preset.split('@')[0]
  if (base === undefined && from.preset !== 'none@') {
    const changed = [...bases.keys()].some((key) => key.split('@')[0] === name)
    return fail(changed
      ? `The link's event starts from the "${name}" event preset as another version of the playground had it; this version's "${name}" is different, so the event cannot be rebuilt. Open the link in the playground it was made with, or ask for a new link.`
      : `The link's event starts from an event preset this version of the playground does not know ("${name}" for ${trigger || 'an unknown'} trigger). Open the link in the playground it was made with, or ask for a new link.`)
  }
  let event: JsonValue
  try {
    event = applyJsonChanges(base ?? null, from.changes as JsonChange[])
  } catch (error) {
    return fail(`The link's event could not be rebuilt from the preset "${name}" (${error instanceof Error ? error.message : String(error)}): it is damaged or was not made by the playground.`)
  }
  return Object.fromEntries(Object.entries(wire).map(([key, value]) => (key === 'eventFrom' ? ['event', event] : [key, value])))
}

function decodeV2(payload: string): DecodedShareLink {
  const bytes = bytesOf(payload)
  if (isFailure(bytes)) return bytes
  // The count of pieces, then their indexes: a piece this version does not have can only be damage, they are frozen with v2.
  const pieces = [...bytes.subarray(1, 1 + (bytes[0] ?? 0))]
  if (!bytes.length || pieces.length < bytes[0] || pieces.some((index) => index >= SHARE_PIECES_V2.length)) return fail(DAMAGED)
  const json = parsed(unpack(bytes.subarray(1 + pieces.length), dictionaryOf(pieces)))
  if (isFailure(json)) return json
  const doc = fromWire(json)
  return isFailure(doc) ? doc : opened(doc)
}

/** One decoder per link format; a new format adds an entry and old links keep opening. */
const DECODERS: Record<number, (payload: string) => DecodedShareLink> = { 1: decodeV1, 2: decodeV2 }

/** Per action, the secret names without a value: what the user has to fill in before running. */
export function missingSecrets(doc: FlowDocument): MissingSecrets[] {
  return doc.actions.flatMap((action) => {
    const names = Object.keys(action.secrets).filter((name) => action.secrets[name] === '')
    return names.length ? [{ actionId: action.id, actionName: action.name, names }] : []
  })
}

/** Decodes a share-link fragment (with or without the leading `#`). Never throws. */
export function decodeShareLink(fragment: string): DecodedShareLink {
  try {
    // Mail and chat apps may wrap a long link over lines; a share link never holds whitespace.
    const text = fragment.replace(/\s+/g, '').replace(/^#/, '')
    if (!text) return fail('The link has no flow in it: nothing follows the "#".')
    const prefix = /^v(\d+)\./.exec(text)
    if (!prefix) return fail(`This is not a playground share link: it should start with "#v${CURRENT_VERSION}.".`)
    const version = Number(prefix[1])
    const decode = DECODERS[version]
    if (decode) return decode(text.slice(prefix[0].length))
    if (version > CURRENT_VERSION) {
      return fail(`The link was made by a newer version of the playground (link format v${version}). Reload the page to get the newest playground, then open the link again.`)
    }
    return fail(`The link uses a link format this playground does not know (v${version}).`)
  } catch (error) {
    return fail(`The link could not be read: ${error instanceof Error ? error.message : String(error)}.`)
  }
}
