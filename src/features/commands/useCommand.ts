/** A command as a component shows it: its label and shortcut now, whether it is enabled, and a way to run it. */
import { useShallow } from 'zustand/react/shallow'
import { usePlayground } from '../../store/index.ts'
import { getCommand, isEnabled, labelOf, runCommand, type CommandContext, type CommandId } from './commands.ts'
import { formatChord } from './keys.ts'

export function useCommand(id: CommandId, context: CommandContext = {}) {
  const command = getCommand(id)
  const { label, enabled } = usePlayground(useShallow((state) => ({ label: labelOf(command, state, context), enabled: isEnabled(command, state, context) })))
  const chord = command.keys?.[0]
  return {
    label,
    enabled,
    shortcut: chord ? formatChord(chord) : null,
    /** For `aria-keyshortcuts`: every chord, in the attribute's own notation. */
    ariaKeys: command.keys?.map((key) => key.replace('Mod', 'Control')).join(' '),
    run: () => runCommand(id, context),
  }
}
