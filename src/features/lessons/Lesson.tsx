/**
 * An example's lesson above the designer, for a playground opened from the gallery (its entry keeps the example's
 * slug): what it teaches and the key steps to watch for, collapsible.
 */
import { useId } from 'react'
import { useCurrentId, useStore, useStoreApi } from '../../store/hooks.ts'
import { selectCurrent } from '../../store/selectors.ts'
import { exampleCatalog } from '../playgrounds/exampleCatalog.ts'

/** Text with `code` in backticks, as the lessons write it. */
function WithCode({ text }: { text: string }) {
  return text.split('`').map((part, index) => (index % 2 ? <code key={index} className="font-mono">{part}</code> : part))
}

export default function Lesson() {
  const id = useCurrentId()
  const slug = useStore((state) => selectCurrent(state).example)
  return slug ? <LessonCard key={id} playgroundId={id} slug={slug} /> : null
}

function LessonCard({ playgroundId, slug }: { playgroundId: string; slug: string }) {
  const store = useStoreApi()
  const example = exampleCatalog.use()?.EXAMPLES.find((candidate) => candidate.slug === slug)
  const collapsed = useStore((state) => state.collapsedLessons.includes(playgroundId))
  const id = useId()
  const stepsId = `${id}-steps`
  if (!example) return null
  return (
    <aside aria-label="Lesson" data-testid="lesson-card" className="flex max-h-[40%] shrink-0 flex-col border-b border-indigo-200 bg-indigo-50 text-sm dark:border-indigo-900 dark:bg-indigo-950/60">
      <div className="flex items-baseline gap-2 pr-3">
        <button
          type="button"
          aria-expanded={!collapsed}
          aria-controls={`${id}-teaches${example.watchFor ? ` ${stepsId}` : ''}`}
          onClick={() => store.getState().setLessonCollapsed(playgroundId, !collapsed)}
          className="flex shrink-0 items-center gap-2 rounded px-3 py-1.5 text-left font-semibold text-indigo-900 hover:bg-indigo-100 dark:text-indigo-100 dark:hover:bg-indigo-900/60"
        >
          <span aria-hidden className="w-3">{collapsed ? '▸' : '▾'}</span>
          Lesson: {example.title}
        </button>
        {!collapsed && <p id={`${id}-teaches`} className="min-w-0 py-1.5 text-slate-800 dark:text-slate-200"><WithCode text={example.teaches} /></p>}
      </div>
      {!collapsed && example.watchFor && (
        // Focusable: when the designer is short, the steps scroll, and the keyboard scrolls them too.
        <div id={stepsId} tabIndex={0} role="region" aria-labelledby={`${id}-heading`} className="min-h-0 overflow-y-auto px-3 pb-2 pl-8 text-slate-800 dark:text-slate-200">
          <h3 id={`${id}-heading`} className="text-xs font-semibold tracking-wide text-indigo-800 uppercase dark:text-indigo-300">Watch for</h3>
          <ol className="list-decimal gap-x-8 space-y-0.5 pl-5 text-xs xl:columns-2">
            {example.watchFor.map((step) => <li key={step}><WithCode text={step} /></li>)}
          </ol>
        </div>
      )}
    </aside>
  )
}
