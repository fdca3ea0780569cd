import { usePlaygroundCount } from '../../store/hooks.ts'
import { lazyModule } from '../ui/lazyModule.ts'
import { usePopupMenu } from '../ui/usePopupMenu.ts'

// The list loads after the page has painted; a click before it is here opens the menu when it arrives.
const playgroundList = lazyModule(() => import('./PlaygroundList.tsx'))

/** The user's playgrounds: switch, create, duplicate, delete (undoable), and the examples gallery. */
export function PlaygroundSwitcher() {
  const { open, toggle, close, root, trigger, menuProps } = usePopupMenu()
  const count = usePlaygroundCount()
  const loaded = playgroundList.use()
  const onClick = () => {
    if (loaded) toggle()
    else playgroundList.load().then(toggle, () => { /* stays closed; the next click tries again */ })
  }
  return (
    <div ref={root} className="relative">
      <button ref={trigger} type="button" data-testid="playgrounds" aria-haspopup="menu" aria-expanded={open} onClick={onClick} className="whitespace-nowrap rounded px-2 py-1 text-xs text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
        Playgrounds ({count}) ▾
      </button>
      {open && loaded && (
        <div {...menuProps} aria-label="Playgrounds" className="absolute left-0 z-50 mt-1 w-72 rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900">
          <loaded.PlaygroundList close={close} />
        </div>
      )}
    </div>
  )
}
