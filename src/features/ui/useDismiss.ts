/** Closes a popover on Escape or a click outside it. */
import { useEffect, type RefObject } from 'react'

export function useDismiss(root: RefObject<HTMLElement | null>, open: boolean, close: () => void) {
  useEffect(() => {
    if (!open) return
    const onEvent = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !root.current?.contains(event.target as Node)) close()
    }
    window.addEventListener('mousedown', onEvent)
    window.addEventListener('keydown', onEvent)
    return () => { window.removeEventListener('mousedown', onEvent); window.removeEventListener('keydown', onEvent) }
  }, [root, open, close])
}
