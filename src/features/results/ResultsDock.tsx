import { lazy, Suspense, useRef, useState, type PointerEvent } from 'react'
import { usePlayground } from '../../store/index.ts'
import { currentRun, runsHere } from '../../store/runSelectors.ts'

// The results and what they need (jose, the continue request) load with the first run.
const ResultsPanel = lazy(() => import('./ResultsPanel.tsx'))

const MIN_HEIGHT = 120

/** The bottom dock for results: opens with the first run, resizable by its top edge, can be hidden. */
export function ResultsDock() {
  const started = usePlayground((state) => runsHere(state) || currentRun(state) !== null)
  const [height, setHeight] = useState(300)
  const [hidden, setHidden] = useState(false)
  const drag = useRef<{ y: number; height: number } | null>(null)
  if (!started) return null
  const onPointerMove = (event: PointerEvent) => {
    if (!drag.current) return
    const max = window.innerHeight - 200
    setHeight(Math.max(MIN_HEIGHT, Math.min(max, drag.current.height + drag.current.y - event.clientY)))
  }
  return (
    <section aria-label="Run results" data-testid="results-dock" className="flex shrink-0 flex-col border-t border-slate-200 dark:border-slate-800" style={{ height: hidden ? 'auto' : height }}>
      <div
        role="separator"
        aria-orientation="horizontal"
        aria-label="Resize the results"
        onPointerDown={(event) => { drag.current = { y: event.clientY, height }; event.currentTarget.setPointerCapture(event.pointerId) }}
        onPointerMove={onPointerMove}
        onPointerUp={() => { drag.current = null }}
        className="flex h-3 shrink-0 cursor-row-resize items-center justify-between bg-slate-100 px-2 text-[10px] text-slate-400 dark:bg-slate-900"
      >
        <span className="mx-auto h-1 w-10 rounded bg-slate-300 dark:bg-slate-700" />
        <button type="button" onPointerDown={(event) => event.stopPropagation()} onClick={() => setHidden(!hidden)} className="hover:text-slate-700 dark:hover:text-slate-200">
          {hidden ? 'Show results' : 'Hide results'}
        </button>
      </div>
      {!hidden && (
        <div className="min-h-0 flex-1">
          <Suspense fallback={<p className="p-3 text-sm text-slate-500">Loading the results…</p>}>
            <ResultsPanel />
          </Suspense>
        </div>
      )}
    </section>
  )
}
