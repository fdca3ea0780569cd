/** The one line an action node shows after a run: what the action did, or why the flow stopped there. */
import type { ActionResult, RunResult } from '../../engine/types.ts'

const COUNTED: [RegExp, string, string][] = [
  [/^api\.(idToken|accessToken)\.setCustomClaim$/, 'claim', 'claims'],
  [/^api\.user\.set(App|User)Metadata$/, 'metadata write', 'metadata writes'],
  [/^api\.accessToken\.(add|remove)Scope$/, 'scope change', 'scope changes'],
  [/^api\.transaction\.setMetadata$/, 'transaction metadata', 'transaction metadata'],
  [/^api\.cache\.(set|delete)$/, 'cache write', 'cache writes'],
  [/^api\.samlResponse\./, 'SAML change', 'SAML changes'],
]

function host(url: string): string {
  try { return new URL(url).host } catch { return url }
}

export function actionSummary(result: RunResult, action: ActionResult): string {
  if (action.status === 'skipped') return 'skipped: the flow stopped earlier'
  if (action.status === 'disabled') return 'disabled: not run'
  if (action.status === 'pending') return 'waits for /continue'
  if (action.status === 'failed') return action.error ? `${action.error.name === 'Error' ? '' : `${action.error.name}: `}${action.error.message}` : 'failed'
  if (action.status === 'denied' && result.error) return `deny: ${result.error.description}`
  if (action.status === 'suspended') {
    if (result.redirect?.actionId === action.id) return `redirect to ${host(result.redirect.url)}`
    if (result.challenge?.actionId === action.id) return `MFA ${result.challenge.kind}: ${result.challenge.factors.map((factor) => factor.type).join(', ')}`
    if (result.prompt?.actionId === action.id) return `form ${result.prompt.id}`
  }
  const calls = result.timeline.filter((entry) => entry.kind === 'api' && entry.actionId === action.id && !entry.error).map((entry) => entry.call)
  const parts = COUNTED.flatMap(([pattern, one, many]) => {
    const count = calls.filter((call) => pattern.test(call)).length
    return count ? [`${count} ${count === 1 ? one : many}`] : []
  })
  if (calls.some((call) => call === 'api.multifactor.enable')) parts.push('MFA')
  const logs = action.logs.length
  if (logs) parts.push(`${logs} ${logs === 1 ? 'log' : 'logs'}`)
  return parts.join(' · ') || 'no changes'
}
