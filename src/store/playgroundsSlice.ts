/**
 * The user's playgrounds, normalized: each one's document (and the event text it was left with, when that is a
 * draft) is kept once, in `playgrounds.byId`, in the order of `playgrounds.order`; the current one is
 * `playgrounds.currentId` and is edited in place there. The list the switcher shows and what is saved are derived
 * from it (selectors.ts). A new one starts with the default trigger's flow. Deleting one can be undone; notices tell what happened.
 */
import type { StateCreator } from 'zustand'
import { defaultFlow } from '../triggers/defaultFlow.ts'
import type { FlowDocument } from '../engine/flowDocument.ts'
import type { PlaygroundState } from './index.ts'
import type { SavedState } from './persistence.ts'

export interface Notice {
  tone: 'info' | 'error'
  text: string
  /** Secrets a flow from a link names but does not carry, per action. */
  missingSecrets?: { actionName: string; names: string[] }[]
}

/** One playground: its document (whose name is the playground's name) and its event draft, if any. */
export interface Playground {
  id: string
  updatedAt: number
  doc: FlowDocument
  /** Event text left in the editor that is not the document's event (often invalid JSON); this browser only, never shared. */
  eventDraft?: string
  /** The gallery example it was opened from (its slug), whose lesson the designer shows; this browser only, never shared. */
  example?: string
}

export interface Playgrounds {
  byId: Readonly<Record<string, Playground>>
  order: readonly string[]
  currentId: string
}

export interface PlaygroundsSlice {
  playgrounds: Playgrounds
  rememberSecrets: boolean
  deleted: { playground: Playground; index: number } | null
  notice: Notice | null
  /** Why playgrounds could not be saved in this browser (autosave.ts), shown beside the notice, never in its place. */
  saveProblem: string | null
  galleryOpen: boolean
  /** Replaces every playground with saved ones (the page's start) and shows the saved current one. */
  loadPlaygrounds(saved: SavedState): void
  /** Opens `doc` as a new playground; `example` is the slug of the gallery example it comes from. */
  openAsNew(doc: FlowDocument, example?: string): void
  /** Opens an empty flow as a new playground. */
  newPlayground(): void
  switchPlayground(id: string): void
  renamePlayground(id: string, name: string): void
  duplicatePlayground(id: string): void
  deletePlayground(id: string): void
  undoDelete(): void
  dismissDeleted(): void
  setRememberSecrets(remember: boolean): void
  setNotice(notice: Notice | null): void
  setSaveProblem(problem: string | null): void
  setGalleryOpen(open: boolean): void
}

function newId(): string {
  return `pg-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
}

const newPlayground = (doc: FlowDocument, example?: string): Playground => ({ id: newId(), updatedAt: Date.now(), doc, ...(example === undefined ? {} : { example }) })

/** Playgrounds holding exactly `list`, in its order, `currentId` shown. */
function playgroundsOf(list: readonly Playground[], currentId: string): Playgrounds {
  return { byId: Object.fromEntries(list.map((playground) => [playground.id, playground])), order: list.map((playground) => playground.id), currentId }
}

export function initialPlaygrounds(initial: FlowDocument): Playgrounds {
  const first = newPlayground(initial)
  return playgroundsOf([first], first.id)
}

export const createPlaygroundsSlice = (initial: FlowDocument): StateCreator<PlaygroundState, [], [], PlaygroundsSlice> => (set, get) => {
  const list = () => {
    const { byId, order } = get().playgrounds
    return order.map((id) => byId[id])
  }
  /** Shows the playground `id` of `playgrounds`: a fresh history and selection, as when a document is opened. */
  const show = (playgrounds: Playgrounds, extra: Partial<PlaygroundState> = {}) => {
    set({ playgrounds, ...extra })
    const current = playgrounds.byId[playgrounds.currentId]
    get().loadDocument(current.doc, current.eventDraft)
  }
  return {
    playgrounds: initialPlaygrounds(initial),
    rememberSecrets: false,
    deleted: null,
    notice: null,
    saveProblem: null,
    galleryOpen: false,
    loadPlaygrounds: (saved) => {
      const loaded = saved.playgrounds.map(({ id, updatedAt, doc, eventDraft, example }): Playground => ({
        id, updatedAt, doc, ...(eventDraft === undefined ? {} : { eventDraft }), ...(example === undefined ? {} : { example }),
      }))
      show(playgroundsOf(loaded, saved.currentId), { rememberSecrets: saved.rememberSecrets })
    },
    openAsNew: (doc, example) => {
      const created = newPlayground(doc, example)
      show(playgroundsOf([...list(), created], created.id), { galleryOpen: false })
    },
    newPlayground: () => get().openAsNew(defaultFlow()),
    switchPlayground: (id) => {
      const { playgrounds } = get()
      if (!playgrounds.byId[id] || id === playgrounds.currentId) return
      show({ ...playgrounds, currentId: id }, { galleryOpen: false })
    },
    renamePlayground: (id, name) => {
      const { playgrounds } = get()
      if (id === playgrounds.currentId) return get().setFlowName(name)
      const target = playgrounds.byId[id]
      if (target) set({ playgrounds: { ...playgrounds, byId: { ...playgrounds.byId, [id]: { ...target, doc: { ...target.doc, name } } } } })
    },
    duplicatePlayground: (id) => {
      const source = get().playgrounds.byId[id]
      if (source) get().openAsNew({ ...structuredClone(source.doc), name: `${source.doc.name} (copy)` }, source.example)
    },
    deletePlayground: (id) => {
      const all = list()
      const index = all.findIndex((playground) => playground.id === id)
      if (index < 0) return
      const rest = all.filter((playground) => playground.id !== id)
      const deleted = { playground: all[index], index }
      if (!rest.length) {
        const replacement = newPlayground(defaultFlow())
        return show(playgroundsOf([replacement], replacement.id), { deleted })
      }
      const { currentId } = get().playgrounds
      if (id !== currentId) return set({ playgrounds: playgroundsOf(rest, currentId), deleted })
      show(playgroundsOf(rest, rest[Math.min(index, rest.length - 1)].id), { deleted })
    },
    undoDelete: () => {
      const { deleted } = get()
      if (!deleted) return
      const all = list()
      show(playgroundsOf([...all.slice(0, deleted.index), deleted.playground, ...all.slice(deleted.index)], deleted.playground.id), { deleted: null })
    },
    dismissDeleted: () => set({ deleted: null }),
    setRememberSecrets: (remember) => set({ rememberSecrets: remember }),
    setNotice: (notice) => set({ notice }),
    setSaveProblem: (saveProblem) => set({ saveProblem }),
    setGalleryOpen: (open) => set({ galleryOpen: open }),
  }
}
