import { describe, expect, it } from 'vitest'
import type { ActionResult, LogEntry, RunResult } from '../../engine/types.ts'
import { consoleRows } from './consoleRows.ts'

const log = (message: string): LogEntry => ({ level: 'log', message, phase: 'execute' })
const action = (id: string, logs: LogEntry[], droppedLogs?: number): ActionResult =>
  ({ id, name: id, status: 'ok', durationMs: 0, logs, phases: ['execute'], ...(droppedLogs ? { droppedLogs } : {}) })

describe('console rows', () => {
  it('put a header before each action that logged, and a row for the lines not kept', () => {
    const result = { actions: [action('a', [log('1'), log('2')]), action('quiet', []), action('b', [log('3')], 5)] } as RunResult
    const rows = consoleRows(result)
    expect(rows.count).toBe(6)
    expect(Array.from({ length: rows.count }, (_, index) => {
      const row = rows.rowAt(index)
      return row.type === 'line' ? `${row.action.id}:${row.log.message}` : `${row.type} ${row.action.id}`
    })).toEqual(['header a', 'a:1', 'a:2', 'header b', 'b:3', 'dropped b'])
  })

  it('find a row among a million without building them', () => {
    const logs = Array.from({ length: 1_000_000 }, (_, index) => log(String(index)))
    const rows = consoleRows({ actions: [action('a', logs.slice(0, 400_000)), action('b', logs.slice(400_000))] } as RunResult)
    expect(rows.count).toBe(1_000_002)
    expect(rows.rowAt(400_001)).toMatchObject({ type: 'header', action: { id: 'b' } })
    expect(rows.rowAt(1_000_001)).toMatchObject({ type: 'line', index: 599_999, log: { message: '999999' } })
  })
})
