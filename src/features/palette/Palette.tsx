import { useMemo, useState, type DragEvent } from 'react'
import { addPaletteItem } from '../commands/flowCommands.ts'
import { useActions, useStoreApi, useTriggerId } from '../../store/hooks.ts'
import { selectActions } from '../../store/selectors.ts'
import { HideButton } from '../layout/PanelToggles.tsx'
import { cutList } from '../results/cut.ts'
import { ShowAllButton, useShowAll } from '../results/ShowAll.tsx'
import { PALETTE_MIME, type PaletteItem } from './paletteItems.ts'
import { templateCatalog } from './templateCatalog.ts'
import { REGION } from '../commands/regions.ts'

interface Entry {
  key: string
  title: string
  detail: string
  item: PaletteItem
}

function matches(entry: Entry, query: string): boolean {
  const text = `${entry.title} ${entry.detail}`.toLowerCase()
  return query.toLowerCase().split(/\s+/).filter(Boolean).every((word) => text.includes(word))
}

function PaletteEntry({ entry }: { entry: Entry }) {
  const store = useStoreApi()
  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData(PALETTE_MIME, JSON.stringify(entry.item))
    event.dataTransfer.effectAllowed = 'copy'
  }
  const add = () => {
    const state = store.getState()
    const after = selectActions(state).findIndex((action) => action.id === state.selectedId)
    void addPaletteItem(store, entry.item, after >= 0 ? after + 1 : undefined)
  }
  return (
    <li
      draggable
      onDragStart={onDragStart}
      data-testid={`palette-${entry.key}`}
      className="group cursor-grab rounded-md border border-slate-200 bg-white px-2.5 py-2 hover:border-indigo-400 active:cursor-grabbing dark:border-slate-700 dark:bg-slate-800 dark:hover:border-indigo-500"
    >
      <div className="flex items-start gap-2">
        <div className="min-w-0 flex-1">
          <div className="line-clamp-2 text-sm font-medium break-words" title={entry.title}>{entry.title}</div>
          <div className="text-xs leading-snug [overflow-wrap:anywhere] text-slate-600 dark:text-slate-400">{entry.detail}</div>
        </div>
        <button
          type="button"
          onClick={add}
          aria-label={`Add ${entry.title}`}
          title="Add after the selected action (or at the end)"
          className="rounded px-1.5 text-slate-600 dark:text-slate-400 opacity-0 group-hover:opacity-100 hover:bg-indigo-50 hover:text-indigo-700 focus:opacity-100 dark:hover:bg-indigo-950 dark:hover:text-indigo-300"
        >
          +
        </button>
      </div>
    </li>
  )
}

/**
 * A flow of 1,000 actions would list 1,000 entries here, and every change of the page (each action a run reports)
 * would pay for their layout: a section shows its first entries, and the rest on demand or through the search.
 */
const SECTION_LIMIT = 50

function Section({ title, entries }: { title: string; entries: Entry[] }) {
  const { all, toggle } = useShowAll()
  if (!entries.length) return null
  const { shown, hidden } = cutList(entries, all, SECTION_LIMIT)
  return (
    <section aria-label={title} className="mb-4">
      <h3 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{title}</h3>
      <ul className="space-y-1.5">{shown.map((entry) => <PaletteEntry key={entry.key} entry={entry} />)}</ul>
      <ShowAllButton all={all} hidden={hidden} onToggle={toggle} />
    </section>
  )
}

/** Templates, a blank action and the flow's own actions, to drag into the flow or add with +. */
export function Palette({ onHide }: { onHide: () => void }) {
  const [query, setQuery] = useState('')
  const actions = useActions()
  // The templates arrive after the first paint; until then their section says so.
  const trigger = useTriggerId()
  const loaded = templateCatalog(trigger).use()
  const templates = useMemo(() => (loaded?.TEMPLATES ?? []).map((template): Entry => ({ key: `template-${template.slug}`, title: template.name, detail: template.teaches, item: { kind: 'template', slug: template.slug } })), [loaded])
  const blank: Entry = { key: 'blank', title: 'Blank action', detail: `The ${loaded?.BLANK_ACTION.code.match(/exports\.(\w+)/)?.[1] ?? 'handler'} skeleton, to write your own.`, item: { kind: 'blank' } }
  const own = actions.map((action): Entry => ({ key: `copy-${action.id}`, title: action.name, detail: 'In this flow: drag to add a copy.', item: { kind: 'copy', id: action.id } }))
  const filter = (entries: Entry[]) => entries.filter((entry) => matches(entry, query))
  const shown = [filter([blank]), filter(own), filter(templates)]
  return (
    <section {...REGION} data-testid="palette" aria-label="Action palette" className="flex h-full flex-col bg-slate-50 dark:bg-slate-900">
      <div className="flex items-center gap-1 p-3 pb-2">
        <input
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder="Search actions…"
          aria-label="Search the palette"
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm outline-none focus:border-indigo-500 dark:border-slate-700 dark:bg-slate-800"
        />
        <HideButton label="Hide the palette" arrow="left" onClick={onHide} />
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-3 pb-3">
        <Section title="Start from scratch" entries={shown[0]} />
        <Section title="In this flow" entries={shown[1]} />
        <Section title="Templates" entries={shown[2]} />
        {!loaded && <p className="text-sm text-slate-600 dark:text-slate-400">Loading the templates…</p>}
        {loaded && shown.every((entries) => !entries.length) && <p className="text-sm text-slate-600 dark:text-slate-400">Nothing matches “{query}”.</p>}
      </div>
    </section>
  )
}
