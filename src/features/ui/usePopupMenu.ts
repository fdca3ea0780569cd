/**
 * A popup menu's keyboard: it takes the focus when it opens (its first item), the arrow keys, Home and End
 * move between its items, Tab stays inside it, and Escape or a click outside closes it with the focus back
 * on the button that opened it.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useDismiss } from './useDismiss.ts'

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])'

export function usePopupMenu() {
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  const menu = useRef<HTMLDivElement>(null)
  const trigger = useRef<HTMLButtonElement>(null)
  /** Closes the menu; the focus goes back to its button (and a dialog an item opened gives it back there). */
  const close = () => { trigger.current?.focus(); setOpen(false) }
  useDismiss(root, open, close)

  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLElement>('[role="menuitem"]:not([disabled])')?.focus()
  }, [open])

  const onKeyDown = (event: KeyboardEvent) => {
    const focusables = [...menu.current!.querySelectorAll<HTMLElement>(FOCUSABLE)]
    const items = focusables.filter((element) => element.getAttribute('role') === 'menuitem')
    const at = (list: HTMLElement[]) => list.indexOf(document.activeElement as HTMLElement)
    const move = (list: HTMLElement[], index: number) => { event.preventDefault(); list[(index + list.length) % list.length]?.focus() }
    const inField = event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement
    if (event.key === 'Tab') return move(focusables, at(focusables) + (event.shiftKey ? -1 : 1))
    if (inField) return
    if (event.key === 'ArrowDown') move(items, at(items) + 1)
    else if (event.key === 'ArrowUp') move(items, at(items) < 0 ? -1 : at(items) - 1)
    else if (event.key === 'Home') move(items, 0)
    else if (event.key === 'End') move(items, -1)
  }

  return { open, toggle: () => setOpen(!open), close, root, trigger, menuProps: { ref: menu, role: 'menu' as const, onKeyDown } }
}
