/**
 * The one live region for runs: it is always in the page (a region added with its text is often not
 * read), and says when a run starts and how it ended, for people who cannot see the banner change.
 */
import { useStore } from '../../store/hooks.ts'
import { currentRun, runsHere } from '../../store/runSelectors.ts'
import { cutString } from '../results/cut.ts'
import { runHeadline } from './runHeadline.ts'

export function RunAnnouncer() {
  const message = useStore((state) => {
    if (runsHere(state)) return 'Running…'
    const result = currentRun(state)?.result
    if (!result) return ''
    const error = result.error ? ` ${result.error.code}: ${cutString(result.error.description).text}` : ''
    return `${runHeadline(result)}${error}`
  })
  return <div role="status" aria-live="polite" data-testid="run-announcer" className="sr-only">{message}</div>
}
