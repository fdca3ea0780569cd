/**
 * Hiding secret values in what the results show: every occurrence of a secret's value in a string (a console
 * line, an api call's arguments, an Authorization header, a claim) becomes `•••• (NAME)`. Values shorter than
 * `MIN_SECRET_LENGTH` are left alone: masking "a" or "1" would blank every such character on the page and tell
 * the value anyway. A value is found as written and URL-encoded; other encodings (base64, a hash, a signature made
 * with it) are not recognised.
 */
import type { FlowDocument } from './flowDocument.ts'

export const MIN_SECRET_LENGTH = 4

export interface NamedSecret {
  name: string
  value: string
}

/** A function that returns a value with every secret masked: the same value (same reference) when none occurs. */
export type Masker = <T>(value: T) => T

export const maskFor = (name: string) => `•••• (${name})`

/** The secret values a document's run could show: each action's, and any in the event's `secrets`, long enough to mask. */
export function documentSecrets(doc: Pick<FlowDocument, 'actions' | 'event'> | null): NamedSecret[] {
  if (!doc) return []
  const eventSecrets = (doc.event as { secrets?: unknown }).secrets
  const fromEvent = typeof eventSecrets === 'object' && eventSecrets !== null ? Object.entries(eventSecrets) : []
  const all = [...doc.actions.flatMap((action) => Object.entries(action.secrets)), ...fromEvent]
  const found = new Map<string, string>()
  for (const [name, value] of all) {
    if (typeof value === 'string' && value.length >= MIN_SECRET_LENGTH && !found.has(value)) found.set(value, name)
  }
  return [...found].map(([value, name]) => ({ name, value }))
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A masker for `secrets`; with none, the identity. */
export function createMasker(secrets: readonly NamedSecret[]): Masker {
  if (!secrets.length) return (value) => value
  const names = new Map<string, string>()
  for (const { name, value } of secrets) {
    names.set(value, name)
    const encoded = encodeURIComponent(value)
    if (!names.has(encoded)) names.set(encoded, name)
  }
  // Longest first, so that a secret containing another is masked whole.
  const pattern = new RegExp([...names.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'g')
  const maskText = (text: string) => {
    pattern.lastIndex = 0
    return pattern.test(text) ? text.replace(pattern, (found) => maskFor(names.get(found)!)) : text
  }
  const mask = (value: unknown): unknown => {
    if (typeof value === 'string') return maskText(value)
    if (typeof value !== 'object' || value === null) return value
    if (Array.isArray(value)) {
      const items = value.map(mask)
      return items.some((item, index) => item !== value[index]) ? items : value
    }
    let changed = false
    const entries = Object.entries(value).map(([key, item]) => {
      const next = [maskText(key), mask(item)] as const
      changed ||= next[0] !== key || next[1] !== item
      return next
    })
    return changed ? Object.fromEntries(entries) : value
  }
  return <T,>(value: T) => mask(value) as T
}
