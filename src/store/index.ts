/**
 * The playground's store: a zustand store split into slices, made by `createStore` once per
 * `<PlaygroundProvider>` (context.tsx) and read through the named hooks in hooks.ts and the selectors in
 * selectors.ts. There is no store of the module: code outside React is given the store it works on.
 */
import { createStore as createVanillaStore, type StoreApi } from 'zustand/vanilla'
import { defaultFlow } from '../triggers/defaultFlow.ts'
import type { FlowDocument } from '../engine/flowDocument.ts'
import { createEventSlice, type EventSlice } from './eventSlice.ts'
import { createFlowSlice, type FlowSlice } from './flowSlice.ts'
import { createPlaygroundsSlice, type PlaygroundsSlice } from './playgroundsSlice.ts'
import { createRunSlice, type RunSlice } from './runSlice.ts'
import { createUiSlice, type UiSlice } from './uiSlice.ts'

export type PlaygroundState = FlowSlice & UiSlice & EventSlice & RunSlice & PlaygroundsSlice
export type PlaygroundStore = StoreApi<PlaygroundState>

/** A new store holding one playground with `initial` (the default trigger's starting flow by default), its first action selected. */
export function createStore(initial: FlowDocument = defaultFlow()): PlaygroundStore {
  return createVanillaStore<PlaygroundState>()((...args) => ({
    ...createFlowSlice(...args),
    ...createUiSlice(...args),
    ...createEventSlice(...args),
    ...createRunSlice(...args),
    ...createPlaygroundsSlice(initial)(...args),
    selectedId: initial.actions[0]?.id ?? null,
  }))
}
