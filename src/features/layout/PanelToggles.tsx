/** The buttons that hide a panel and, on its collapsed rail, show it again. */

const ARROWS = { left: '«', right: '»', down: '▾', up: '▴' }

export function HideButton({ label, arrow, onClick }: { label: string; arrow: keyof typeof ARROWS; onClick: () => void }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={onClick}
      className="rounded px-1.5 py-0.5 text-sm leading-none text-slate-600 dark:text-slate-400 hover:bg-slate-200 hover:text-slate-700 dark:hover:bg-slate-800 dark:hover:text-slate-200"
    >
      {ARROWS[arrow]}
    </button>
  )
}

/** What a collapsed panel shows: one button across its whole rail, with the panel's name. */
export function PanelRail({ name, arrow, onOpen }: { name: string; arrow: keyof typeof ARROWS; onOpen: () => void }) {
  const vertical = arrow === 'left' || arrow === 'right'
  return (
    <button
      type="button"
      aria-label={`Show the ${name}`}
      title={`Show the ${name}`}
      onClick={onOpen}
      className={`flex h-full w-full items-center gap-2 bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase hover:bg-indigo-50 hover:text-indigo-700 dark:bg-slate-900 dark:text-slate-400 dark:hover:bg-indigo-950 dark:hover:text-indigo-300 ${vertical ? 'flex-col py-2' : 'px-3'}`}
    >
      <span aria-hidden className="text-sm">{ARROWS[arrow]}</span>
      <span className={vertical ? '[writing-mode:vertical-rl]' : ''}>{name}</span>
    </button>
  )
}
