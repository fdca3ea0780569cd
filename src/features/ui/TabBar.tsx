import type { ReactNode } from 'react'

/** A row of tabs; `testIdPrefix` names each tab's data-testid (`<prefix><id>`); `end` goes at the row's right end, outside the tab list. */
export function TabBar<T extends string>({ label, tabs, current, onSelect, testIdPrefix, badges = {}, end }: {
  label: string
  tabs: { id: T; label: string }[]
  current: T
  onSelect: (id: T) => void
  testIdPrefix: string
  badges?: Partial<Record<T, number>>
  end?: ReactNode
}) {
  return (
    <div className="flex items-center border-b border-slate-200 px-2 dark:border-slate-800">
      <div role="tablist" aria-label={label} className="flex min-w-0">
        {tabs.map((item) => (
          <button
            key={item.id}
            role="tab"
            type="button"
            aria-selected={current === item.id}
            data-testid={`${testIdPrefix}${item.id}`}
            onClick={() => onSelect(item.id)}
            className={`-mb-px whitespace-nowrap border-b-2 px-3 py-1.5 text-sm ${current === item.id ? 'border-indigo-600 font-medium text-indigo-700 dark:border-indigo-400 dark:text-indigo-300' : 'border-transparent text-slate-500 hover:text-slate-800 dark:text-slate-400 dark:hover:text-slate-200'}`}
          >
            {item.label}
            {badges[item.id] ? <span className="ml-1 text-xs text-slate-400">{badges[item.id]}</span> : null}
          </button>
        ))}
      </div>
      {end && <div className="ml-auto flex items-center gap-2 pl-2">{end}</div>}
    </div>
  )
}
