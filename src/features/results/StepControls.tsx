import { useEffect, useRef } from 'react'

const button = 'rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-40 dark:border-slate-600 dark:hover:bg-slate-800'

interface StepControlsProps {
  stepping: boolean
  /** Where the current entry is among those shown: "3 of 12". */
  position: string
  canStart: boolean
  canBack: boolean
  canForward: boolean
  onStart(): void
  onBack(): void
  onForward(): void
  onExit(): void
}

/** Walking through the run one entry at a time, the editor following along. */
export function StepControls({ stepping, position, canStart, canBack, canForward, onStart, onBack, onForward, onExit }: StepControlsProps) {
  // The button that was pressed goes away (Start stepping ↔ Exit steps): its focus goes to the one that replaces it.
  const focusAfterSwitch = useRef(false)
  const start = useRef<HTMLButtonElement>(null)
  const forward = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (!focusAfterSwitch.current) return
    focusAfterSwitch.current = false
    ;(stepping ? forward : start).current?.focus()
  }, [stepping])
  const switching = (action: () => void) => () => { focusAfterSwitch.current = true; action() }
  if (!stepping) {
    return (
      <button ref={start} type="button" data-testid="step-start" disabled={!canStart} onClick={switching(onStart)} className={button} title="Walk through the entries one by one (← and → in the list)">
        Start stepping
      </button>
    )
  }
  return (
    <div className="flex items-center gap-1.5">
      <button type="button" data-testid="step-back" disabled={!canBack} onClick={onBack} className={button}>◀ Back</button>
      <button ref={forward} type="button" data-testid="step-forward" disabled={!canForward} onClick={onForward} className={`${button} border-sky-500 text-sky-700 dark:border-sky-400 dark:text-sky-300`}>Step ▶</button>
      <span className="text-xs whitespace-nowrap text-slate-500 tabular-nums dark:text-slate-400">{position}</span>
      <button type="button" data-testid="step-exit" onClick={switching(onExit)} className={button}>Exit steps</button>
    </div>
  )
}
