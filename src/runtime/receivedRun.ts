/**
 * What a host receives of a run as the engine streams it: the events folded into the run's log as the engine folds
 * them (engine/runEvents.ts), and which action runs, so that a worker's result can be completed with what its events
 * carried, and a run cut short rebuilt (interruptedResult.ts). Events are folded as they arrive, not kept.
 */
import type { ProgressEvent } from '../engine/index.ts'
import { recordRunEvent, startRunLog, type RunLog } from '../engine/runEvents.ts'
import type { EngineRequest } from './workerProtocol.ts'

export class ReceivedRun {
  readonly log: RunLog
  /** The action running now (started, not ended), with when it started. */
  running: { index: number; since: number } | null = null
  /** Past the last action reached: every action before it started (or was passed as disabled). */
  reached: number

  constructor(request: EngineRequest) {
    const resumed = request.kind === 'continue' && request.previous.resume ? request.previous : null
    this.log = startRunLog(request.doc, resumed, request.options.steps === true)
    this.reached = resumed ? resumed.resume!.actionIndex : 0
    // The suspended action runs again, as the engine's resume has it.
    if (resumed) this.log.actions[this.reached].status = 'pending'
  }

  receive(event: ProgressEvent, at = performance.now()) {
    recordRunEvent(this.log, event)
    if (event.type !== 'action') return
    this.reached = Math.max(this.reached, event.index + 1)
    if (event.status === 'running') this.running = { index: event.index, since: at }
    else if (this.running?.index === event.index) {
      this.log.actions[event.index].durationMs += Math.round(at - this.running.since)
      this.running = null
    }
  }
}
