import { Separator } from 'react-resizable-panels'

/** The bar between two panels: drag it, or focus it and use the arrow keys (Home, End; Enter collapses the panel before it). */
export function ResizeHandle({ label, direction }: { label: string; direction: 'columns' | 'rows' }) {
  return (
    <Separator
      aria-label={label}
      title={label}
      className={`${direction === 'columns' ? 'w-1' : 'h-1'} bg-slate-200 outline-none transition-colors hover:bg-indigo-300 focus-visible:bg-indigo-500 focus-visible:ring-2 focus-visible:ring-indigo-500 data-[separator=active]:bg-indigo-500 dark:bg-slate-800 dark:hover:bg-indigo-700`}
    />
  )
}
