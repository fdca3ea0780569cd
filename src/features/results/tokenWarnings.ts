/** Which of a run's warnings the tokens view explains, and which are left for the details view. */

export type TokenName = 'ID token' | 'access token'

const DROPPED_CLAIM = 'Auth0 drops the claim'
/** The engine's warning for custom claims on an opaque access token; the tokens view explains that case itself. */
const OPAQUE_ACCESS_TOKEN = 'No audience was requested'

/** `Auth0 drops the claim "x" from the ID token: …` warnings for one token. */
export function droppedClaimWarnings(warnings: string[], token: TokenName): string[] {
  return warnings.filter((warning) => warning.startsWith(DROPPED_CLAIM) && warning.includes(` from the ${token}:`))
}

export function isTokenWarning(warning: string): boolean {
  return warning.startsWith(DROPPED_CLAIM) || warning.startsWith(OPAQUE_ACCESS_TOKEN)
}
