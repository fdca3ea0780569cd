/**
 * The flow's event: one-click presets, a form of the common fields, and the full JSON. The presets and
 * the form render at once; the JSON editor (Monaco) loads behind them.
 */
import { lazy, Suspense, useState } from 'react'
import { triggerOf } from '../../engine/triggers.ts'
import { useCurrentId, useEventError, useStore, useTriggerId } from '../../store/hooks.ts'
import { selectDoc, selectEventText } from '../../store/selectors.ts'
import { EventForm } from './EventForm.tsx'
import { EDITOR_SIZE_LIMIT, LargeEvent } from './LargeEvent.tsx'

const EventJsonEditor = lazy(() => import('./EventJsonEditor.tsx'))

function Presets() {
  const replaceEvent = useStore((state) => state.replaceEvent)
  const { event } = triggerOf(useTriggerId())
  return (
    <div role="group" aria-label="Event presets" className="flex flex-wrap gap-1.5">
      {event.presets.map((preset) => (
        <button
          key={preset.id}
          type="button"
          data-testid={`preset-${preset.id}`}
          title={preset.description}
          onClick={() => replaceEvent(preset.apply(event.create()))}
          className="rounded-full border border-slate-300 px-2.5 py-0.5 text-xs text-slate-700 hover:border-indigo-400 hover:bg-indigo-50 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-indigo-950"
        >
          {preset.label}
        </button>
      ))}
    </div>
  )
}

export default function EventPanel() {
  const eventError = useEventError()
  const large = useStore((state) => selectEventText(state).length > EDITOR_SIZE_LIMIT)
  // Once the editor shows a playground's event (it was small, or "open anyway"), it stays: text typed or pasted
  // past the limit does not take the editor away under the cursor.
  const currentId = useCurrentId()
  // The form's fields are the Login event's (user, client, request, …).
  const loginEvent = useStore((state) => selectDoc(state).trigger === 'post-login')
  const [editorIn, setEditorIn] = useState<string | null>(null)
  if (!large && editorIn !== currentId) setEditorIn(currentId)
  return (
    <div data-testid="event-panel" className="flex h-full min-h-[40rem] flex-col gap-3 p-3">
      <section aria-label="Presets" className="space-y-1">
        <h3 className="text-xs font-medium text-slate-600 dark:text-slate-400">Start from a situation (replaces the event)</h3>
        <Presets />
      </section>
      {loginEvent && <details open className="rounded-md border border-slate-200 p-2 dark:border-slate-700">
        <summary className="cursor-pointer text-xs font-medium text-slate-600 dark:text-slate-300">Common fields</summary>
        {eventError && <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">Fix the JSON below to use the form again.</p>}
        <div className="mt-2"><EventForm disabled={eventError !== null} /></div>
      </details>}
      <section aria-label="Event JSON" className="flex min-h-80 flex-1 flex-col gap-1">
        <h3 className="text-xs font-medium text-slate-600 dark:text-slate-400">Event JSON</h3>
        {eventError && (
          <p role="alert" data-testid="event-error" className="rounded border border-red-200 bg-red-50 px-2 py-1 text-xs text-red-700 dark:border-red-900 dark:bg-red-950 dark:text-red-300">
            {eventError}
          </p>
        )}
        <div className="min-h-0 flex-1 overflow-hidden rounded-md border border-slate-200 dark:border-slate-700">
          {large && editorIn !== currentId ? <LargeEvent onOpenAnyway={() => setEditorIn(currentId)} /> : (
            <Suspense fallback={<p className="p-3 text-xs text-slate-600 dark:text-slate-400">Loading the JSON editor…</p>}>
              <EventJsonEditor />
            </Suspense>
          )}
        </div>
      </section>
    </div>
  )
}
