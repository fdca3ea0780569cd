/**
 * Saving a store's playgrounds in this browser as they change (debounced, and at once when the page is hidden or
 * closed): what is saved is derived from the state (`selectSavedState`), and a problem saving is told once, beside
 * the notice (a flow just opened keeps its "Opened …" notice when it is too big to save).
 */
import type { PlaygroundState, PlaygroundStore } from './index.ts'
import type { SavedState } from './persistence.ts'
import { createSaver } from './saver.ts'

const SAVE_DELAY_MS = 400

/** What is saved in this browser (persistence.ts): every playground, named after its document. Kept here, with the saving that loads after the first paint. */
export const selectSavedState = (state: Pick<PlaygroundState, 'playgrounds' | 'rememberSecrets'>): SavedState => {
  const { byId, order, currentId } = state.playgrounds
  return {
    currentId,
    rememberSecrets: state.rememberSecrets,
    playgrounds: order.map((id) => {
      const { updatedAt, doc, eventDraft, example } = byId[id]
      return { id, name: doc.name, updatedAt, doc, ...(eventDraft === undefined ? {} : { eventDraft }), ...(example === undefined ? {} : { example }) }
    }),
  }
}

/** Saves `store` from now on; returns what stops it. Saves once at once (saved data in the first format moves to a key per playground). */
export function startAutosave(store: PlaygroundStore, storage: Storage = localStorage): () => void {
  const save = createSaver(storage)
  let timer: ReturnType<typeof setTimeout> | undefined
  // A problem is told once, not at every save while it lasts (dismissed, it stays so), and goes once it is solved.
  let reported: string | null = null
  const flush = () => {
    clearTimeout(timer)
    timer = undefined
    const problem = save(selectSavedState(store.getState()))
    if (problem === reported) return
    store.getState().setSaveProblem(problem)
    reported = problem
  }
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.playgrounds === previous.playgrounds && state.rememberSecrets === previous.rememberSecrets) return
    clearTimeout(timer)
    timer = setTimeout(flush, SAVE_DELAY_MS)
  })
  const onHidden = () => { if (document.visibilityState === 'hidden' && timer) flush() }
  // A closed tab, a reload or a crash-prone moment: save now.
  window.addEventListener('pagehide', flush)
  document.addEventListener('visibilitychange', onHidden)
  flush()
  return () => {
    clearTimeout(timer)
    unsubscribe()
    window.removeEventListener('pagehide', flush)
    document.removeEventListener('visibilitychange', onHidden)
  }
}
