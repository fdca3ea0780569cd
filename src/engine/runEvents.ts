/**
 * What the engine streams while it runs (`RunOptions.onProgress`): an action's status as it changes, and each
 * timeline entry once, when it is complete (an api call after it returned or threw). A host rebuilds the run's
 * timeline from these events instead of receiving it again with the result, so each entry crosses a worker or
 * process boundary once; and a run cut short (time limit, stop, crash) is rebuilt from the same events.
 */
import type { ActionStatus, Phase, RunResult, TimelineEntry } from './types.ts'

export type ProgressEvent =
  | { type: 'action'; index: number; id: string; name: string; phase: Phase; status: 'running' | ActionStatus }
  | { type: 'timeline'; entry: TimelineEntry }

/** A result as it leaves the engine's worker or process: its timeline is in the events streamed before it. */
export function withoutTimeline(result: RunResult): RunResult {
  return { ...result, timeline: [] }
}

/** The timeline: the entries a continued run started with, then every streamed entry, in order. */
export function timelineOf(before: readonly TimelineEntry[], events: readonly ProgressEvent[]): TimelineEntry[] {
  const timeline = before.slice()
  for (const event of events) if (event.type === 'timeline') timeline.push(event.entry)
  return timeline
}
