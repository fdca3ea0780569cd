/** The playground's store: one zustand store split into slices, read through the small hooks in hooks.ts. */
import { create } from 'zustand'
import { defaultFlow } from '../triggers/defaultFlow.ts'
import type { FlowDocument } from '../engine/flowDocument.ts'
import { createEventSlice, formatEvent, type EventSlice } from './eventSlice.ts'
import { createFlowSlice, type FlowSlice } from './flowSlice.ts'
import { createPlaygroundsSlice, type PlaygroundsSlice } from './playgroundsSlice.ts'
import { createRunSlice, type RunSlice } from './runSlice.ts'
import { createUiSlice, type UiSlice } from './uiSlice.ts'

export type PlaygroundState = FlowSlice & UiSlice & EventSlice & RunSlice & PlaygroundsSlice

export function createPlaygroundStore(initial: FlowDocument = defaultFlow()) {
  return create<PlaygroundState>()((...args) => ({
    ...createFlowSlice(initial)(...args),
    ...createUiSlice(...args),
    ...createEventSlice(...args),
    ...createRunSlice(...args),
    ...createPlaygroundsSlice(initial)(...args),
    eventText: formatEvent(initial.event),
    selectedId: initial.actions[0]?.id ?? null,
  }))
}

export const usePlayground = createPlaygroundStore()
