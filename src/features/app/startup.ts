/**
 * What the page opens with: the saved playgrounds (or, on a first visit, the examples gallery), then a
 * shared link or `?example=` as a new playground; from then on every change is saved, and a link pasted
 * into the open tab opens too.
 */
import { usePlayground } from '../../store/index.ts'
import { loadSaved, type SavedState } from '../../store/persistence.ts'
import { findExample } from '../playgrounds/exampleCatalog.ts'
import { eventWarnings } from '../share/eventWarnings.ts'

export const WELCOMED_KEY = 'actions-playground:welcomed'
const SAVE_DELAY_MS = 400

function savedState(): SavedState {
  const state = usePlayground.getState()
  return { currentId: state.currentId, rememberSecrets: state.rememberSecrets, playgrounds: state.allPlaygrounds() }
}

/** Saves after changes; its writer loads after the first paint (nothing was changed before it). */
async function startAutosave() {
  const { createSaver } = await import('../../store/saver.ts')
  const save = createSaver()
  let timer: ReturnType<typeof setTimeout> | undefined
  // A problem is told once, not at every save while it lasts, and its notice goes once it is solved.
  let reported: string | null = null
  const flush = () => {
    clearTimeout(timer)
    timer = undefined
    const problem = save(savedState())
    if (problem === reported) return
    const { notice, setNotice } = usePlayground.getState()
    if (problem) setNotice({ tone: 'error', text: problem })
    else if (notice?.text === reported) setNotice(null)
    reported = problem
  }
  usePlayground.subscribe((state, previous) => {
    if (state.doc === previous.doc && state.eventText === previous.eventText && state.playgrounds === previous.playgrounds && state.currentId === previous.currentId &&
      state.rememberSecrets === previous.rememberSecrets) return
    clearTimeout(timer)
    timer = setTimeout(flush, SAVE_DELAY_MS)
  })
  // A closed tab, a reload or a crash-prone moment: save now.
  window.addEventListener('pagehide', flush)
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden' && timer) flush() })
  // Saved data in the first format moves to a key per playground now.
  flush()
}

/** `#v1.…`; an empty fragment (`#`) or another one is not a link to open. */
const isShareLink = (hash: string) => hash.startsWith('#v')

async function openSharedLink(hash: string) {
  const { decodeShareLink } = await import('../../engine/shareCodec.ts')
  const decoded = decodeShareLink(hash)
  // The link is read once: a reload shows the saved playground, not a second copy.
  history.replaceState(null, '', location.pathname + location.search)
  const store = usePlayground.getState()
  if (!decoded.ok) {
    store.setNotice({ tone: 'error', text: `This link could not be opened: ${decoded.error} Your playgrounds are unchanged.` })
    return
  }
  store.openAsNew(decoded.value)
  const missing = decoded.missingSecrets.map((entry) => ({ actionName: entry.actionName, names: entry.names })).filter((entry) => entry.names.length)
  store.setNotice({ tone: 'info', text: `This flow came from a link and opened as a new playground. Its code runs only when you press Run.${eventWarnings(decoded.warnings)}`, missingSecrets: missing })
}

export async function startPlayground() {
  const { state, problem } = loadSaved()
  const store = usePlayground
  if (state) {
    const current = state.playgrounds.find((saved) => saved.id === state.currentId)!
    store.setState({ playgrounds: state.playgrounds, currentId: state.currentId, rememberSecrets: state.rememberSecrets })
    store.getState().loadDocument(current.doc, current.eventDraft)
  }
  if (problem) store.getState().setNotice({ tone: 'error', text: problem })
  let welcomed = true
  try { welcomed = localStorage.getItem(WELCOMED_KEY) !== null } catch { /* storage blocked */ }
  if (isShareLink(location.hash)) await openSharedLink(location.hash)
  else {
    const url = new URL(location.href)
    const slug = url.searchParams.get('example')
    // The examples load only for a link that names one.
    const example = slug ? await findExample(slug) : undefined
    if (example) {
      store.getState().openAsNew(structuredClone(example.document))
      // Read once, like a link: a reload shows the saved playground, not a second copy of the example.
      url.searchParams.delete('example')
      history.replaceState(null, '', url)
    } else if (!state && !welcomed) store.getState().setGalleryOpen(true)
  }
  try { localStorage.setItem(WELCOMED_KEY, '1') } catch { /* storage blocked */ }
  void startAutosave()
  // A link pasted into the address bar of this tab changes only the fragment: the page does not load again.
  window.addEventListener('hashchange', () => { if (isShareLink(location.hash)) void openSharedLink(location.hash) })
}
