/**
 * The result a runner gives when a run does not finish on its own: the worker was terminated at the time
 * limit, stopped, or crashed, or the engine threw. It is rebuilt, in the engine's shape (a stepping run's steps
 * included), from the events
 * streamed before that point, folded as the engine folds them (engine/runEvents.ts).
 */
import type { ActionError, ActionResult, RunError, RunResult, TimelineEntry } from '../engine/index.ts'
import { STEP_LIMIT } from '../engine/limits.ts'
import type { RunState } from '../engine/runState.ts'
import { triggerOf } from '../engine/triggers.ts'
import { warnStepsDropped } from '../engine/warnings.ts'
import type { ReceivedRun } from './receivedRun.ts'
import type { EngineRequest } from './workerProtocol.ts'

export type Interruption =
  | { kind: 'timeout'; limitMs: number }
  | { kind: 'stopped' }
  | { kind: 'crashed'; detail: string }
  | { kind: 'engine-error'; message: string }

function describe(interruption: Interruption): { run: RunError; action: ActionError } {
  switch (interruption.kind) {
    case 'timeout': {
      const seconds = interruption.limitMs / 1000
      return {
        run: { code: 'access_denied', description: 'Request to Webtask exceeded allowed execution time', timeout: true },
        action: { name: 'TimeoutError', message: `The flow passed its time limit of ${seconds} s while this action was running, so the playground stopped it: an endless loop, or a promise that never settles?` },
      }
    }
    case 'stopped':
      return {
        run: { code: 'access_denied', description: 'The run was stopped before it finished.' },
        action: { name: 'StoppedError', message: 'The run was stopped while this action was running.' },
      }
    case 'crashed':
      return {
        run: { code: 'access_denied', description: `The engine worker crashed while the flow was running: ${interruption.detail}` },
        action: { name: 'CrashError', message: `The engine worker crashed while this action was running: ${interruption.detail}` },
      }
    case 'engine-error':
      return {
        run: { code: 'server_error', description: interruption.message },
        action: { name: 'Error', message: interruption.message },
      }
  }
}

export function interruptedResult(request: EngineRequest, received: ReceivedRun, interruption: Interruption): RunResult {
  const { doc } = request
  const resumed = request.kind === 'continue' && request.previous.resume ? request.previous : null
  const trigger = triggerOf(doc.trigger)
  const state = resumed
    ? structuredClone(resumed.resume!.transaction) as unknown as RunState
    : trigger.state.create(doc.event as Record<string, unknown>)
  const { actions, timeline } = received.log
  let reached = received.reached

  const { run: error, action: actionError } = describe(interruption)
  const push = (call: string, args: TimelineEntry['args'], action?: ActionResult) => {
    const entry: TimelineEntry = { seq: timeline.length, kind: 'engine', call, args }
    if (action) Object.assign(entry, { action: action.name, actionId: action.id, phase: action.phases.at(-1) ?? 'execute' })
    timeline.push(entry)
  }
  const running = received.running
  if (running) {
    const action = actions[running.index]
    action.status = 'failed'
    action.error = actionError
    action.durationMs += Math.round(performance.now() - running.since)
    error.action = action.name
    push('action.end', [{ status: 'failed' }], action)
    reached = running.index
  }
  // As in the engine: a disabled action already passed is `disabled`, everything else not run is `skipped`.
  actions.forEach((action, index) => {
    if (action.status !== 'pending') return
    action.status = index < reached && doc.actions[index]?.enabled === false ? 'disabled' : 'skipped'
  })
  push('flow.end', [{ status: 'failed', error: error.code }])
  // The engine's own warning went with its sandbox.
  const steps = received.log.steps
  if (steps && steps.length >= STEP_LIMIT) warnStepsDropped(state.warnings)

  return {
    ...trigger.state.result(doc.event, state, 'failed', {
      actions,
      timeline,
      http: resumed ? structuredClone(resumed.http) : [],
      cache: resumed ? resumed.cache : doc.cache ?? {},
    }),
    error,
    // A stepping run keeps the statements it ran: the last ones show where it was stuck.
    ...(steps ? { steps } : {}),
  }
}
