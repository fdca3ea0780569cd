/**
 * A modal dialog: takes focus when it opens, keeps Tab inside, closes on Escape, a click on the backdrop or
 * its Close button, and gives focus back to what had it before.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react'

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

export function Dialog({ title, onClose, children, className = 'max-w-md', testId }: {
  title: string
  onClose: () => void
  children: ReactNode
  className?: string
  testId?: string
}) {
  const panel = useRef<HTMLDivElement>(null)
  const titleId = useId()
  const close = useRef(onClose)
  close.current = onClose

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null
    // The element marked data-autofocus, wherever it is, else the first focusable one (the Close button).
    const first = panel.current!.querySelector<HTMLElement>('[data-autofocus]') ?? panel.current!.querySelector<HTMLElement>(FOCUSABLE)
    ;(first ?? panel.current!).focus()
    return () => before?.focus?.()
  }, [])

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') { event.stopPropagation(); close.current(); return }
    if (event.key !== 'Tab') return
    const items = [...panel.current!.querySelectorAll<HTMLElement>(FOCUSABLE)]
    if (!items.length) return
    const [first, last] = [items[0], items.at(-1)!]
    const onPanel = document.activeElement === panel.current
    if (event.shiftKey && (onPanel || document.activeElement === first)) { event.preventDefault(); last.focus() }
    else if (!event.shiftKey && document.activeElement === last) { event.preventDefault(); first.focus() }
  }

  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/50 p-6" onMouseDown={(event) => { if (event.target === event.currentTarget) onClose() }}>
      <div ref={panel} role="dialog" aria-modal="true" aria-labelledby={titleId} data-testid={testId} tabIndex={-1} onKeyDown={onKeyDown}
        className={`flex max-h-full w-full flex-col rounded-xl bg-white shadow-2xl outline-none dark:bg-slate-900 ${className}`}>
        <div className="flex items-center gap-4 border-b border-slate-200 px-5 py-3 dark:border-slate-800">
          <h2 id={titleId} className="flex-1 text-lg font-semibold">{title}</h2>
          <button type="button" onClick={onClose} aria-label="Close" className="rounded px-2 py-1 text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">✕</button>
        </div>
        <div className="min-h-0 overflow-y-auto">{children}</div>
      </div>
    </div>
  )
}
