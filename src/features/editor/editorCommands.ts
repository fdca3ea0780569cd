/**
 * The registry's commands that work inside an editor (Run with Ctrl/Cmd+Enter, F6 out of it, Ctrl+M for Tab)
 * become Monaco commands, which win over Monaco's own bindings of the same keys; and the editor follows
 * the "Tab moves focus" choice.
 */
import type { PlaygroundStore } from '../../store/index.ts'
import { COMMANDS, runCommand } from '../commands/commands.ts'
import { IS_APPLE, parseChord } from '../commands/keys.ts'
import { monaco } from './monacoSetup.ts'

function keybinding(chord: string): number | null {
  const { mod, ctrl, alt, shift, key } = parseChord(chord)
  const name = /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : key
  const code = monaco.KeyCode[name as keyof typeof monaco.KeyCode]
  if (code === undefined) return null
  return (mod ? monaco.KeyMod.CtrlCmd : 0) | (ctrl ? (IS_APPLE ? monaco.KeyMod.WinCtrl : monaco.KeyMod.CtrlCmd) : 0) |
    (alt ? monaco.KeyMod.Alt : 0) | (shift ? monaco.KeyMod.Shift : 0) | code
}

/** Binds the commands, run on `store`, to `editor`; returns what undoes it. */
export function bindEditorCommands(editor: monaco.editor.IStandaloneCodeEditor, store: PlaygroundStore): () => void {
  for (const command of COMMANDS) {
    if (!('inEditors' in command)) continue
    for (const chord of command.keys) {
      const binding = keybinding(chord)
      if (binding !== null) editor.addCommand(binding, () => runCommand(store, command.id))
    }
  }
  const apply = (on: boolean) => editor.updateOptions({ tabFocusMode: on })
  apply(store.getState().tabMovesFocus)
  return store.subscribe((state, previous) => { if (state.tabMovesFocus !== previous.tabMovesFocus) apply(state.tabMovesFocus) })
}
