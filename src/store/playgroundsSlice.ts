/**
 * The user's playgrounds: each one a flow document (and the event text it was left with, when that is a
 * draft). The current one is edited as `doc`; the others wait in `playgrounds`. A new one starts empty.
 * Deleting one can be undone; notices tell what happened (a link opened, data unreadable).
 */
import type { StateCreator } from 'zustand'
import { defaultFlow } from '../triggers/defaultFlow.ts'
import type { FlowDocument } from '../engine/flowDocument.ts'
import { eventDraft } from './eventSlice.ts'
import type { PlaygroundState } from './index.ts'
import type { SavedPlayground } from './persistence.ts'

export interface Notice {
  tone: 'info' | 'error'
  text: string
  /** Secrets a flow from a link names but does not carry, per action. */
  missingSecrets?: { actionName: string; names: string[] }[]
}

export interface PlaygroundsSlice {
  playgrounds: SavedPlayground[]
  currentId: string
  rememberSecrets: boolean
  deleted: { playground: SavedPlayground; index: number } | null
  notice: Notice | null
  galleryOpen: boolean
  /** The playgrounds with the current one's latest document. */
  allPlaygrounds(): SavedPlayground[]
  openAsNew(doc: FlowDocument): void
  /** Opens an empty flow as a new playground. */
  newPlayground(): void
  switchPlayground(id: string): void
  renamePlayground(id: string, name: string): void
  duplicatePlayground(id: string): void
  deletePlayground(id: string): void
  undoDelete(): void
  setRememberSecrets(remember: boolean): void
  setNotice(notice: Notice | null): void
  setGalleryOpen(open: boolean): void
}

function newId(): string {
  return `pg-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
}

export const createPlaygroundsSlice = (initial: FlowDocument): StateCreator<PlaygroundState, [], [], PlaygroundsSlice> => (set, get) => {
  const firstId = newId()
  return {
    playgrounds: [{ id: firstId, name: initial.name, updatedAt: Date.now(), doc: initial }],
    currentId: firstId,
    rememberSecrets: false,
    deleted: null,
    notice: null,
    galleryOpen: false,
    allPlaygrounds: () => {
      const { playgrounds, currentId, doc } = get()
      return playgrounds.map((saved) => (saved.id === currentId ? { ...saved, name: doc.name, doc, eventDraft: eventDraft(get()) } : saved))
    },
    openAsNew: (doc) => {
      const id = newId()
      set({ playgrounds: [...get().allPlaygrounds(), { id, name: doc.name, updatedAt: Date.now(), doc }], currentId: id, galleryOpen: false })
      get().loadDocument(doc)
    },
    newPlayground: () => get().openAsNew(defaultFlow()),
    switchPlayground: (id) => {
      const target = get().allPlaygrounds().find((saved) => saved.id === id)
      if (!target || id === get().currentId) return
      set({ playgrounds: get().allPlaygrounds(), currentId: id, galleryOpen: false })
      get().loadDocument(target.doc, target.eventDraft)
    },
    renamePlayground: (id, name) => {
      if (id === get().currentId) return get().setFlowName(name)
      set({ playgrounds: get().playgrounds.map((saved) => (saved.id === id ? { ...saved, name, doc: { ...saved.doc, name } } : saved)) })
    },
    duplicatePlayground: (id) => {
      const source = get().allPlaygrounds().find((saved) => saved.id === id)
      if (source) get().openAsNew({ ...structuredClone(source.doc), name: `${source.doc.name} (copy)` })
    },
    deletePlayground: (id) => {
      const all = get().allPlaygrounds()
      const index = all.findIndex((saved) => saved.id === id)
      if (index < 0) return
      const rest = all.filter((saved) => saved.id !== id)
      const deleted = { playground: all[index], index }
      if (!rest.length) {
        const doc = defaultFlow()
        const replacement = { id: newId(), name: doc.name, updatedAt: Date.now(), doc }
        set({ playgrounds: [replacement], currentId: replacement.id, deleted })
        return get().loadDocument(replacement.doc)
      }
      set({ playgrounds: rest, deleted })
      if (id === get().currentId) {
        const next = rest[Math.min(index, rest.length - 1)]
        set({ currentId: next.id })
        get().loadDocument(next.doc, next.eventDraft)
      }
    },
    undoDelete: () => {
      const { deleted } = get()
      if (!deleted) return
      const all = get().allPlaygrounds()
      const playgrounds = [...all.slice(0, deleted.index), deleted.playground, ...all.slice(deleted.index)]
      set({ playgrounds, currentId: deleted.playground.id, deleted: null })
      get().loadDocument(deleted.playground.doc, deleted.playground.eventDraft)
    },
    setRememberSecrets: (remember) => set({ rememberSecrets: remember }),
    setNotice: (notice) => set({ notice }),
    setGalleryOpen: (open) => set({ galleryOpen: open }),
  }
}
