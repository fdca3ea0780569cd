/** JSON as the result views show it: pretty and coloured in a block, or compact on one line; long values cut, with "Show all". */
import { useMemo, type ReactNode } from 'react'
import { cutJson } from './cut.ts'
import { jsonTokens, type JsonTokenKind } from './jsonTokens.ts'
import { ShowAllButton, useShowAll } from './ShowAll.tsx'

/** How one top-level key of an object is marked: a highlight, an explanation on hover, a note after the value. */
export interface KeyNote {
  className?: string
  title?: string
  note?: string
}

const COLORS: Record<Exclude<JsonTokenKind, 'plain'>, string> = {
  key: 'text-sky-800 dark:text-sky-300',
  string: 'text-emerald-800 dark:text-emerald-300',
  number: 'text-amber-800 dark:text-amber-300',
  literal: 'text-fuchsia-800 dark:text-fuchsia-300',
}

/** Past this, text shown whole ("Show all") stays plain: a span per token would be too many. */
const COLOR_LIMIT = 100_000

function colored(text: string): ReactNode {
  if (text.length > COLOR_LIMIT) return text
  return jsonTokens(text).map((token, index) => (token.kind === 'plain' ? token.text : <span key={index} className={COLORS[token.kind]}>{token.text}</span>))
}

const block = 'overflow-x-auto whitespace-pre-wrap break-all rounded-md bg-slate-50 p-2 font-mono text-xs leading-5 text-slate-800 dark:bg-slate-900 dark:text-slate-200'

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

type Notes = (key: string, value: unknown) => KeyNote | undefined

/** Each top-level key on its own, so that it can be marked; each value cut on its own. */
function NotedEntries({ value, notes, all }: { value: Record<string, unknown>; notes: Notes; all: boolean }) {
  const entries = Object.entries(value)
  return entries.map(([key, item], index) => {
    const note = notes(key, item)
    const text = `  ${JSON.stringify(key)}: ${cutJson(item, 2, all).text.replace(/\n/g, '\n  ')}${index < entries.length - 1 ? ',' : ''}`
    return (
      <span key={key} data-claim={key} title={note?.title} className={`block rounded-sm ${note?.className ?? ''} ${note?.title ? 'cursor-help' : ''}`}>
        {colored(text)}
        {note?.note && <span className="ml-2 font-sans text-[11px] text-slate-600 italic dark:text-slate-400">{note.note}</span>}
      </span>
    )
  })
}

/** Pretty JSON; with `notes`, each top-level key of an object can be highlighted and explained. */
export function JsonBlock({ value, notes, testId }: { value: unknown; notes?: Notes; testId?: string }) {
  const { all, toggle } = useShowAll()
  const cut = useMemo(() => cutJson(value, 2, all), [value, all])
  const noted = notes && isPlainObject(value) && Object.keys(value).length > 0
  return (
    <div>
      <pre data-testid={testId} className={block}>
        {noted ? <>{'{\n'}<NotedEntries value={value} notes={notes} all={all} />{'}'}</> : colored(cut.text)}
      </pre>
      <ShowAllButton all={all} hidden={cut.hidden} onToggle={toggle} />
    </div>
  )
}

/** Compact one-line JSON, e.g. a metadata value. */
export function JsonInline({ value }: { value: unknown }) {
  const { all, toggle } = useShowAll()
  const cut = useMemo(() => cutJson(value, undefined, all), [value, all])
  return (
    <>
      <code className="font-mono text-xs break-all">{colored(cut.text)}</code>
      <ShowAllButton all={all} hidden={cut.hidden} onToggle={toggle} />
    </>
  )
}
