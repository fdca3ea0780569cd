/** The playground's store: one zustand store split into slices, read through the small hooks in hooks.ts. */
import { create } from 'zustand'
import type { FlowDocument } from '../engine/flowDocument.ts'
import { starterFlow } from '../examples/templates.ts'
import { createFlowSlice, type FlowSlice } from './flowSlice.ts'
import { createUiSlice, type UiSlice } from './uiSlice.ts'

export type PlaygroundState = FlowSlice & UiSlice

export function createPlaygroundStore(initial: FlowDocument = starterFlow()) {
  return create<PlaygroundState>()((...args) => ({
    ...createFlowSlice(initial)(...args),
    ...createUiSlice(...args),
  }))
}

export const usePlayground = createPlaygroundStore()
