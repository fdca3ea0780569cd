/**
 * The coloured parts of JSON text, found in one pass from left to right: no regular expression, so no
 * backtracking and no recursion, whatever the length. Text cut in the middle of a string still scans.
 */
export type JsonTokenKind = 'key' | 'string' | 'number' | 'literal' | 'plain'

export interface JsonToken {
  kind: JsonTokenKind
  text: string
}

const QUOTE = 34
const BACKSLASH = 92
const LITERALS = ['true', 'false', 'null']

function isNumberChar(code: number): boolean {
  // Digits, and the sign, decimal point and exponent a JSON number may have.
  return (code >= 48 && code <= 57) || code === 45 || code === 43 || code === 46 || code === 101 || code === 69
}

/** The index just past the string that starts at `start` (its quote); the end of the text when it is not closed. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === BACKSLASH) i++
    else if (code === QUOTE) return i + 1
  }
  return text.length
}

function isKey(text: string, end: number): boolean {
  let i = end
  while (text[i] === ' ') i++
  return text[i] === ':'
}

export function jsonTokens(text: string): JsonToken[] {
  const tokens: JsonToken[] = []
  let plainFrom = 0
  let i = 0
  while (i < text.length) {
    const code = text.charCodeAt(i)
    let end = i
    let kind: JsonTokenKind = 'plain'
    if (code === QUOTE) {
      end = stringEnd(text, i)
      kind = isKey(text, end) ? 'key' : 'string'
    } else if (code === 45 || (code >= 48 && code <= 57)) {
      end = i + 1
      while (end < text.length && isNumberChar(text.charCodeAt(end))) end++
      kind = 'number'
    } else if (code === 116 || code === 102 || code === 110) {
      const literal = LITERALS.find((word) => text.startsWith(word, i))
      if (literal) {
        end = i + literal.length
        kind = 'literal'
      }
    }
    if (kind === 'plain') {
      i++
      continue
    }
    if (i > plainFrom) tokens.push({ kind: 'plain', text: text.slice(plainFrom, i) })
    tokens.push({ kind, text: text.slice(i, end) })
    i = plainFrom = end
  }
  if (plainFrom < text.length) tokens.push({ kind: 'plain', text: text.slice(plainFrom) })
  return tokens
}
