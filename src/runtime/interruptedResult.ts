/**
 * The result a runner gives when a run does not finish on its own: the worker was terminated at the time
 * limit, stopped, or crashed, or the engine threw. It is rebuilt, in the engine's shape, from the progress
 * events streamed before that point.
 */
import type {
  ActionError, ActionResult, LogEntry, ProgressEvent, RunError, RunResult, TimelineEntry,
} from '../engine/index.ts'
import type { RunState } from '../engine/runState.ts'
import { triggerOf } from '../engine/triggers.ts'
import type { EngineRequest } from './workerProtocol.ts'

export type Interruption =
  | { kind: 'timeout'; limitMs: number }
  | { kind: 'stopped' }
  | { kind: 'crashed'; detail: string }
  | { kind: 'engine-error'; message: string }

/** A progress event and when it arrived (`performance.now()`). */
export interface ReceivedProgress {
  event: ProgressEvent
  at: number
}

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

function logOf(entry: TimelineEntry): LogEntry {
  return {
    level: entry.call.slice('console.'.length) as LogEntry['level'],
    message: String(entry.args[0] ?? ''),
    phase: entry.phase ?? 'execute',
    ...(entry.line === undefined ? {} : { line: entry.line }),
  }
}

export function interruptedResult(request: EngineRequest, progress: readonly ReceivedProgress[], interruption: Interruption): RunResult {
  const { doc } = request
  const resumed = request.kind === 'continue' && request.previous.resume ? request.previous : null
  const trigger = triggerOf(doc.trigger)
  const state = resumed
    ? structuredClone(resumed.resume!.transaction) as unknown as RunState
    : trigger.state.create(doc.event as Record<string, unknown>)
  const actions: ActionResult[] = resumed
    ? structuredClone(resumed.actions)
    : doc.actions.map((action) => ({ id: action.id, name: action.name, status: 'pending', durationMs: 0, logs: [], phases: [] }))
  const timeline: TimelineEntry[] = resumed ? structuredClone(resumed.timeline) : []
  const start = resumed ? resumed.resume!.actionIndex : 0
  if (resumed) actions[start].status = 'pending'

  const startedAt = new Map<number, number>()
  let running: number | null = null
  let reached = start
  for (const { event, at } of progress) {
    if (event.type === 'timeline') {
      timeline.push(event.entry)
      if (event.entry.kind === 'console') actions.find((action) => action.id === event.entry.actionId)?.logs.push(logOf(event.entry))
      continue
    }
    const action = actions[event.index]
    reached = Math.max(reached, event.index + 1)
    if (event.status === 'running') {
      running = event.index
      startedAt.set(event.index, at)
      action.phases.push(event.phase)
      continue
    }
    action.status = event.status
    const began = startedAt.get(event.index)
    if (began !== undefined) action.durationMs += Math.round(at - began)
    startedAt.delete(event.index)
    if (running === event.index) running = null
  }

  const { run: error, action: actionError } = describe(interruption)
  const push = (call: string, args: TimelineEntry['args'], action?: ActionResult) => {
    const entry: TimelineEntry = { seq: timeline.length, kind: 'engine', call, args }
    if (action) Object.assign(entry, { action: action.name, actionId: action.id, phase: action.phases.at(-1) ?? 'execute' })
    timeline.push(entry)
  }
  if (running !== null) {
    const action = actions[running]
    action.status = 'failed'
    action.error = actionError
    action.durationMs += Math.round(performance.now() - startedAt.get(running)!)
    error.action = action.name
    push('action.end', [{ status: 'failed' }], action)
    reached = running
  }
  // As in the engine: a disabled action already passed is `disabled`, everything else not run is `skipped`.
  actions.forEach((action, index) => {
    if (action.status !== 'pending') return
    action.status = index < reached && doc.actions[index]?.enabled === false ? 'disabled' : 'skipped'
  })
  push('flow.end', [{ status: 'failed', error: error.code }])

  return {
    ...trigger.state.result(doc.event, state, 'failed', {
      actions,
      timeline,
      http: resumed ? structuredClone(resumed.http) : [],
      cache: resumed ? resumed.cache : doc.cache ?? {},
    }),
    error,
  }
}
