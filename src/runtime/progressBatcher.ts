/**
 * Progress leaves an engine worker as it happens while there is little of it, and in batches when there is
 * a flood: an action making 100,000 api calls sends about a hundred messages, not 100,000. Sending the first
 * events of each window at once matters: an action stuck in an endless loop never lets a timer fire, and
 * the page rebuilds the interrupted run from what it received.
 */
import type { ProgressEvent } from '../engine/index.ts'

const WINDOW_MS = 50
/** Events sent one by one in each window before the rest wait for the window's end. */
const IMMEDIATE = 100
const BATCH_SIZE = 1000

export function createProgressBatcher(send: (events: ProgressEvent[]) => void) {
  // Captured now: action code that replaces the timer globals later cannot stop the batches.
  const { setTimeout: schedule, clearTimeout: unschedule } = globalThis
  let events: ProgressEvent[] = []
  let immediate = IMMEDIATE
  let timer: ReturnType<typeof setTimeout> | undefined
  const flush = () => {
    if (!events.length) return
    const batch = events
    events = []
    send(batch)
  }
  const endWindow = () => {
    timer = undefined
    immediate = IMMEDIATE
    flush()
  }
  return {
    push(event: ProgressEvent) {
      events.push(event)
      timer ??= schedule(endWindow, WINDOW_MS)
      if (immediate > 0) { immediate--; flush() } else if (events.length >= BATCH_SIZE) flush()
    },
    /** Sends what is left and stops the window's timer. */
    finish() {
      unschedule(timer)
      flush()
    },
  }
}
