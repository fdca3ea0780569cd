/**
 * Reading the playgrounds saved in this browser (localStorage; saver.ts writes them): an index (ids, names, the current one) and one key per
 * playground, so that a playground too big to save never stops the others from saving. Only what changed is
 * written. The single key of the first format is read once and replaced. Saved data that cannot be read is
 * moved aside under its own key, never deleted. Secret values are saved only with the user's consent (saver.ts,
 * which the page loads after its first paint).
 */
import type { FlowDocument } from '../engine/flowDocument.ts'

export const INDEX_KEY = 'actions-playground:v2'
export const PLAYGROUND_PREFIX = 'actions-playground:v2:playground:'
/** Every playground under one key: read, then replaced by the index and a key per playground. */
export const LEGACY_KEY = 'actions-playground:v1'
const CORRUPT_PREFIX = 'actions-playground:unreadable:'
/** Past this (in characters of JSON), a playground is not saved: browsers give a site about 5 MB in all. */
export const PLAYGROUND_SIZE_LIMIT = 4_000_000

export interface SavedPlayground {
  id: string
  name: string
  updatedAt: number
  doc: FlowDocument
  /** Event text left in the editor that is not the document's event (often invalid JSON); this browser only, never shared. */
  eventDraft?: string
  /** The slug of the gallery example the playground was opened from. */
  example?: string
}

export interface SavedState {
  currentId: string
  rememberSecrets: boolean
  playgrounds: SavedPlayground[]
}

export interface SavedIndex {
  version: 2
  currentId: string
  rememberSecrets: boolean
  playgrounds: { id: string; name: string }[]
}

export type LoadResult = { state: SavedState | null; problem: string | null }

export const playgroundKey = (id: string) => `${PLAYGROUND_PREFIX}${id}`

/** A cheap shape check: enough to know the data is ours and usable, without the full schema. */
function isFlowDocument(value: unknown): value is FlowDocument {
  const doc = value as FlowDocument
  return !!doc && doc.version === 1 && typeof doc.name === 'string' && typeof doc.event === 'object' && doc.event !== null &&
    Array.isArray(doc.actions) && doc.actions.every((action) => typeof action?.id === 'string' && typeof action.code === 'string' && typeof action.name === 'string')
}

function isSavedPlayground(value: unknown): value is SavedPlayground {
  const saved = value as SavedPlayground
  return !!saved && typeof saved.id === 'string' && typeof saved.name === 'string' && isFlowDocument(saved.doc) &&
    (saved.eventDraft === undefined || typeof saved.eventDraft === 'string') && (saved.example === undefined || typeof saved.example === 'string')
}

function isLegacyState(value: unknown): value is SavedState & { version: 1 } {
  const state = value as SavedState & { version: 1 }
  return !!state && state.version === 1 && typeof state.currentId === 'string' && Array.isArray(state.playgrounds) && state.playgrounds.length > 0 &&
    state.playgrounds.every(isSavedPlayground)
}

function isSavedIndex(value: unknown): value is SavedIndex {
  const index = value as SavedIndex
  return !!index && index.version === 2 && typeof index.currentId === 'string' && Array.isArray(index.playgrounds) &&
    index.playgrounds.every((entry) => typeof entry?.id === 'string' && typeof entry.name === 'string')
}

function parse(text: string): unknown {
  try { return JSON.parse(text) } catch { return undefined }
}

/** Moves unreadable data aside; returns where it went. */
function keepAside(storage: Storage, key: string, text: string, what: string): string {
  const aside = `${CORRUPT_PREFIX}${what}${new Date().toISOString()}`
  try { storage.setItem(aside, text); storage.removeItem(key) } catch { return key /* storage full: it stays where it is */ }
  return aside
}

function withDefaults(saved: SavedPlayground): SavedPlayground {
  return { ...saved, doc: { ...saved.doc, mocks: saved.doc.mocks ?? { http: [] } } }
}

function stateOf(playgrounds: SavedPlayground[], currentId: string, rememberSecrets: boolean): SavedState | null {
  if (!playgrounds.length) return null
  return { currentId: playgrounds.some((saved) => saved.id === currentId) ? currentId : playgrounds[0].id, rememberSecrets, playgrounds: playgrounds.map(withDefaults) }
}

/** The ids that have a key of their own, in storage order: what an unreadable index leaves to go by. */
export function storedIds(storage: Storage): string[] {
  const ids: string[] = []
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i)
    if (key?.startsWith(PLAYGROUND_PREFIX)) ids.push(key.slice(PLAYGROUND_PREFIX.length))
  }
  return ids
}

function loadIndexed(storage: Storage, indexText: string): LoadResult {
  const problems: string[] = []
  let index = parse(indexText)
  if (!isSavedIndex(index)) {
    const aside = keepAside(storage, INDEX_KEY, indexText, 'index:')
    problems.push(`The list of your playgrounds could not be read (kept under "${aside}"), so they are shown in the order they were saved.`)
    index = { version: 2, currentId: '', rememberSecrets: false, playgrounds: storedIds(storage).map((id) => ({ id, name: id })) } satisfies SavedIndex
  }
  const { currentId, rememberSecrets, playgrounds: entries } = index as SavedIndex
  const playgrounds: SavedPlayground[] = []
  for (const { id, name } of entries) {
    const text = storage.getItem(playgroundKey(id))
    if (text === null) continue
    const saved = parse(text)
    if (isSavedPlayground(saved) && saved.id === id) playgrounds.push(saved)
    else problems.push(`The playground “${name}” could not be read, so it was left out; its data was kept in this browser's storage under "${keepAside(storage, playgroundKey(id), text, `${id}:`)}".`)
  }
  const state = stateOf(playgrounds, currentId, rememberSecrets === true)
  return { state, problem: problems.length ? problems.join(' ') : null }
}

function loadLegacy(storage: Storage, text: string): LoadResult {
  const value = parse(text)
  if (isLegacyState(value)) return { state: stateOf(value.playgrounds, value.currentId, value.rememberSecrets === true), problem: null }
  const aside = keepAside(storage, LEGACY_KEY, text, '')
  return { state: null, problem: `Your saved playgrounds could not be read, so the playground started fresh. The data was kept in this browser's storage under "${aside}".` }
}

export function loadSaved(storage: Storage = localStorage): LoadResult {
  let indexText: string | null
  let legacyText: string | null
  try {
    indexText = storage.getItem(INDEX_KEY)
    legacyText = indexText === null ? storage.getItem(LEGACY_KEY) : null
  } catch {
    return { state: null, problem: 'This browser does not let the playground read its saved data (storage is blocked), so nothing will be saved.' }
  }
  if (indexText !== null) return loadIndexed(storage, indexText)
  if (legacyText !== null) return loadLegacy(storage, legacyText)
  return { state: null, problem: null }
}
