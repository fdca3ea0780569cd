/**
 * Saving playgrounds in this browser (localStorage), in a versioned format. Saved data that cannot be read
 * is moved aside under its own key, never deleted. Secret values are saved only with the user's consent.
 */
import type { FlowDocument } from '../engine/flowDocument.ts'
import { withoutSecretValues } from '../engine/secrets.ts'

export const STORAGE_KEY = 'actions-playground:v1'
const CORRUPT_PREFIX = 'actions-playground:unreadable:'

export interface SavedPlayground {
  id: string
  name: string
  updatedAt: number
  doc: FlowDocument
  /** Event text left in the editor that is not the document's event (often invalid JSON); this browser only, never shared. */
  eventDraft?: string
}

export interface SavedState {
  version: 1
  currentId: string
  rememberSecrets: boolean
  playgrounds: SavedPlayground[]
}

export type LoadResult = { state: SavedState | null; problem: string | null }

/** A cheap shape check: enough to know the data is ours and usable, without the full schema. */
function isFlowDocument(value: unknown): value is FlowDocument {
  const doc = value as FlowDocument
  return !!doc && doc.version === 1 && typeof doc.name === 'string' && typeof doc.event === 'object' && doc.event !== null &&
    Array.isArray(doc.actions) && doc.actions.every((action) => typeof action?.id === 'string' && typeof action.code === 'string' && typeof action.name === 'string')
}

function isSavedState(value: unknown): value is SavedState {
  const state = value as SavedState
  return !!state && state.version === 1 && typeof state.currentId === 'string' && Array.isArray(state.playgrounds) && state.playgrounds.length > 0 &&
    state.playgrounds.every((saved) => typeof saved?.id === 'string' && typeof saved.name === 'string' && isFlowDocument(saved.doc) &&
      (saved.eventDraft === undefined || typeof saved.eventDraft === 'string'))
}

export function loadSaved(storage: Storage = localStorage): LoadResult {
  let text: string | null
  try {
    text = storage.getItem(STORAGE_KEY)
  } catch {
    return { state: null, problem: 'This browser does not let the playground read its saved data (storage is blocked), so nothing will be saved.' }
  }
  if (text === null) return { state: null, problem: null }
  try {
    const value = JSON.parse(text)
    if (isSavedState(value)) {
      const currentId = value.playgrounds.some((saved) => saved.id === value.currentId) ? value.currentId : value.playgrounds[0].id
      return { state: { ...value, currentId, playgrounds: value.playgrounds.map((saved) => ({ ...saved, doc: { ...saved.doc, mocks: saved.doc.mocks ?? { http: [] } } })) }, problem: null }
    }
  } catch { /* kept aside below */ }
  const aside = `${CORRUPT_PREFIX}${new Date().toISOString()}`
  try { storage.setItem(aside, text); storage.removeItem(STORAGE_KEY) } catch { /* storage full: leave it where it is */ }
  return { state: null, problem: `Your saved playgrounds could not be read, so the playground started fresh. The data was kept in this browser's storage under "${aside}".` }
}

export function save(state: SavedState, storage: Storage = localStorage): string | null {
  const stored = state.rememberSecrets ? state : { ...state, playgrounds: state.playgrounds.map((saved) => ({ ...saved, doc: withoutSecretValues(saved.doc) })) }
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(stored))
    return null
  } catch (error) {
    return `Your changes could not be saved in this browser: ${(error as Error).message}`
  }
}
