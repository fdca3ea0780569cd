/** A post-login run's result as far as the transaction got. */
import { linkWarning } from '../../engine/runState.ts'
import type { Transaction } from './transaction.ts'
import type { RunRecord } from '../../engine/trigger.ts'
import type { RunResult, RunStatus } from '../../engine/types.ts'

export function transactionResult(event: Record<string, any>, tx: Transaction, status: RunStatus, record: RunRecord): RunResult {
  if (status !== 'suspended') {
    const warning = linkWarning(tx)
    if (warning && !tx.warnings.some((given) => given.code === warning.code && given.into === warning.into)) tx.warnings.push(warning)
  }
  const methods = [...(Array.isArray(event.authentication?.methods) ? event.authentication.methods : []), ...tx.mfaMethods]
  return {
    status,
    ...record,
    user: tx.user,
    profileUpdates: { count: tx.writes.length, writes: tx.writes },
    idToken: null,
    accessToken: null,
    jwks: null,
    mfa: null,
    authentication: { methods, recordedMethods: tx.recordedMethods, primaryUser: tx.primaryUser },
    saml: tx.saml,
    samlResponse: null,
    session: tx.session,
    refreshToken: tx.refreshToken,
    transactionMetadata: tx.transactionMetadata,
    redirect: null,
    challenge: null,
    prompt: null,
    ...(tx.managementApi?.answered ? { managementApi: { changes: tx.managementApi.changes } } : {}),
    warnings: tx.warnings,
    resume: null,
  }
}
