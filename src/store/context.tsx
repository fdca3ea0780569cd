/**
 * The store as React sees it, after xyflow: `<PlaygroundProvider>` makes one store for what it wraps (or
 * takes one, for tests), `useStore(selector)` reads from it and `useStoreApi()` gives the store itself to
 * code that acts on it outside rendering (event handlers, effects, commands).
 */
import { createContext, useContext, useState, type ReactNode } from 'react'
import { useStore as useZustandStore } from 'zustand'
import type { FlowDocument } from '../engine/flowDocument.ts'
import { createStore, type PlaygroundState, type PlaygroundStore } from './index.ts'

export const StoreContext = createContext<PlaygroundStore | null>(null)

export interface PlaygroundProviderProps {
  /** The document the new store starts with (an empty flow by default); ignored with `store`. */
  initialDocument?: FlowDocument
  /** A store made elsewhere (the page's, a test's) instead of a new one. */
  store?: PlaygroundStore
  children?: ReactNode
}

export function PlaygroundProvider({ initialDocument, store, children }: PlaygroundProviderProps) {
  // One store per provider, made once: later props do not replace it.
  const [own] = useState(() => store ?? createStore(initialDocument))
  return <StoreContext.Provider value={own}>{children}</StoreContext.Provider>
}

/** The store of the nearest `<PlaygroundProvider>`. */
export function useStoreApi(): PlaygroundStore {
  const store = useContext(StoreContext)
  if (!store) throw new Error('useStoreApi and useStore need a <PlaygroundProvider> around the component.')
  return store
}

/** What `selector` picks from the nearest provider's store; the component renders again when that changes. */
export function useStore<T>(selector: (state: PlaygroundState) => T): T {
  return useZustandStore(useStoreApi(), selector)
}
