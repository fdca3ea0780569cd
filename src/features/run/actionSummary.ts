/** The one line an action node shows after a run: what the action did, or why the flow stopped there. */
import type { ActionResult, RunResult } from '../../engine/types.ts'
import { cutString } from '../results/cut.ts'

const COUNTED: [RegExp, string, string][] = [
  [/^api\.(idToken|accessToken)\.setCustomClaim$/, 'claim', 'claims'],
  [/^api\.user\.set(App|User)Metadata$/, 'metadata write', 'metadata writes'],
  [/^api\.accessToken\.(add|remove)Scope$/, 'scope change', 'scope changes'],
  [/^api\.transaction\.setMetadata$/, 'transaction metadata', 'transaction metadata'],
  [/^api\.cache\.(set|delete)$/, 'cache write', 'cache writes'],
  [/^api\.samlResponse\./, 'SAML change', 'SAML changes'],
]
const MFA = COUNTED.length
/** A reason (deny, error) is cut: the node has one line for it, and its title and accessible name hold the same text. */
const REASON_LIMIT = 200

/** Which counter a call adds to (an index in COUNTED, or MFA), or -1; calls repeat, so each is matched once. */
const counterOfCall = new Map<string, number>()
function counterOf(call: string): number {
  let counter = counterOfCall.get(call)
  if (counter === undefined) {
    counter = call === 'api.multifactor.enable' ? MFA : COUNTED.findIndex(([pattern]) => pattern.test(call))
    counterOfCall.set(call, counter)
  }
  return counter
}

// Every node asks for its summary on every render: the timeline is counted once per result, for all actions.
const countsOfResult = new WeakMap<RunResult, Map<string, number[]>>()
function callCounts(result: RunResult): Map<string, number[]> {
  let byAction = countsOfResult.get(result)
  if (!byAction) {
    byAction = new Map()
    for (const entry of result.timeline) {
      if (entry.kind !== 'api' || entry.error || entry.actionId === undefined) continue
      const counter = counterOf(entry.call)
      if (counter < 0) continue
      let counts = byAction.get(entry.actionId)
      if (!counts) byAction.set(entry.actionId, (counts = new Array<number>(MFA + 1).fill(0)))
      counts[counter]++
    }
    countsOfResult.set(result, byAction)
  }
  return byAction
}

function host(url: string): string {
  try { return new URL(url).host } catch { return url }
}

const reason = (text: string) => cutString(text, REASON_LIMIT).text

export function actionSummary(result: RunResult, action: ActionResult): string {
  if (action.status === 'skipped') return 'skipped: the flow stopped earlier'
  if (action.status === 'disabled') return 'disabled: not run'
  if (action.status === 'pending') return 'waits for /continue'
  if (action.status === 'failed') return action.error ? reason(`${action.error.name === 'Error' ? '' : `${action.error.name}: `}${action.error.message}`) : 'failed'
  if (action.status === 'denied' && result.error) return reason(`deny: ${result.error.description}`)
  if (action.status === 'suspended') {
    if (result.redirect?.actionId === action.id) return `redirect to ${host(result.redirect.url)}`
    if (result.challenge?.actionId === action.id) return `MFA ${result.challenge.kind}: ${result.challenge.factors.map((factor) => factor.type).join(', ')}`
    if (result.prompt?.actionId === action.id) return `form ${result.prompt.id}`
  }
  const counts = callCounts(result).get(action.id)
  const parts = COUNTED.flatMap(([, one, many], index) => {
    const count = counts?.[index] ?? 0
    return count ? [`${count} ${count === 1 ? one : many}`] : []
  })
  if (counts?.[MFA]) parts.push('MFA')
  const logs = action.logs.length
  if (logs) parts.push(`${logs} ${logs === 1 ? 'log' : 'logs'}`)
  return parts.join(' · ') || 'no changes'
}
