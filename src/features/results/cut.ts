/**
 * Long values cut to what a page can show at once: a string's first 2,000 characters, a block's first 200
 * lines, a line of JSON's first 4,000 characters, a list's first 100 items. Whole, a 10 MB value would freeze the page while it is laid out.
 */
export const STRING_LIMIT = 2_000
const LINE_LIMIT = 200
const LIST_LIMIT = 100
/** A line of JSON, or a block's lines (a long key), past these, are cut too. */
const INLINE_CHARACTER_LIMIT = 2 * STRING_LIMIT
const BLOCK_CHARACTER_LIMIT = 50_000

export interface Cut {
  text: string
  /** What was left out, in words ("9,998,000 more characters"); null when nothing was. */
  hidden: string | null
}

const count = (n: number, what: string) => `${n.toLocaleString('en-US')} ${what}${n === 1 ? '' : 's'}`

/** "9,998,000 more characters", or null for none. */
export function moreCharacters(n: number): string | null {
  return n > 0 ? count(n, 'more character') : null
}

export function cutString(text: string, max = STRING_LIMIT): Cut {
  if (text.length <= max) return { text, hidden: null }
  return { text: `${text.slice(0, max)}…`, hidden: moreCharacters(text.length - max) }
}

/** The index of the `n`th `\n`, or -1 when there are fewer; and how many there are in all. */
function newlines(text: string, n: number): { nth: number; total: number } {
  let nth = -1
  let total = 0
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) {
    if (++total === n) nth = index
  }
  return { nth, total }
}

/** The value as JSON (pretty with `indent`, else on one line), its long strings and its lines cut; with `all`, whole. */
export function cutJson(value: unknown, indent?: number, all = false): Cut {
  if (all) return { text: JSON.stringify(value, null, indent) ?? String(value), hidden: null }
  // Strings are cut inside the value, so that one long string does not hide the keys after it.
  let cutCharacters = 0
  let text = JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item !== 'string' || item.length <= STRING_LIMIT) return item
    cutCharacters += item.length - STRING_LIMIT
    return `${item.slice(0, STRING_LIMIT)}…`
  }, indent) ?? String(value)
  const hidden: string[] = []
  const lines = newlines(text, LINE_LIMIT)
  if (lines.nth >= 0) {
    text = `${text.slice(0, lines.nth)}\n…`
    hidden.push(count(lines.total + 1 - LINE_LIMIT, 'more line'))
  }
  const limit = indent === undefined ? INLINE_CHARACTER_LIMIT : BLOCK_CHARACTER_LIMIT
  if (text.length > limit) {
    cutCharacters += text.length - limit
    text = `${text.slice(0, limit)}…`
  }
  if (cutCharacters) hidden.push(moreCharacters(cutCharacters)!)
  return { text, hidden: hidden.length ? hidden.join(' and ') : null }
}

/** The first `max` items, unless `all`. */
export function cutList<T>(items: readonly T[], all: boolean, max = LIST_LIMIT): { shown: readonly T[]; hidden: string | null } {
  if (all || items.length <= max) return { shown: items, hidden: null }
  return { shown: items.slice(0, max), hidden: `${(items.length - max).toLocaleString('en-US')} more` }
}
