/**
 * Writing playgrounds to this browser's storage in the layout persistence.ts reads: loaded with autosave after the
 * page's first paint, not with its first JavaScript.
 */
import { withoutSecretValues } from '../engine/secrets.ts'
import { megabytes } from '../engine/serialize.ts'
import { INDEX_KEY, LEGACY_KEY, PLAYGROUND_SIZE_LIMIT, playgroundKey, storedIds, type SavedIndex, type SavedPlayground, type SavedState } from './persistence.ts'

const unchanged = (before: SavedPlayground | undefined, now: SavedPlayground) =>
  before?.doc === now.doc && before.eventDraft === now.eventDraft && before.name === now.name

/**
 * Writes what changed since the last save: the playgrounds whose document, event draft or name changed,
 * and the index. A playground over the size limit, or one the browser has no room for, is not written (an
 * earlier save of it stays); the others are. Returns a notice naming the playgrounds not saved, or null.
 */
export function createSaver(storage: Storage = localStorage): (state: SavedState) => string | null {
  /** What each playground's key holds, as last written in this page. */
  const written = new Map<string, SavedPlayground>()
  /** Playgrounds refused as too big, as they were then: not turned into megabytes of JSON again until they change. */
  const tooBig = new Map<string, { saved: SavedPlayground; problem: string }>()
  let writtenIndex = ''
  let secretsRemembered: boolean | null = null
  return (state) => {
    if (state.rememberSecrets !== secretsRemembered) {
      written.clear()
      tooBig.clear()
    }
    secretsRemembered = state.rememberSecrets
    const refused: string[] = []
    for (const saved of state.playgrounds) {
      if (unchanged(written.get(saved.id), saved)) continue
      const refusedBefore = tooBig.get(saved.id)
      if (refusedBefore && unchanged(refusedBefore.saved, saved)) {
        refused.push(refusedBefore.problem)
        continue
      }
      const text = JSON.stringify(state.rememberSecrets ? saved : { ...saved, doc: withoutSecretValues(saved.doc) })
      if (text.length > PLAYGROUND_SIZE_LIMIT) {
        const problem = `“${saved.name}” is too big to save in this browser (${megabytes(text.length)}; the limit is ${megabytes(PLAYGROUND_SIZE_LIMIT)}).`
        tooBig.set(saved.id, { saved, problem })
        refused.push(problem)
        continue
      }
      try {
        storage.setItem(playgroundKey(saved.id), text)
        written.set(saved.id, saved)
      } catch (error) {
        refused.push(`“${saved.name}” could not be saved: ${(error as Error).name === 'QuotaExceededError' ? "this browser's storage for the playground is full" : (error as Error).message}.`)
      }
    }
    try {
      const ids = new Set(state.playgrounds.map((saved) => saved.id))
      for (const id of storedIds(storage)) if (!ids.has(id)) storage.removeItem(playgroundKey(id))
      // The index lists the playgrounds that have saved data: one never saved would be missing after a reload.
      const kept = state.playgrounds.filter((saved) => written.has(saved.id) || storage.getItem(playgroundKey(saved.id)) !== null)
      const index = JSON.stringify({ version: 2, currentId: state.currentId, rememberSecrets: state.rememberSecrets, playgrounds: kept.map(({ id, name }) => ({ id, name })) } satisfies SavedIndex)
      if (index !== writtenIndex) storage.setItem(INDEX_KEY, index)
      writtenIndex = index
      if (!refused.length) storage.removeItem(LEGACY_KEY)
    } catch (error) {
      return `Your playgrounds could not be saved in this browser: ${(error as Error).message}`
    }
    if (!refused.length) return null
    const [its, it] = refused.length === 1 ? ['Its', 'it'] : ['Their', 'each']
    return `${refused.join(' ')} ${its} latest changes will be lost when this page closes: export ${it} as a file (Menu → Export the flow file), or remove big values from ${its.toLowerCase()} event or code. Your other playgrounds are saved.`
  }
}
