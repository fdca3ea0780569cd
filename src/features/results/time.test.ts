import { describe, expect, it } from 'vitest'
import { duration, fromNow, utcTime } from './time.ts'

describe('result times', () => {
  it('shows a UTC date without milliseconds', () => {
    expect(utcTime(Date.parse('2026-05-04T12:00:00.123Z'))).toBe('2026-05-04 12:00:00 UTC')
    expect(utcTime(Number.NaN)).toBe('NaN')
  })

  it('shows a length of time in its largest unit', () => {
    expect(duration(36_000)).toBe('10 h')
    expect(duration(86_400)).toBe('1 d')
    expect(duration(900)).toBe('15 min')
    expect(duration(5400)).toBe('1.5 h')
    expect(duration(0)).toBe('0 s')
  })

  it('says how far a time is from now', () => {
    const now = Date.parse('2026-05-04T12:00:00Z')
    expect(fromNow(now + 15 * 60_000, now)).toBe('in 15 minutes')
    expect(fromNow(now - 3 * 3_600_000, now)).toBe('3 hours ago')
  })
})
