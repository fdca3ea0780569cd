import { useState } from 'react'

/** An on/off preference of this browser, kept in localStorage (in memory only where storage is blocked). */
export function useStoredFlag(key: string, initial: boolean): [boolean, (value: boolean) => void] {
  const [value, setValue] = useState(() => {
    try {
      const stored = localStorage.getItem(key)
      return stored === null ? initial : stored === 'true'
    } catch {
      return initial
    }
  })
  const set = (next: boolean) => {
    setValue(next)
    try { localStorage.setItem(key, String(next)) } catch { /* storage blocked: remembered until the page closes */ }
  }
  return [value, set]
}
