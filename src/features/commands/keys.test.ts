import { describe, expect, it } from 'vitest'
import { formatChord, matchesChord, parseChord } from './keys.ts'

const press = (key: string, modifiers: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) =>
  ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...modifiers })

describe('key chords (outside Apple platforms)', () => {
  it('parse modifiers and the key, including a plus key', () => {
    expect(parseChord('Mod+Shift+Z')).toEqual({ mod: true, ctrl: false, alt: false, shift: true, key: 'Z' })
    expect(parseChord('Ctrl++').key).toBe('+')
  })

  it('match only the exact modifiers', () => {
    expect(matchesChord(press('Enter', { ctrlKey: true }), 'Mod+Enter')).toBe(true)
    expect(matchesChord(press('Enter', { ctrlKey: true, shiftKey: true }), 'Mod+Enter')).toBe(false)
    expect(matchesChord(press('z', { ctrlKey: true }), 'Mod+Z')).toBe(true)
    expect(matchesChord(press('Z', { ctrlKey: true, shiftKey: true }), 'Mod+Z')).toBe(false)
    expect(matchesChord(press('Z', { ctrlKey: true, shiftKey: true }), 'Mod+Shift+Z')).toBe(true)
    expect(matchesChord(press('ArrowUp', { altKey: true }), 'Alt+ArrowUp')).toBe(true)
    expect(matchesChord(press('Delete'), 'Delete')).toBe(true)
    expect(matchesChord(press('Delete', { ctrlKey: true }), 'Delete')).toBe(false)
  })

  it('match a shifted character whatever the layout needed to type it', () => {
    expect(matchesChord(press('?', { shiftKey: true }), '?')).toBe(true)
    expect(matchesChord(press('?'), '?')).toBe(true)
  })

  it('show the platform\'s names', () => {
    expect(formatChord('Mod+Shift+Z')).toBe('Ctrl+Shift+Z')
    expect(formatChord('Alt+ArrowDown')).toBe('Alt+↓')
    expect(formatChord('?')).toBe('?')
  })
})
