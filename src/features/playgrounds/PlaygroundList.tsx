/** The playground switcher's items (see PlaygroundSwitcher.tsx): loaded after the page has painted, before the menu first opens. */
import { useCurrentId, useStoreApi } from '../../store/hooks.ts'
import { usePlaygroundList } from '../../store/playgroundList.ts'
import { CommandButton } from '../commands/CommandButton.tsx'

const item = 'block w-full rounded px-3 py-1.5 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800'

export function PlaygroundList({ close }: { close: () => void }) {
  const currentId = useCurrentId()
  const playgrounds = usePlaygroundList()
  const api = useStoreApi()
  const act = (action: () => void) => () => { close(); action() }
  const store = () => api.getState()
  return (
    <>
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
    </>
  )
}
