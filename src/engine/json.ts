/** JSON text in, a value or a message with the line and column out. Kept apart from the schema so the page can use it without zod. */

/** A value that passed, possibly with warnings; or the errors that refused it. */
export type Parsed<T> = { ok: true; value: T; warnings?: string[] } | { ok: false; errors: string[] }

/** Parses JSON text, reporting a syntax error with its line and column. */
export function parseJson(text: string): Parsed<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const position = /position (\d+)/.exec(message)
    // An unfinished document ends "at" its last character.
    const offset = position ? Number(position[1]) : /end of JSON/i.test(message) ? text.length : -1
    if (offset < 0) return { ok: false, errors: [`Invalid JSON: ${message}`] }
    const before = text.slice(0, offset).split('\n')
    const line = before.length
    const column = before[before.length - 1].length + 1
    const reason = message.replace(/^Unexpected end of JSON input$/, 'the document ends too early').replace(/\s*in JSON at position \d+.*$/, '').replace(/ \(line \d+ column \d+\)$/, '')
    return { ok: false, errors: [`Invalid JSON at line ${line}, column ${column}: ${reason}`] }
  }
}

