/** Times as the result views show them: UTC dates, and distances such as "in 15 min" or "10 h". */

/** `2026-05-04 12:00:00 UTC` */
export function utcTime(ms: number): string {
  const date = new Date(ms)
  return Number.isFinite(date.getTime()) ? date.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC') : String(ms)
}

const UNITS: [Intl.RelativeTimeFormatUnit, number, string][] = [
  ['day', 86_400, 'd'],
  ['hour', 3_600, 'h'],
  ['minute', 60, 'min'],
  ['second', 1, 's'],
]

function largestUnit(seconds: number) {
  const size = Math.abs(seconds)
  return UNITS.find(([, unitSeconds]) => size >= unitSeconds) ?? UNITS[UNITS.length - 1]
}

/** A length of time: `10 h`, `15 min`, `1.5 d`. */
export function duration(seconds: number): string {
  const [, unitSeconds, short] = largestUnit(seconds)
  return `${Math.round((seconds / unitSeconds) * 10) / 10} ${short}`
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'always' })

/** When `ms` is, seen from `now`: `in 15 minutes`, `3 hours ago`. */
export function fromNow(ms: number, now: number): string {
  const seconds = (ms - now) / 1000
  const [unit, unitSeconds] = largestUnit(seconds)
  return relative.format(Math.round(seconds / unitSeconds), unit)
}
