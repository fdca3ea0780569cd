import { useRef, useState } from 'react'
import { useDismiss } from '../ui/useDismiss.ts'
import { usePlayground } from '../../store/index.ts'

const item = 'block w-full rounded px-3 py-1.5 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800'

/** The user's playgrounds: switch, create, duplicate, delete (undoable), and the examples gallery. */
export function PlaygroundSwitcher() {
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  const trigger = useRef<HTMLButtonElement>(null)
  const currentId = usePlayground((state) => state.currentId)
  const playgrounds = usePlayground((state) => state.playgrounds)
  const currentName = usePlayground((state) => state.doc.name)
  useDismiss(root, open, () => setOpen(false))
  // The chosen item goes away with the menu, so the menu's button takes the focus (a dialog the item opens gives it back there).
  const act = (action: () => void) => () => { trigger.current?.focus(); action(); setOpen(false) }
  const store = () => usePlayground.getState()
  return (
    <div ref={root} className="relative">
      <button ref={trigger} type="button" data-testid="playgrounds" aria-expanded={open} onClick={() => setOpen(!open)} className="rounded px-2 py-1 text-xs text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
        Playgrounds ({playgrounds.length}) ▾
      </button>
      {open && (
        <div role="menu" className="absolute left-0 z-50 mt-1 w-72 rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900">
          <ul data-testid="playground-list" className="max-h-72 overflow-y-auto">
            {playgrounds.map((saved) => {
              const name = saved.id === currentId ? currentName : saved.name
              return (
                <li key={saved.id} className="group flex items-center gap-1">
                  <button role="menuitem" type="button" className={`${item} flex-1 truncate ${saved.id === currentId ? 'font-semibold text-indigo-700 dark:text-indigo-300' : ''}`} onClick={act(() => store().switchPlayground(saved.id))}>
                    {saved.id === currentId ? '● ' : ''}{name}
                  </button>
                  <button type="button" aria-label={`Duplicate ${name}`} title="Duplicate" onClick={act(() => store().duplicatePlayground(saved.id))} className="px-1 text-xs text-slate-600 dark:text-slate-400 opacity-0 group-hover:opacity-100 hover:text-slate-700 focus:opacity-100">⧉</button>
                  <button type="button" aria-label={`Delete ${name}`} title="Delete" onClick={act(() => store().deletePlayground(saved.id))} className="px-1 text-xs text-slate-600 dark:text-slate-400 opacity-0 group-hover:opacity-100 hover:text-red-600 focus:opacity-100">✕</button>
                </li>
              )
            })}
          </ul>
          <div className="my-1 border-t border-slate-200 dark:border-slate-700" />
          <button role="menuitem" type="button" className={item} onClick={act(() => store().newPlayground())}>New playground</button>
          <button role="menuitem" type="button" className={item} onClick={act(() => store().setGalleryOpen(true))}>Examples…</button>
        </div>
      )}
    </div>
  )
}
