/**
 * The keyboard side of a modal dialog: focus moves into it when it opens, Tab and Shift+Tab stay inside
 * it, Escape closes it, and focus goes back to what had it before when it closes (unmounts).
 */
import { useEffect, type RefObject } from 'react'

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/** `dialog` should have tabIndex={-1}: it takes the focus first. `close` must be stable. */
export function useModal(dialog: RefObject<HTMLElement | null>, close: () => void) {
  useEffect(() => {
    const root = dialog.current!
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null
    root.focus()
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault()
        close()
      }
      if (event.key !== 'Tab') return
      const items = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)]
      const active = document.activeElement as HTMLElement | null
      const index = active ? items.indexOf(active) : -1
      // Past either end, or from outside the dialog, wrap round to the other end.
      const wrapTo = event.shiftKey ? (index <= 0 ? items.at(-1) : undefined) : (index === items.length - 1 || !root.contains(active) ? items[0] : undefined)
      if (wrapTo) {
        event.preventDefault()
        wrapTo.focus()
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => {
      window.removeEventListener('keydown', onKeyDown)
      before?.focus()
    }
  }, [dialog, close])
}
