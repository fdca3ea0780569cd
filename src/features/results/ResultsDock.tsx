import { lazy, Suspense } from 'react'
import { HideButton } from '../layout/PanelToggles.tsx'
import { REGION } from '../commands/regions.ts'

// The results and what they need (jose, the continue request) load with the first run.
const ResultsPanel = lazy(() => import('./ResultsPanel.tsx'))

/** The results of the last run, in the panel below the designer that opens with the first run. */
export function ResultsDock({ onHide }: { onHide: () => void }) {
  return (
    <section {...REGION} aria-label="Run results" data-testid="results-dock" className="h-full">
      <Suspense fallback={<p className="p-3 text-sm text-slate-600 dark:text-slate-400">Loading the results…</p>}>
        <ResultsPanel tabBarEnd={<HideButton label="Hide the results" arrow="down" onClick={onHide} />} />
      </Suspense>
    </section>
  )
}
