/** Which of a run's warnings the tokens view explains, and which are left for the details view: chosen by code. */
import type { RunWarning, TokenField } from '../../engine/types.ts'

type DroppedClaimWarning = Extract<RunWarning, { code: 'claim-dropped' }>

/** The claims Auth0 drops from one token. */
export function droppedClaimWarnings(warnings: RunWarning[], token: TokenField): DroppedClaimWarning[] {
  return warnings.filter((warning): warning is DroppedClaimWarning => warning.code === 'claim-dropped' && warning.token === token)
}

/** The dropped claims, and custom claims on an opaque access token: the tokens view explains that case itself. */
export function isTokenWarning(warning: RunWarning): boolean {
  return warning.code === 'claim-dropped' || warning.code === 'opaque-access-token'
}
