/** JSON as the result views show it: pretty and coloured in a block, or compact on one line. */
import type { ReactNode } from 'react'

/** How one top-level key of an object is marked: a highlight, an explanation on hover, a note after the value. */
export interface KeyNote {
  className?: string
  title?: string
  note?: string
}

const TOKEN = /("(?:\\.|[^"\\])*")(\s*:)?|\b(?:true|false|null)\b|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g

const COLORS = {
  key: 'text-sky-800 dark:text-sky-300',
  string: 'text-emerald-800 dark:text-emerald-300',
  number: 'text-amber-800 dark:text-amber-300',
  literal: 'text-fuchsia-800 dark:text-fuchsia-300',
}

function jsonText(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent) ?? String(value)
}

function colored(text: string): ReactNode[] {
  const parts: ReactNode[] = []
  let last = 0
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index
    if (start > last) parts.push(text.slice(last, start))
    const [token, string, colon] = match
    const color = string ? (colon ? COLORS.key : COLORS.string) : /^[tfn]/.test(token) ? COLORS.literal : COLORS.number
    parts.push(<span key={start} className={color}>{string ?? token}</span>)
    if (colon) parts.push(colon)
    last = start + token.length
  }
  if (last < text.length) parts.push(text.slice(last))
  return parts
}

const block = 'overflow-x-auto whitespace-pre-wrap break-all rounded-md bg-slate-50 p-2 font-mono text-xs leading-5 text-slate-800 dark:bg-slate-900 dark:text-slate-200'

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Pretty JSON; with `notes`, each top-level key of an object can be highlighted and explained. */
export function JsonBlock({ value, notes, testId }: { value: unknown; notes?: (key: string, value: unknown) => KeyNote | undefined; testId?: string }) {
  if (!notes || !isPlainObject(value) || Object.keys(value).length === 0) {
    return <pre data-testid={testId} className={block}>{colored(jsonText(value, 2))}</pre>
  }
  const entries = Object.entries(value)
  return (
    <pre data-testid={testId} className={block}>
      {'{\n'}
      {entries.map(([key, item], index) => {
        const note = notes(key, item)
        const text = `  ${JSON.stringify(key)}: ${jsonText(item, 2).replace(/\n/g, '\n  ')}${index < entries.length - 1 ? ',' : ''}`
        return (
          <span key={key} data-claim={key} title={note?.title} className={`block rounded-sm ${note?.className ?? ''} ${note?.title ? 'cursor-help' : ''}`}>
            {colored(text)}
            {note?.note && <span className="ml-2 font-sans text-[11px] text-slate-600 italic dark:text-slate-400">{note.note}</span>}
          </span>
        )
      })}
      {'}'}
    </pre>
  )
}

/** Compact one-line JSON, e.g. a metadata value. */
export function JsonInline({ value }: { value: unknown }) {
  return <code className="font-mono text-xs break-all">{colored(jsonText(value))}</code>
}
