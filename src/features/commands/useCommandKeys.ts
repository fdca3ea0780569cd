/**
 * The one keyboard handler of the page: a key that matches a command runs it. It listens in the capture
 * phase, so the registry's chords win over what a component does with them (React Flow would move a
 * focused node by a few pixels on Alt+↓). Inside an editor, the editor runs them (`bindEditorCommands`);
 * in a field or a dialog only the commands that work `inEditors` do.
 */
import { useEffect } from 'react'
import { useStoreApi } from '../../store/hooks.ts'
import { EDITOR_REGION_CLASS, isTypingTarget } from '../ui/typingTarget.ts'
import { COMMANDS, runCommand } from './commands.ts'
import { matchesChord } from './keys.ts'

export function useCommandKeys() {
  const store = useStoreApi()
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.isComposing || (event.target instanceof Element && event.target.closest(`.${EDITOR_REGION_CLASS}`))) return
      const busy = isTypingTarget(event.target) || (event.target instanceof Element && !!event.target.closest('[role="dialog"], [role="menu"]'))
      for (const command of COMMANDS) {
        if (!('keys' in command) || (busy && !('inEditors' in command))) continue
        if (!command.keys.some((chord) => matchesChord(event, chord))) continue
        if (runCommand(store, command.id)) { event.preventDefault(); event.stopPropagation() }
        return
      }
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [store])
}
