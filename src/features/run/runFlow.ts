/** Runs the flow being designed in the engine worker, continues a suspended run, stops a run. */
import type { ContinueRequest } from '../../engine/pipeline.ts'
import type { RunResult } from '../../engine/types.ts'
import { usePlayground, type PlaygroundState } from '../../store/index.ts'
import { currentRun, docToRun, runsHere } from '../../store/runSelectors.ts'
import type { RunnerOptions } from '../../runtime/supervisedRunner.ts'
import { loadedPageRunner, pageRunner } from './pageRunner.ts'

/** Why the flow cannot run now, or null when it can. */
export function runBlocker(state: PlaygroundState): string | null {
  if (state.activeRun) {
    return runsHere(state) ? 'A run is in progress.' : `“${state.activeRun.doc.name}” is running, and one flow runs at a time: wait for it, or switch to it to stop it.`
  }
  if (state.eventError) return `Fix the event first: ${state.eventError}`
  return null
}

/**
 * The run's options, with its progress shown at most once a frame: a fast run starts twenty actions in a few
 * milliseconds, and each report re-renders the page. Only starts count: an action's end is followed at once by
 * the next one's start. `done` drops a report still waiting for its frame.
 */
function runOptions(): { options: RunnerOptions; done(): void } {
  let frame = 0
  let running: string | null = null
  const show = () => {
    frame = 0
    if (running) usePlayground.getState().runProgress(running)
  }
  return {
    options: {
      timeLimitMs: usePlayground.getState().timeLimitMs,
      // The outcome shows first; the tokens' RSA signatures follow (track).
      deferSigning: true,
      onProgress: (event) => {
        if (event.type !== 'action' || event.status !== 'running') return
        running = event.id
        frame ||= requestAnimationFrame(show)
      },
    },
    done: () => cancelAnimationFrame(frame),
  }
}

async function track(start: (options: RunnerOptions) => Promise<RunResult>) {
  const { options, done } = runOptions()
  const result = await start(options).finally(done)
  usePlayground.getState().runFinished(result)
  if (result.idToken?.unsigned || result.accessToken?.unsigned) {
    void import('../../engine/tokens.ts').then(({ signTokens }) => usePlayground.getState().runSigned(result, signTokens(result)))
  }
  // A run that was stopped, timed out or crashed took its sandbox with it: have the next one ready.
  pageRunner.current()?.warm()
  return result
}

/** Runs the flow, or with `onlyActionId` that action alone (enabled), as Auth0's dashboard tests one Action. */
export async function runCurrentFlow(onlyActionId?: string) {
  const state = usePlayground.getState()
  if (runBlocker(state)) return
  const only = state.doc.actions.find((action) => action.id === onlyActionId)?.id ?? null
  const doc = docToRun(state.doc, only)
  state.runStarted(doc, only)
  return track(async (options) => (await loadedPageRunner()).run(doc, options))
}

/** Resumes the suspended result with the `/continue` request the external-site panel built. */
export async function continueCurrentRun(request: ContinueRequest) {
  const state = usePlayground.getState()
  const run = currentRun(state)
  if (state.activeRun || !run?.result.resume) return
  state.runStarted(run.doc, run.only)
  return track(async (options) => (await loadedPageRunner()).continue(run.doc, run.result, request, options))
}

export function stopRun() {
  // No runner yet: nothing runs.
  pageRunner.current()?.stop()
}
