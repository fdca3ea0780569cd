/**
 * The flow document being designed, with undo/redo of its structure (adding, removing, reordering,
 * renaming, enabling). Code, secrets, the event and mocks change in place: Monaco keeps the code's own
 * undo history, and undoing a structural change keeps each action's latest code. Action names stay
 * unique: an action added, copied, renamed or loaded with a taken name gets a " (2)" suffix.
 */
import type { StateCreator } from 'zustand'
import { uniqueActionId } from '../engine/actionIds.ts'
import { uniqueActionName, withUniqueNames } from '../engine/actionNames.ts'
import type { Dependency, FlowAction, FlowDocument, HttpMock } from '../engine/flowDocument.ts'
import { updateCurrent, updateDoc } from './current.ts'
import type { PlaygroundState } from './index.ts'
import { selectDoc } from './selectors.ts'

const HISTORY_LIMIT = 100

/** The current playground's document lives in the playgrounds slice (`selectDoc`); this slice edits it. */
export interface FlowSlice {
  past: FlowAction[][]
  future: FlowAction[][]
  /** Puts `doc` in the current playground and shows it, with the event text it was left with when that was a draft. */
  loadDocument(doc: FlowDocument, eventDraft?: string): void
  setFlowName(name: string): void
  insertAction(index: number, action: FlowAction): void
  removeAction(id: string): void
  moveAction(id: string, toIndex: number): void
  duplicateAction(id: string): void
  renameAction(id: string, name: string): void
  toggleAction(id: string): void
  setCode(id: string, code: string): void
  setSecrets(id: string, secrets: Record<string, string>): void
  setDependencies(id: string, dependencies: Dependency[]): void
  setMocks(mocks: HttpMock[]): void
  /** Module mocks: package name → the CommonJS source that replaces it. */
  setModuleMocks(modules: Record<string, string>): void
  undo(): void
  redo(): void
}

/** Restores the structure of `snapshot` while keeping the latest code and secrets of actions that still exist. */
function restore(snapshot: FlowAction[], current: FlowAction[]): FlowAction[] {
  const latest = new Map(current.map((action) => [action.id, action]))
  return snapshot.map((action) => {
    const now = latest.get(action.id)
    return now ? { ...action, code: now.code, secrets: now.secrets } : action
  })
}

export const createFlowSlice: StateCreator<PlaygroundState, [], [], FlowSlice> = (set, get) => {
  const setDoc = (next: (doc: FlowDocument) => FlowDocument) => set((state) => updateDoc(state, next))
  /** Applies a structural change and records the previous structure for undo. */
  const change = (next: (actions: FlowAction[]) => FlowAction[]) => {
    const state = get()
    const doc = selectDoc(state)
    const actions = next(doc.actions)
    if (actions === doc.actions) return
    set({ ...updateDoc(state, () => ({ ...doc, actions })), past: [...state.past, doc.actions].slice(-HISTORY_LIMIT), future: [] })
  }
  const names = (actions: FlowAction[], except?: string) => actions.filter((action) => action.id !== except).map((action) => action.name)
  const update = (id: string, patch: Partial<FlowAction>) =>
    setDoc((doc) => ({ ...doc, actions: doc.actions.map((action) => (action.id === id ? { ...action, ...patch } : action)) }))

  return {
    past: [],
    future: [],
    loadDocument: (doc, eventDraft) => {
      const actions = withUniqueNames(doc.actions)
      const loaded = actions === doc.actions ? doc : { ...doc, actions }
      set((state) => ({
        ...updateCurrent(state, (current) => {
          const { eventDraft: _previous, ...rest } = current
          return { ...rest, doc: loaded, ...(eventDraft === undefined ? {} : { eventDraft }) }
        }),
        past: [],
        future: [],
        selectedId: doc.actions[0]?.id ?? null,
        step: null,
      }))
    },
    setFlowName: (name) => setDoc((doc) => ({ ...doc, name })),
    insertAction: (index, action) => change((actions) => [...actions.slice(0, index), { ...action, name: uniqueActionName(action.name, names(actions)) }, ...actions.slice(index)]),
    removeAction: (id) => change((actions) => (actions.some((action) => action.id === id) ? actions.filter((action) => action.id !== id) : actions)),
    moveAction: (id, toIndex) => change((actions) => {
      const from = actions.findIndex((action) => action.id === id)
      const to = Math.max(0, Math.min(actions.length - 1, toIndex))
      if (from < 0 || from === to) return actions
      const next = [...actions]
      const [moved] = next.splice(from, 1)
      next.splice(to, 0, moved)
      return next
    }),
    duplicateAction: (id) => change((actions) => {
      const index = actions.findIndex((action) => action.id === id)
      if (index < 0) return actions
      const source = actions[index]
      const copy = { ...source, id: uniqueActionId(source.id, actions.map((action) => action.id)), name: uniqueActionName(source.name, names(actions)), secrets: { ...source.secrets } }
      return [...actions.slice(0, index + 1), copy, ...actions.slice(index + 1)]
    }),
    renameAction: (id, name) => change((actions) => {
      const unique = uniqueActionName(name, names(actions, id))
      return actions.some((action) => action.id === id && action.name !== unique) ? actions.map((action) => (action.id === id ? { ...action, name: unique } : action)) : actions
    }),
    toggleAction: (id) => change((actions) => actions.map((action) => (action.id === id ? { ...action, enabled: !action.enabled } : action))),
    setCode: (id, code) => update(id, { code }),
    setSecrets: (id, secrets) => update(id, { secrets }),
    setDependencies: (id, dependencies) => update(id, { dependencies }),
    setMocks: (mocks) => setDoc((doc) => ({ ...doc, mocks: { ...doc.mocks, http: mocks } })),
    setModuleMocks: (modules) => setDoc((doc) => ({ ...doc, mocks: { ...doc.mocks, modules } })),
    undo: () => {
      const state = get()
      const { past, future } = state
      const doc = selectDoc(state)
      const previous = past.at(-1)
      if (!previous) return
      set({ ...updateDoc(state, () => ({ ...doc, actions: restore(previous, doc.actions) })), past: past.slice(0, -1), future: [doc.actions, ...future] })
    },
    redo: () => {
      const state = get()
      const { past, future } = state
      const doc = selectDoc(state)
      const next = future[0]
      if (!next) return
      set({ ...updateDoc(state, () => ({ ...doc, actions: restore(next, doc.actions) })), past: [...past, doc.actions], future: future.slice(1) })
    },
  }
}
