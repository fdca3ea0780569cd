import { useCurrentId, usePlaygroundList, useStoreApi } from '../../store/hooks.ts'
import { CommandButton } from '../commands/CommandButton.tsx'
import { usePopupMenu } from '../ui/usePopupMenu.ts'

const item = 'block w-full rounded px-3 py-1.5 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800'

/** The user's playgrounds: switch, create, duplicate, delete (undoable), and the examples gallery. */
export function PlaygroundSwitcher() {
  const { open, toggle, close, root, trigger, menuProps } = usePopupMenu()
  const currentId = useCurrentId()
  const playgrounds = usePlaygroundList()
  const api = useStoreApi()
  const act = (action: () => void) => () => { close(); action() }
  const store = () => api.getState()
  return (
    <div ref={root} className="relative">
      <button ref={trigger} type="button" data-testid="playgrounds" aria-haspopup="menu" aria-expanded={open} onClick={toggle} className="rounded px-2 py-1 text-xs text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
        Playgrounds ({playgrounds.length}) ▾
      </button>
      {open && (
        <div {...menuProps} aria-label="Playgrounds" className="absolute left-0 z-50 mt-1 w-72 rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900">
          <ul data-testid="playground-list" className="max-h-72 overflow-y-auto">
            {playgrounds.map((saved) => {
              const { name } = saved
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
          <CommandButton id="newPlayground" role="menuitem" className={item} onDone={close} />
          <CommandButton id="examples" role="menuitem" className={item} onDone={close} />
        </div>
      )}
    </div>
  )
}
