/**
 * Run warnings (`RunWarning` in types.ts): a code, the values it is about and its English message. Each code's
 * message is built in one place, its builder; the page and flow tests select warnings by code and values, the CLI
 * prints their messages. The engine's builders are here; each trigger keeps its own in its folder's `warnings.ts`.
 */
import { STEP_LIMIT } from './limits.ts'
import type { DroppedClaim, RunWarning, RunWarningValues, TokenField } from './types.ts'

type Code = keyof RunWarningValues

/** A message builder for each of these codes. */
export type MessageBuilders<Codes extends Code> = { [C in Codes]: (values: RunWarningValues[C]) => string }

/** The function that makes the warnings of these builders' codes, each with its message. */
export function warningMaker<Codes extends Code>(messages: MessageBuilders<Codes>) {
  return <C extends Codes>(code: C, values: RunWarningValues[C]) =>
    ({ code, ...values, message: messages[code](values) }) as { code: C; message: string } & RunWarningValues[C]
}

export const TOKEN_NAMES: Record<TokenField, string> = { idToken: 'ID token', accessToken: 'access token' }

function dropReason(dropped: DroppedClaim): string {
  switch (dropped.reason) {
    case 'restricted': return 'it is a restricted claim'
    case 'auth0-namespace': return 'its namespace is an Auth0 domain'
    case 'auth0-api-not-namespaced': return 'access tokens for Auth0 APIs ignore non-namespaced claims'
    case 'scope-not-requested': return `it is an OIDC profile claim and the "${dropped.scope}" scope was not requested`
  }
}

export const ENGINE_MESSAGES: MessageBuilders<
  'claim-dropped' | 'opaque-access-token' | 'no-id-token' | 'console-output-dropped' | 'steps-dropped' | 'management-api-users-ignored' | 'management-api-unknown-roles' | 'linked-without-primary-user'
> = {
  'claim-dropped': (values) => `Auth0 drops the claim "${values.claim}" from the ${TOKEN_NAMES[values.token]}: ${dropReason(values)}.`,
  'opaque-access-token': () => 'No audience was requested, so Auth0 issues an opaque access token for /userinfo: its custom claims are not delivered.',
  'no-id-token': () => 'The "openid" scope was not requested, so Auth0 issues no ID token: its custom claims are not delivered.',
  'console-output-dropped': ({ action }) => `${action}: console output past 256 KiB was dropped, as Auth0 does.`,
  'steps-dropped': ({ limit }) => `Stepping recorded the first ${limit.toLocaleString('en-US')} statements the actions ran; the later ones were not recorded.`,
  'management-api-users-ignored': ({ ignored }) =>
    `The Management API stand-in ignored ${ignored.map((id) => (id === null ? 'a user without a user_id' : `a second user ${id}`)).join(', ')} in mocks.managementApi.users.`,
  'management-api-unknown-roles': ({ roles }) => `The Management API stand-in knows no role ${roles.join(', ')}: list the tenant's roles ({ id, name }) in mocks.managementApi.roles.`,
  'linked-without-primary-user': ({ into }) =>
    `The event's user was linked into ${into} as a secondary identity through the Management API stand-in, but no action called api.authentication.setPrimaryUser('${into}'): the login's user no longer exists on its own.`,
}

export const runWarning = warningMaker(ENGINE_MESSAGES)

/** Says once that stepping stopped recording (a continued run's steps follow the suspended run's, which may have said it). */
export function warnStepsDropped(warnings: RunWarning[]): void {
  if (!warnings.some((warning) => warning.code === 'steps-dropped')) warnings.push(runWarning('steps-dropped', { limit: STEP_LIMIT }))
}
