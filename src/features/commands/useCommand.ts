/** A command as a component shows it: its label and shortcut now, whether it is enabled, and a way to run it. */
import { useShallowStore, useStoreApi } from '../../store/hooks.ts'
import { getCommand, iconOf, isEnabled, labelOf, runCommand, type CommandContext, type CommandId } from './commands.ts'
import { formatChord } from './keys.ts'

export function useCommand(id: CommandId, context: CommandContext = {}) {
  const command = getCommand(id)
  const store = useStoreApi()
  const { label, icon, enabled } = useShallowStore((state) => ({ label: labelOf(command, state, context), icon: iconOf(command, state, context), enabled: isEnabled(command, state, context) }))
  const chord = command.keys?.[0]
  return {
    label,
    icon,
    enabled,
    shortcut: chord ? formatChord(chord) : null,
    /** For `aria-keyshortcuts`: every chord, in the attribute's own notation. */
    ariaKeys: command.keys?.map((key) => key.replace('Mod', 'Control')).join(' '),
    run: () => runCommand(store, id, context),
  }
}
