/**
 * The event as the user types it. The text is kept even when it is not valid JSON, so nothing typed is
 * lost; the flow document keeps the last valid event, and Run is disabled with the reason. Text that
 * differs from the document's event is the playground's draft, saved in this browser with it (not shared);
 * the text and its error are derived from the document and the draft (selectors.ts).
 */
import type { StateCreator } from 'zustand'
import { parseJson } from '../engine/json.ts'
import type { PlaygroundState } from './index.ts'
import { updateCurrent } from './current.ts'

export interface EventSlice {
  setEventText(text: string): void
  /** Replaces the event (a preset, the form view): the text follows. */
  replaceEvent(event: Record<string, unknown>): void
}

// An event can be megabytes, and its text is asked for at every change: format each event once.
const formatted = new WeakMap<object, string>()

export function formatEvent(event: unknown): string {
  const cacheable = typeof event === 'object' && event !== null
  const known = cacheable ? formatted.get(event) : undefined
  if (known !== undefined) return known
  const text = `${JSON.stringify(event, null, 2)}\n`
  if (cacheable) formatted.set(event, text)
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

export const createEventSlice: StateCreator<PlaygroundState, [], [], EventSlice> = (set) => ({
  setEventText: (text) => {
    const { event } = readEvent(text)
    set((state) => updateCurrent(state, (current) => {
      if (!event) return { ...current, eventDraft: text }
      const eventDraft = text === formatEvent(event) ? undefined : text
      return { ...current, doc: { ...current.doc, event }, eventDraft }
    }))
  },
  replaceEvent: (event) => set((state) => updateCurrent(state, (current) => ({ ...current, doc: { ...current.doc, event }, eventDraft: undefined }))),
})
