/** Who answered an action's HTTP request, as the HTTP list and the timeline say it. */
import type { HttpExchange, TimelineEntry } from '../../engine/types.ts'

export const STAND_IN_LABEL = 'Management API stand-in'

export function wasAnswered(exchange: HttpExchange): boolean {
  return exchange.mock !== null || exchange.standIn !== undefined
}

/** One of the flow's mocks, the Management API stand-in, or no one. */
export function answeredBy(exchange: HttpExchange): string {
  if (exchange.mock !== null) return `answered by HTTP mock ${exchange.mock + 1}`
  if (exchange.standIn === 'management-api') return `answered by the ${STAND_IN_LABEL} (no HTTP mock matched)`
  return 'no HTTP mock matched, so the request failed'
}

/** An http timeline entry the stand-in answered. */
export function answeredByStandIn(entry: TimelineEntry): boolean {
  if (entry.kind !== 'http') return false
  const details = entry.args[0]
  return typeof details === 'object' && details !== null && !Array.isArray(details) && details.standIn === 'management-api'
}
