/**
 * The one live region for runs: it is always in the page (a region added with its text is often not
 * read), and says when a run starts and how it ended, for people who cannot see the banner change.
 */
import { useRunTriggerId, useStore } from '../../store/hooks.ts'
import { currentRun, runsHere } from '../../store/runSelectors.ts'
import { runHeadline } from './runHeadline.ts'
import { useTrigger } from '../triggers/triggerCatalog.ts'

const ANNOUNCED = 200

export function RunAnnouncer() {
  const words = useTrigger(useRunTriggerId() ?? 'post-login')?.words
  const message = useStore((state) => {
    if (runsHere(state)) return 'Running…'
    const result = currentRun(state)?.result
    if (!result) return ''
    // A screen reader reads an announcement whole: its first sentence or so is enough, the banner has the rest.
    const description = result.error?.description ?? ''
    const error = result.error ? ` ${result.error.code}: ${description.length > ANNOUNCED ? `${description.slice(0, ANNOUNCED)}…` : description}` : ''
    return `${runHeadline(result, words)}${error}`
  })
  return <div role="status" aria-live="polite" data-testid="run-announcer" className="sr-only">{message}</div>
}
