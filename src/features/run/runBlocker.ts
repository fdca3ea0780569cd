import type { PlaygroundState } from '../../store/index.ts'
import { runsHere } from '../../store/runSelectors.ts'
import { selectEventError } from '../../store/selectors.ts'

/** Why the flow cannot run now, or null when it can. */
export function runBlocker(state: PlaygroundState): string | null {
  if (state.activeRun) {
    return runsHere(state) ? 'A run is in progress.' : `“${state.activeRun.doc.name}” is running, and one flow runs at a time: wait for it, or switch to it to stop it.`
  }
  const eventError = selectEventError(state)
  if (eventError) return `Fix the event first: ${eventError}`
  return null
}
