import { useEffect, useState } from 'react'

type CopyState = 'idle' | 'copied' | 'failed'

const LABELS: Record<Exclude<CopyState, 'idle'>, string> = { copied: 'Copied', failed: 'Copy failed' }

/**
 * Copies `text` to the clipboard and says so for a moment. `text` may be a function, for text that is costly to
 * make (a whole run result): it is made on click. With `showLabel` the button reads its label instead of "Copy".
 */
export function CopyButton({ text, label, testId, showLabel }: { text: string | (() => string); label: string; testId?: string; showLabel?: boolean }) {
  const [state, setState] = useState<CopyState>('idle')
  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), 1500)
    return () => clearTimeout(timer)
  }, [state])
  const copy = () => {
    // The clipboard is missing on insecure origins, where it would throw before returning a promise.
    if (!navigator.clipboard) return setState('failed')
    navigator.clipboard.writeText(typeof text === 'function' ? text() : text).then(() => setState('copied'), () => setState('failed'))
  }
  return (
    <button
      type="button"
      aria-label={showLabel ? undefined : label}
      data-testid={testId}
      data-state={state}
      onClick={copy}
      className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
    >
      <span aria-live="polite">{state === 'idle' ? (showLabel ? label : 'Copy') : LABELS[state]}</span>
    </button>
  )
}
