/**
 * The Console tab as one list of rows, for the virtualized view: per action that logged, a header, its
 * lines, and a row for the lines Auth0's 256 KiB limit did not keep. Rows are found by index without an
 * object per line, so a million lines cost as little as ten.
 */
import type { ActionResult, LogEntry, RunResult } from '../../engine/types.ts'

export type ConsoleRow =
  | { type: 'header'; action: ActionResult }
  | { type: 'line'; action: ActionResult; log: LogEntry; index: number }
  | { type: 'dropped'; action: ActionResult; count: number }

interface Section {
  action: ActionResult
  /** The row of the section's header. */
  start: number
}

export interface ConsoleRows {
  count: number
  rowAt(index: number): ConsoleRow
}

function rowsOf(action: ActionResult): number {
  return 1 + action.logs.length + (action.droppedLogs ? 1 : 0)
}

export function consoleRows(result: RunResult): ConsoleRows {
  const sections: Section[] = []
  let count = 0
  for (const action of result.actions) {
    if (!action.logs.length && !action.droppedLogs) continue
    sections.push({ action, start: count })
    count += rowsOf(action)
  }
  return {
    count,
    rowAt(index) {
      // The last section that starts at or before the row.
      let low = 0
      let high = sections.length - 1
      while (low < high) {
        const middle = (low + high + 1) >> 1
        if (sections[middle].start <= index) low = middle
        else high = middle - 1
      }
      const { action, start } = sections[low]
      const offset = index - start
      if (offset === 0) return { type: 'header', action }
      if (offset <= action.logs.length) return { type: 'line', action, log: action.logs[offset - 1], index: offset - 1 }
      return { type: 'dropped', action, count: action.droppedLogs! }
    },
  }
}
