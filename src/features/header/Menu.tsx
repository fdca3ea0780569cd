import { usePopupMenu } from '../ui/usePopupMenu.ts'
import { lazyModule } from '../ui/lazyModule.ts'

// The items load after the page has painted; a click before they are here opens the menu when they arrive.
const menuItems = lazyModule(() => import('./MenuItems.tsx'))

/** The header's menu: commands from the registry, with the theme and the time limit between them. */
export function Menu() {
  const { open, toggle, close, root, trigger, menuProps } = usePopupMenu()
  const loaded = menuItems.use()
  const onClick = () => {
    if (loaded) toggle()
    else menuItems.load().then(toggle, () => { /* stays closed; the next click tries again */ })
  }
  return (
    <div ref={root} className="relative">
      <button ref={trigger} type="button" aria-label="Menu" aria-haspopup="menu" aria-expanded={open} onClick={onClick} className="rounded px-2 py-1 text-lg leading-none text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">⋯</button>
      {open && loaded && (
        <div {...menuProps} aria-label="Menu" className="absolute right-0 z-50 mt-1 w-80 rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900">
          <loaded.MenuItems close={close} />
        </div>
      )}
    </div>
  )
}
