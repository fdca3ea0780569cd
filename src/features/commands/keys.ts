/**
 * Key chords as commands write them (`Mod+Enter`, `Alt+ArrowUp`, `Shift+?`): matching a keyboard event and
 * showing them the way the user's platform names them. `Mod` is Cmd on Apple platforms and Ctrl elsewhere.
 */
export const IS_APPLE = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

interface Chord { mod: boolean; ctrl: boolean; alt: boolean; shift: boolean; key: string }

export function parseChord(chord: string): Chord {
  const parts = chord.split('+')
  // `Shift++` would be a plus key: the last part is the key even when it is empty after the split.
  const key = parts.at(-1) || '+'
  const has = (name: string) => parts.slice(0, -1).includes(name)
  return { mod: has('Mod'), ctrl: has('Ctrl'), alt: has('Alt'), shift: has('Shift'), key }
}

export function matchesChord(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>, chord: string): boolean {
  const wanted = parseChord(chord)
  const ctrl = wanted.ctrl || (wanted.mod && !IS_APPLE)
  const meta = wanted.mod && IS_APPLE
  // A printable key with Shift (`?`) already names the shifted character.
  const shiftMatters = wanted.key.length > 1 || /[a-z]/i.test(wanted.key)
  return event.key.toLowerCase() === wanted.key.toLowerCase() && event.ctrlKey === ctrl && event.metaKey === meta &&
    event.altKey === wanted.alt && (!shiftMatters || event.shiftKey === wanted.shift)
}

const KEY_NAMES: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', Enter: 'Enter', Escape: 'Esc', Delete: 'Delete', Backspace: 'Backspace' }

/** `Mod+Shift+Z` as `Ctrl+Shift+Z` (or `⌘⇧Z` on a Mac). */
export function formatChord(chord: string): string {
  const { mod, ctrl, alt, shift, key } = parseChord(chord)
  const name = KEY_NAMES[key] ?? key.toUpperCase()
  if (IS_APPLE) return `${ctrl ? '⌃' : ''}${alt ? '⌥' : ''}${shift && key.length > 1 ? '⇧' : ''}${mod ? '⌘' : ''}${name}`
  return [...(mod || ctrl ? ['Ctrl'] : []), ...(alt ? ['Alt'] : []), ...(shift && (key.length > 1 || /[a-z]/i.test(key)) ? ['Shift'] : []), name].join('+')
}
