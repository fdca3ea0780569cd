/** The CLI's readable report of a run. */
import type { ActionResult, JsonObject, ManagementApiChange, RunResult } from '../engine/types.ts'

const STATUS_LABEL: Record<RunResult['status'], string> = {
  completed: 'COMPLETED',
  denied: 'DENIED',
  failed: 'FAILED',
  suspended: 'SUSPENDED',
}

function json(value: unknown): string {
  return JSON.stringify(value)
}

function actionLine(action: ActionResult, index: number): string[] {
  const duration = action.phases.length ? ` ${action.durationMs.toFixed(1)} ms` : ''
  const lines = [`  ${index + 1}. ${action.name.padEnd(36)} ${action.status}${duration}`]
  if (action.error) lines.push(`       ${action.error.name}: ${action.error.message}${action.error.line ? ` (line ${action.error.line})` : ''}`)
  for (const log of action.logs) lines.push(`       console.${log.level}: ${log.message}`)
  return lines
}

function metadataChanges(before: JsonObject, after: JsonObject): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)])
  const out: string[] = []
  for (const key of keys) {
    if (!(key in after)) out.push(`- ${key}`)
    else if (!(key in before)) out.push(`+ ${key}: ${json(after[key])}`)
    else if (json(before[key]) !== json(after[key])) out.push(`~ ${key}: ${json(before[key])} -> ${json(after[key])}`)
  }
  return out
}

function managementChange(change: ManagementApiChange): string {
  if (change.kind === 'roles.assign') return `roles ${change.roles.map((role) => role.name).join(', ')} assigned to ${change.user_id} by "${change.action}"`
  if (change.kind === 'identities.link') return `${change.linked} linked into ${change.user_id} by "${change.action}"`
  return `${change.user_id} updated (${Object.keys(change.fields).join(', ')}) by "${change.action}"`
}

/** `original` is the event user's metadata; `null` for a flow without a user (credentials-exchange): no metadata, no profile writes. */
export function summarize(result: RunResult, original: { app_metadata: JsonObject; user_metadata: JsonObject } | null): string {
  const lines: string[] = []
  const headline = result.error ? `${STATUS_LABEL[result.status]}: ${result.error.code}: ${result.error.description}` : STATUS_LABEL[result.status]
  lines.push(headline)
  if (result.error?.userMessage !== undefined) lines.push(`User message: ${result.error.userMessage}`)
  lines.push('', 'Actions:')
  result.actions.forEach((action, index) => lines.push(...actionLine(action, index)))
  if (result.redirect) lines.push('', `Redirect: ${result.redirect.url}`, `  from "${result.redirect.action}", continue with state=${result.redirect.state}`)
  if (result.challenge) lines.push('', `MFA ${result.challenge.kind}: ${result.challenge.factors.map((factor) => factor.type).join(', ')} (from "${result.challenge.action}")`)
  if (result.prompt) lines.push('', `Form "${result.prompt.id}" rendered by "${result.prompt.action}" with fields ${json(result.prompt.fields)}`)
  if (original) {
    for (const field of ['app_metadata', 'user_metadata'] as const) {
      const changes = metadataChanges(original[field], result.user[field])
      if (changes.length) lines.push('', `${field}:`, ...changes.map((change) => `  ${change}`))
    }
    const created = result.profileUpdates.writes.find((write) => write.when === 'creation')
    if (created) lines.push('', `User created: app_metadata ${json(created.app_metadata)}, user_metadata ${json(created.user_metadata)}`)
    const throughApi = result.profileUpdates.writes.filter((write) => write.when === 'management-api').length
    lines.push('', `Profile writes: ${result.profileUpdates.count}${throughApi ? ` (${throughApi} through the Management API stand-in)` : ''}`)
  } else if (result.accessToken) lines.push('')
  if (result.mfa) lines.push(`MFA: ${result.mfa.required ? `required (${result.mfa.provider})` : 'skipped ("none")'} by "${result.mfa.action}"`)
  if (result.idToken?.claims) lines.push('', `ID token custom claims: ${json(result.idToken.customClaims)}`)
  if (result.accessToken) {
    lines.push(`Access token scope: ${result.accessToken.scope || '(none)'}`)
    lines.push(result.accessToken.jwt ? `Access token custom claims: ${json(result.accessToken.customClaims)}` : 'Access token: opaque (no audience)')
    // A flow without a user (credentials-exchange) issues only this token: show it whole.
    if (!original && result.accessToken.jwt) lines.push(`Access token claims: ${json(result.accessToken.claims)}`, `Access token: ${result.accessToken.jwt}`)
  }
  if (result.http.length) {
    lines.push('', 'HTTP:')
    for (const exchange of result.http) {
      const standIn = exchange.standIn === 'management-api' ? ', Management API stand-in' : ''
      lines.push(`  ${exchange.method} ${exchange.url} -> ${exchange.status ?? 'no mock'} (${exchange.action}${standIn})`)
    }
  }
  const changes = result.managementApi?.changes ?? []
  if (changes.length) lines.push('', 'Management API changes (stand-in):', ...changes.map((change) => `  ${managementChange(change)}`))
  if (result.warnings.length) lines.push('', 'Warnings:', ...result.warnings.map((warning) => `  ! ${warning.message}`))
  return lines.join('\n')
}
