import { describe, expect, it, vi } from 'vitest'
import type { ProgressEvent } from '../engine/index.ts'
import { createProgressBatcher } from './progressBatcher.ts'

const event = (index: number) => ({ type: 'timeline', entry: { seq: index } }) as unknown as ProgressEvent

describe('progress batches', () => {
  it('send the first events at once, then a flood in batches, and the rest at the end', () => {
    vi.useFakeTimers()
    const sent: number[] = []
    const batcher = createProgressBatcher((events) => sent.push(events.length))
    for (let i = 0; i < 100_000; i++) batcher.push(event(i))
    expect(sent.slice(0, 100)).toEqual(Array(100).fill(1))
    expect(sent.length).toBeLessThan(300)
    batcher.finish()
    expect(sent.reduce((sum, size) => sum + size, 0)).toBe(100_000)
    vi.useRealTimers()
  })

  it('send one by one again after a quiet window', () => {
    vi.useFakeTimers()
    const sent: number[] = []
    const batcher = createProgressBatcher((events) => sent.push(events.length))
    for (let i = 0; i < 150; i++) batcher.push(event(i))
    vi.advanceTimersByTime(60)
    expect(sent.reduce((sum, size) => sum + size, 0)).toBe(150)
    batcher.push(event(150))
    expect(sent.at(-1)).toBe(1)
    vi.useRealTimers()
  })
})
