/**
 * The stream of events a run emits as it goes (`RunOptions.onProgress`): an action starts or ends, and each timeline
 * entry (an api call once it returned or threw, a console line, an HTTP exchange, the engine's own steps: the
 * profile write, the suspension, the tokens, the end of the flow), and in a stepping run each statement as it
 * begins (so a run cut short keeps the statements it ran). One function folds an event into a run's log
 * (its actions' phases, statuses and console output, and its timeline): the engine keeps its log with it, a runtime
 * rebuilds a run cut short with it (interruptedResult.ts), and a host rebuilds what a worker's result leaves out,
 * so each event crosses a worker or process boundary once.
 */
import type { FlowDocument } from './flowDocument.ts'
import { STEP_LIMIT } from './limits.ts'
import type { ActionResult, ActionStatus, LogEntry, Phase, RunResult, Step, TimelineEntry } from './types.ts'

export type RunEvent =
  | { type: 'action'; index: number; id: string; name: string; phase: Phase; status: 'running' | ActionStatus }
  | { type: 'timeline'; entry: TimelineEntry }
  | { type: 'step'; step: Step }

/** The name the runtimes know the stream by. */
export type ProgressEvent = RunEvent

/** What the stream builds: every action's phases, status and console output, the timeline, and a stepping run's steps. */
export interface RunLog {
  actions: ActionResult[]
  timeline: TimelineEntry[]
  /** Null when the run does not step. */
  steps: Step[] | null
}

/**
 * The log a run starts with: every action pending, or, for a continued run, a copy of the suspended run's log; a
 * stepping run's steps follow those of the run it continues.
 */
export function startRunLog(doc: FlowDocument, previous: RunResult | null, stepping: boolean): RunLog {
  const steps = stepping ? structuredClone(previous?.steps ?? []) : null
  if (previous) return { actions: structuredClone(previous.actions), timeline: structuredClone(previous.timeline), steps }
  return {
    actions: doc.actions.map((action) => ({ id: action.id, name: action.name, status: 'pending', durationMs: 0, logs: [], phases: [] })),
    timeline: [],
    steps,
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

/** Folds one event into the log, in place: a run of 100,000 calls would copy its log 100,000 times otherwise. */
export function recordRunEvent(log: RunLog, event: RunEvent): void {
  if (event.type === 'timeline') return recordEntry(log, event.entry)
  if (event.type === 'step') {
    // A host folds what a sandbox sent: no more steps than the engine records, whatever arrives.
    if (log.steps && log.steps.length < STEP_LIMIT) log.steps.push(event.step)
    return
  }
  const action = log.actions[event.index]
  if (event.status === 'running') action.phases.push(event.phase)
  else action.status = event.status
}

/** Folds a timeline entry into the log: what recordRunEvent does with a `timeline` event. */
export function recordEntry(log: RunLog, entry: TimelineEntry): void {
  log.timeline.push(entry)
  if (entry.kind === 'console') log.actions.find((action) => action.id === entry.actionId)?.logs.push(logOf(entry))
}

/** A result as it leaves a worker or process: its timeline, console output and steps went as events before it. */
export function withoutStreamed(result: RunResult): RunResult {
  return { ...result, timeline: [], actions: result.actions.map((action) => ({ ...action, logs: [] })), ...(result.steps ? { steps: [] } : {}) }
}

/**
 * The result with what the stream carried put back, when it was left out: a run always has a timeline entry (its
 * end), so a result without any came without it; a result rebuilt in the worker after the engine threw comes whole.
 */
export function withStreamed(result: RunResult, log: RunLog): RunResult {
  if (result.timeline.length) return result
  return {
    ...result, timeline: log.timeline, actions: result.actions.map((action, index) => ({ ...action, logs: log.actions[index]?.logs ?? [] })),
    ...(result.steps && log.steps ? { steps: log.steps } : {}),
  }
}
