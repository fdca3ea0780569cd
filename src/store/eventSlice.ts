/**
 * The event as the user types it. The text is kept even when it is not valid JSON, so nothing typed is
 * lost; the flow document keeps the last valid event, and Run is disabled with the reason. Text that
 * differs from the document's event is a draft, saved in this browser with its playground (not shared).
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

// An event can be megabytes, and whether the text is a draft is asked at every save: format each event once.
let formatted: { event: unknown; text: string } | null = null

export function formatEvent(event: unknown): string {
  if (formatted && formatted.event === event) return formatted.text
  const text = `${JSON.stringify(event, null, 2)}\n`
  formatted = { event, text }
  return text
}

type ReadEvent = { event: Record<string, unknown>; error: null } | { event: null; error: string }

/** The event a text holds, or why it holds none. */
export function readEvent(text: string): ReadEvent {
  const parsed = parseJson(text)
  if (!parsed.ok) return { event: null, error: parsed.errors[0] }
  const value = parsed.value
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { event: null, error: 'The event must be a JSON object.' }
  return { event: value as Record<string, unknown>, error: null }
}

/** The text typed in the event editor when it is not the document's event as formatted; undefined otherwise. */
export function eventDraft(state: Pick<PlaygroundState, 'eventText' | 'doc'>): string | undefined {
  return state.eventText === formatEvent(state.doc.event) ? undefined : state.eventText
}

export const createEventSlice: StateCreator<PlaygroundState, [], [], EventSlice> = (set) => ({
  eventText: '', // set from the document when the store is created
  eventError: null,
  setEventText: (text) => {
    const { event, error } = readEvent(text)
    if (!event) return set({ eventText: text, eventError: error })
    set(({ doc }) => ({ eventText: text, eventError: null, doc: { ...doc, event } }))
  },
  replaceEvent: (event) => set(({ doc }) => ({ eventText: formatEvent(event), eventError: null, doc: { ...doc, event } })),
})
