/** Short one-line JSON for people to read: a timeline row, a step's detail, the CLI's walk. */
import type { JsonValue } from './types.ts'

/** The arguments on one line, as they would be written in the call, cut at `max` characters. */
export function compactArgs(args: JsonValue[], max = 240): string {
  let text = ''
  for (const arg of args) {
    text += (text ? ', ' : '') + JSON.stringify(arg)
    if (text.length > max) break
  }
  return compactText(text, max)
}

export function compactJson(value: JsonValue, max = 120): string {
  return compactText(JSON.stringify(value), max)
}

export function compactText(text: string, max = 240): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}
