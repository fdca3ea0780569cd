/** The header's presenter mode switch (the `presenter` command, also on its key). */
import { usePresenter } from '../../store/hooks.ts'
import { useCommand } from '../commands/useCommand.ts'

const button = 'rounded px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'

export default function PresenterToggle() {
  const presenter = usePresenter()
  const command = useCommand('presenter')
  return (
    <button
      type="button"
      aria-pressed={presenter}
      aria-keyshortcuts={command.ariaKeys}
      title={`${command.label} (${command.shortcut})`}
      onClick={command.run}
      className={`${button} ${presenter ? 'bg-indigo-100 text-indigo-900 dark:bg-indigo-900/60 dark:text-indigo-100' : ''}`}
    >
      Presenter
    </button>
  )
}
