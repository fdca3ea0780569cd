/**
 * What the page opens with: the saved playgrounds (or, on a first visit, the examples gallery), then a
 * shared link or `?example=` as a new playground; from then on every change is saved, and a link pasted
 * into the open tab opens too.
 */
import type { PlaygroundStore } from '../../store/index.ts'
import { loadSaved } from '../../store/persistence.ts'
import { findExample } from '../playgrounds/exampleCatalog.ts'
import { eventWarnings } from '../share/eventWarnings.ts'

export const WELCOMED_KEY = 'actions-playground:welcomed'

/** `#v1.…`, `#v2.…`; an empty fragment (`#`) or another one is not a link to open. */
const isShareLink = (hash: string) => hash.startsWith('#v')

async function openSharedLink(playground: PlaygroundStore, hash: string) {
  const { decodeShareLink } = await import('../../engine/shareCodec.ts')
  const decoded = decodeShareLink(hash)
  const store = playground.getState()
  if (!decoded.ok) {
    // The link stays in the address bar, to copy into the playground that made it.
    store.setNotice({ tone: 'error', text: `This link could not be opened: ${decoded.error} Your playgrounds are unchanged.` })
    return
  }
  // The link is read once: a reload shows the saved playground, not a second copy.
  history.replaceState(null, '', location.pathname + location.search)
  store.openAsNew(decoded.value)
  const missing = decoded.missingSecrets.map((entry) => ({ actionName: entry.actionName, names: entry.names })).filter((entry) => entry.names.length)
  store.setNotice({ tone: 'info', text: `This flow came from a link and opened as a new playground. Its code runs only when you press Run.${eventWarnings(decoded.warnings)}`, missingSecrets: missing })
}

/** Opens the page's playgrounds in `store`, then saves it as it changes. */
export async function startPlayground(store: PlaygroundStore) {
  const { state, problem } = loadSaved()
  if (state) store.getState().loadPlaygrounds(state)
  if (problem) store.getState().setNotice({ tone: 'error', text: problem })
  let welcomed = true
  try { welcomed = localStorage.getItem(WELCOMED_KEY) !== null } catch { /* storage blocked */ }
  if (isShareLink(location.hash)) await openSharedLink(store, location.hash)
  else {
    const url = new URL(location.href)
    const slug = url.searchParams.get('example')
    // The examples load only for a link that names one.
    const example = slug ? await findExample(slug) : undefined
    if (example) {
      store.getState().openAsNew(structuredClone(example.document), example.slug)
      // Read once, like a link: a reload shows the saved playground, not a second copy of the example.
      url.searchParams.delete('example')
      history.replaceState(null, '', url)
    } else if (!state && !welcomed) store.getState().setGalleryOpen(true)
  }
  try { localStorage.setItem(WELCOMED_KEY, '1') } catch { /* storage blocked */ }
  // Saving (store/autosave.ts) loads after the first paint; it saves at once when it starts, so no change is lost.
  void import('../../store/autosave.ts').then(({ startAutosave }) => startAutosave(store))
  // A link pasted into the address bar of this tab changes only the fragment: the page does not load again.
  window.addEventListener('hashchange', () => { if (isShareLink(location.hash)) void openSharedLink(store, location.hash) })
}
