/**
 * Tabs as the ARIA tabs pattern has them: one tab in the Tab order, arrow keys (and Home/End) move to and
 * show the next tab, each tab names its panel (`aria-controls`) and the panel its tab. `idPrefix` makes the
 * ids; `testIdPrefix` names each tab's data-testid (`<prefix><id>`).
 */
import { useRef, type KeyboardEvent, type ReactNode } from 'react'

const tabId = (idPrefix: string, id: string) => `${idPrefix}-tab-${id}`
const panelId = (idPrefix: string) => `${idPrefix}-panel`

export function TabBar<T extends string>({ label, tabs, current, onSelect, idPrefix, testIdPrefix, badges = {} }: {
  label: string
  tabs: { id: T; label: string }[]
  current: T
  onSelect: (id: T) => void
  idPrefix: string
  testIdPrefix: string
  badges?: Partial<Record<T, number>>
}) {
  const list = useRef<HTMLDivElement>(null)
  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabs.findIndex((item) => item.id === current)
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key]
    if (next === undefined) return
    event.preventDefault()
    const target = tabs[(next + tabs.length) % tabs.length]
    onSelect(target.id)
    list.current?.querySelector<HTMLElement>(`#${CSS.escape(tabId(idPrefix, target.id))}`)?.focus()
  }
  return (
    <div ref={list} role="tablist" aria-label={label} onKeyDown={onKeyDown} className="flex border-b border-slate-200 px-2 dark:border-slate-800">
      {tabs.map((item) => (
        <button
          key={item.id}
          id={tabId(idPrefix, item.id)}
          role="tab"
          type="button"
          aria-selected={current === item.id}
          aria-controls={panelId(idPrefix)}
          tabIndex={current === item.id ? 0 : -1}
          data-testid={`${testIdPrefix}${item.id}`}
          onClick={() => onSelect(item.id)}
          className={`-mb-px border-b-2 px-3 py-1.5 text-sm ${current === item.id ? 'border-indigo-600 font-medium text-indigo-700 dark:border-indigo-400 dark:text-indigo-300' : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-200'}`}
        >
          {item.label}
          {badges[item.id] ? <span className="ml-1 text-xs text-slate-500 dark:text-slate-400">{badges[item.id]}</span> : null}
        </button>
      ))}
    </div>
  )
}

/** The panel of a TabBar with the same `idPrefix`, labelled by the tab it shows. */
export function TabPanel({ idPrefix, current, className, children }: { idPrefix: string; current: string; className?: string; children: ReactNode }) {
  return <div role="tabpanel" id={panelId(idPrefix)} aria-labelledby={tabId(idPrefix, current)} className={className}>{children}</div>
}
