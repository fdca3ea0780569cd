/**
 * The event as the user types it. The text is kept even when it is not valid JSON, so nothing typed is
 * lost; the flow document keeps the last valid event, and Run is disabled with the reason.
 */
import type { StateCreator } from 'zustand'
import { parseJson } from '../engine/json.ts'
import type { PlaygroundState } from './index.ts'

export interface EventSlice {
  eventText: string
  /** Why the text is not a usable event; null when it is. */
  eventError: string | null
  setEventText(text: string): void
  /** Replaces the event (a preset, the form view): the text follows. */
  replaceEvent(event: Record<string, unknown>): void
}

export function formatEvent(event: unknown): string {
  return `${JSON.stringify(event, null, 2)}\n`
}

export const createEventSlice: StateCreator<PlaygroundState, [], [], EventSlice> = (set) => ({
  eventText: '', // set from the document when the store is created
  eventError: null,
  setEventText: (text) => {
    const parsed = parseJson(text)
    if (!parsed.ok) return set({ eventText: text, eventError: parsed.errors[0] })
    const value = parsed.value
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return set({ eventText: text, eventError: 'The event must be a JSON object.' })
    set(({ doc }) => ({ eventText: text, eventError: null, doc: { ...doc, event: value as Record<string, unknown> } }))
  },
  replaceEvent: (event) => set(({ doc }) => ({ eventText: formatEvent(event), eventError: null, doc: { ...doc, event } })),
})
