/** Runs the flow being designed in the engine worker, continues a suspended run, stops a run (loaded after the first paint: running.ts). */
import type { ContinueRequest } from '../../engine/pipeline.ts'
import type { RunResult } from '../../engine/types.ts'
import type { PlaygroundStore } from '../../store/index.ts'
import { currentRun, docToRun } from '../../store/runSelectors.ts'
import { selectDoc } from '../../store/selectors.ts'
import type { RunnerOptions } from '../../runtime/supervisedRunner.ts'
import { loadedRunner, runnerFor } from './pageRunner.ts'
import { runBlocker } from './runBlocker.ts'
import { walkOf } from '../../engine/walk.ts'
import { showWalkStep } from '../walk/showWalkStep.ts'

/** A run shorter than this shows no progress, only its outcome: each progress report re-renders the page. */
const QUIET_START_MS = 150

/**
 * The run's options, with its progress shown after its first QUIET_START_MS and at most once a frame: a fast run
 * starts twenty actions in a few milliseconds, and rendering them would only delay its results. Only starts count:
 * an action's end is followed at once by the next one's start. `done` drops a report still waiting to be shown.
 */
function runOptions(store: PlaygroundStore, steps: boolean): { options: RunnerOptions; done(): void } {
  const quietUntil = performance.now() + QUIET_START_MS
  let frame = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: string | null = null
  const show = () => {
    frame = 0
    if (running) store.getState().runProgress(running)
  }
  const schedule = () => {
    timer = undefined
    frame ||= requestAnimationFrame(show)
  }
  return {
    options: {
      timeLimitMs: store.getState().timeLimitMs,
      steps,
      // The outcome shows first; the tokens' RSA signatures follow (track).
      deferSigning: true,
      onProgress: (event) => {
        if (event.type !== 'action' || event.status !== 'running') return
        running = event.id
        const wait = quietUntil - performance.now()
        if (wait <= 0) schedule()
        else timer ??= setTimeout(schedule, wait)
      },
    },
    done: () => {
      clearTimeout(timer)
      cancelAnimationFrame(frame)
    },
  }
}

async function track(store: PlaygroundStore, steps: boolean, start: (options: RunnerOptions) => Promise<RunResult>) {
  const { options, done } = runOptions(store, steps)
  const result = await start(options).finally(done)
  store.getState().runFinished(result)
  if (result.idToken?.unsigned || result.accessToken?.unsigned) {
    void import('../../engine/tokens.ts').then(({ signTokens }) => store.getState().runSigned(result, signTokens(result)))
  }
  // A run that was stopped, timed out or crashed took its sandbox with it: have the next one ready.
  runnerFor(store).current()?.warm()
  return result
}

/**
 * Runs the flow, or with `onlyActionId` that action alone (enabled), as Auth0's dashboard tests one Action; with
 * `steps`, recording every statement the actions run, for a walk through them.
 */
export async function runCurrentFlow(store: PlaygroundStore, onlyActionId?: string, steps = false) {
  const state = store.getState()
  if (runBlocker(state)) return
  const current = selectDoc(state)
  const only = current.actions.find((action) => action.id === onlyActionId)?.id ?? null
  const doc = docToRun(current, only)
  state.runStarted(doc, only)
  return track(store, steps, async (options) => (await loadedRunner(store)).run(doc, options))
}

/** Runs the flow recording every statement, and shows the walk through it from its first step. */
export async function walkCurrentFlow(store: PlaygroundStore) {
  const result = await runCurrentFlow(store, undefined, true)
  const walk = result && walkOf(result)
  if (walk?.length) showWalkStep(store, walk, 0)
}

/** Resumes the suspended result with the `/continue` request the external-site panel built. */
export async function continueCurrentRun(store: PlaygroundStore, request: ContinueRequest) {
  const state = store.getState()
  const run = currentRun(state)
  if (state.activeRun || !run?.result.resume) return
  // A walk through the paused run goes on through the continued one, where it was.
  const walking = run.result.steps !== undefined
  const walk = state.walk
  state.runStarted(run.doc, run.only)
  const result = await track(store, walking, async (options) => (await loadedRunner(store)).continue(run.doc, run.result, request, options))
  if (walking) store.getState().setWalk(walk)
  return result
}

export function stopRun(store: PlaygroundStore) {
  // No runner yet: nothing runs.
  runnerFor(store).current()?.stop()
}
