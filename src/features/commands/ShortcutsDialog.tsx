/** The keyboard shortcuts, generated from the command registry. */
import { useShallowStore, useShortcutsOpen, useStoreApi } from '../../store/hooks.ts'
import { Dialog } from '../ui/Dialog.tsx'
import { COMMANDS, labelOf, type Command } from './commands.ts'
import { formatChord } from './keys.ts'

const withKeys = COMMANDS.filter((command): command is Extract<(typeof COMMANDS)[number], { keys: readonly string[] }> => 'keys' in command)
const groups = [...new Set(withKeys.map((command) => command.group))]

export function ShortcutsDialog() {
  const open = useShortcutsOpen()
  return open ? <Shortcuts /> : null
}

function Shortcuts() {
  const store = useStoreApi()
  // A label can say what the command does now (Ctrl+M's): the labels follow the state.
  const labels = useShallowStore((state) => withKeys.map((command) => labelOf(command as Command, state)))
  return (
    <Dialog title="Keyboard shortcuts" onClose={() => store.getState().setShortcutsOpen(false)}>
      <div className="space-y-4 p-5 text-sm">
        {groups.map((group) => (
          <section key={group}>
            <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{group}</h3>
            <dl className="space-y-1">
              {withKeys.filter((command) => command.group === group).map((command) => (
                <div key={command.id} className="flex justify-between gap-3">
                  <dt>{labels[withKeys.indexOf(command)]}</dt>
                  <dd className="text-right font-mono text-xs">{command.keys.map(formatChord).join(' or ')}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <p className="text-xs text-slate-600 dark:text-slate-400">Keys marked for the flow work when the focus is not in a field or an editor. In an editor, Tab indents until Ctrl+M switches it to moving the focus.</p>
      </div>
    </Dialog>
  )
}
