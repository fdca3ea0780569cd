/**
 * An event too big for the JSON editor: Monaco would take seconds to open it and slow every keystroke. Its
 * beginning is shown read-only, with a way to download it or open it in the editor anyway. The text itself
 * stays in the store, as typed, whatever is shown.
 */
import { megabytes } from '../../engine/serialize.ts'
import { useEventText, useFlowName } from '../../store/hooks.ts'
import { cutString } from '../results/cut.ts'
import { download, fileSlug } from '../share/download.ts'

/** Past this many characters, the event's JSON is not put in the editor unless asked. */
export const EDITOR_SIZE_LIMIT = 1_000_000
const PREVIEW_LIMIT = 5_000

const button = 'rounded-md border border-slate-300 px-2.5 py-1 text-xs hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800'

export function LargeEvent({ onOpenAnyway }: { onOpenAnyway(): void }) {
  const text = useEventText()
  const name = useFlowName()
  return (
    <div data-testid="large-event" className="flex h-full flex-col gap-2 p-2">
      <p className="text-xs text-slate-700 dark:text-slate-300">
        This event is {megabytes(text.length)} of JSON, too big to edit here without slowing the page down. The form above still works, and
        runs use the whole event. Its beginning:
      </p>
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={onOpenAnyway} className={button}>Open it in the editor anyway</button>
        <button type="button" onClick={() => download(`${fileSlug(name)}.event.json`, text, 'application/json')} className={button}>Download the event</button>
      </div>
      <pre aria-label="The beginning of the event" className="min-h-0 flex-1 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs whitespace-pre-wrap break-all dark:bg-slate-900">
        {cutString(text, PREVIEW_LIMIT).text}
      </pre>
    </div>
  )
}
