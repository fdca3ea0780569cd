/** Runs the flow being designed in the engine worker, continues a suspended run, stops a run. */
import type { ContinueRequest } from '../../engine/pipeline.ts'
import type { RunResult } from '../../engine/types.ts'
import type { PlaygroundState, PlaygroundStore } from '../../store/index.ts'
import { currentRun, docToRun, runsHere } from '../../store/runSelectors.ts'
import { selectDoc, selectEventError } from '../../store/selectors.ts'
import type { RunnerOptions } from '../../runtime/supervisedRunner.ts'
import { loadedRunner, runnerFor } from './pageRunner.ts'

/** Why the flow cannot run now, or null when it can. */
export function runBlocker(state: PlaygroundState): string | null {
  if (state.activeRun) {
    return runsHere(state) ? 'A run is in progress.' : `“${state.activeRun.doc.name}” is running, and one flow runs at a time: wait for it, or switch to it to stop it.`
  }
  const eventError = selectEventError(state)
  if (eventError) return `Fix the event first: ${eventError}`
  return null
}

function options(store: PlaygroundStore): RunnerOptions {
  return {
    timeLimitMs: store.getState().timeLimitMs,
    // The outcome shows first; the tokens' RSA signatures follow (track).
    deferSigning: true,
    // Only starts: an action's end is followed at once by the next one's start, and each report re-renders the page.
    onProgress: (event) => {
      if (event.type === 'action' && event.status === 'running') store.getState().runProgress(event.id)
    },
  }
}

async function track(store: PlaygroundStore, start: () => Promise<RunResult>) {
  const result = await start()
  store.getState().runFinished(result)
  if (result.idToken?.unsigned || result.accessToken?.unsigned) {
    void import('../../engine/tokens.ts').then(({ signTokens }) => store.getState().runSigned(result, signTokens(result)))
  }
  // A run that was stopped, timed out or crashed took its sandbox with it: have the next one ready.
  runnerFor(store).current()?.warm()
  return result
}

/** Runs the flow, or with `onlyActionId` that action alone (enabled), as Auth0's dashboard tests one Action. */
export async function runCurrentFlow(store: PlaygroundStore, onlyActionId?: string) {
  const state = store.getState()
  if (runBlocker(state)) return
  const current = selectDoc(state)
  const only = current.actions.find((action) => action.id === onlyActionId)?.id ?? null
  const doc = docToRun(current, only)
  state.runStarted(doc, only)
  return track(store, async () => (await loadedRunner(store)).run(doc, options(store)))
}

/** Resumes the suspended result with the `/continue` request the external-site panel built. */
export async function continueCurrentRun(store: PlaygroundStore, request: ContinueRequest) {
  const state = store.getState()
  const run = currentRun(state)
  if (state.activeRun || !run?.result.resume) return
  state.runStarted(run.doc, run.only)
  return track(store, async () => (await loadedRunner(store)).continue(run.doc, run.result, request, options(store)))
}

export function stopRun(store: PlaygroundStore) {
  // No runner yet: nothing runs.
  runnerFor(store).current()?.stop()
}
