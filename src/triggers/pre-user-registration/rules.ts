/**
 * The pre-user-registration trigger's rules. Its actions are blocking: they run before the user is created, in order.
 * A deny or a validation error stops the flow after the current action and the signup fails; an uncaught error or
 * the time limit fail it too; after the last action the user is created, with the metadata the actions set, in one
 * write. No tokens are issued here (the login that may follow runs post-login), and nothing suspends or resumes.
 */
import { createRunState, currentMetadata, metadataForEvent } from '../../engine/runState.ts'
import { cloneJson } from '../../engine/serialize.ts'
import type { RunControl, RunRecord, TriggerRules } from '../../engine/trigger.ts'
import type { JsonObject, ProfileUpdate, RunResult, RunStatus } from '../../engine/types.ts'
import { PASSWORDLESS_STRATEGIES, preUserRegistrationNamespaces, type Registration, type RegistrationLocal } from './api.ts'

type Run = RunControl<Registration>

function createState(event: Record<string, any>): Registration {
  const strategy = typeof event.connection?.strategy === 'string' ? event.connection.strategy : ''
  const state: Registration = { ...createRunState(event), strategy, rejection: null }
  // "The pre-user-registration trigger runs when a user attempts to register through a Database or Passwordless
  // connection" (the trigger's page): a social or enterprise signup never runs these actions.
  if (strategy && strategy !== 'auth0' && !PASSWORDLESS_STRATEGIES.includes(strategy)) {
    state.warnings.push(`Auth0 runs pre-user-registration only for database (strategy "auth0") and passwordless ("email", "sms") connections; a signup through a "${strategy}" connection would not run these actions.`)
  }
  return state
}

/**
 * Later actions see the metadata earlier actions set, in event.user. UNVERIFIED for this trigger (its API object says
 * only that the changes are aggregated and written at once); we follow post-login, where Auth0 documents that "the
 * metadata becomes available in the event.user object during the next action". The running action's copy never changes.
 */
function eventFor(event: Record<string, any>, state: Registration) {
  if (typeof event.user !== 'object' || event.user === null) return
  const metadata = metadataForEvent(state)
  for (const field of ['app_metadata', 'user_metadata'] as const) {
    const original = event.user[field]
    const isObject = typeof original === 'object' && original !== null && !Array.isArray(original)
    if (isObject || (original === undefined && Object.keys(metadata[field]).length)) event.user[field] = metadata[field]
  }
}

function afterAction(run: Run, index: number): Promise<RunResult> | null {
  const rejection = run.state.rejection
  if (!rejection) {
    run.endAction(index, 'ok')
    return null
  }
  // "The signup flow will immediately stop following the completion of this action and no further Actions will be
  // executed" (api.access.deny). The user is not created, so the metadata the actions set is never written.
  run.endAction(index, 'denied')
  const { code, description, userMessage, action } = rejection
  return run.stop('denied', { code, description, ...(userMessage === undefined ? {} : { userMessage }), action })
}

/** After the last action the user is created, with its metadata as the actions left it: one write, `creation`. */
async function complete(run: Run): Promise<RunResult> {
  const state = run.state
  state.user = currentMetadata(state)
  state.pending = { app_metadata: {}, user_metadata: {} }
  const write: ProfileUpdate = { when: 'creation', app_metadata: cloneJson(state.user.app_metadata), user_metadata: cloneJson(state.user.user_metadata) }
  state.writes.push(write)
  const user = (run.doc.event as Record<string, any>).user ?? {}
  const identifier = ['email', 'phone_number', 'username'].map((field) => user[field]).find((value) => typeof value === 'string' && value)
  run.record('user.created', { connection: (run.doc.event as Record<string, any>).connection?.name ?? null, ...(identifier ? { identifier } : {}), ...write })
  return run.finish(run.result('completed'))
}

function result(_event: Record<string, any>, state: Registration, status: RunStatus, record: RunRecord): RunResult {
  return {
    status,
    ...record,
    user: state.user,
    profileUpdates: { count: state.writes.length, writes: state.writes },
    idToken: null,
    accessToken: null,
    jwks: null,
    mfa: null,
    authentication: { methods: [], recordedMethods: [], primaryUser: null },
    saml: null,
    samlResponse: null,
    session: null,
    refreshToken: null,
    transactionMetadata: {} as JsonObject,
    redirect: null,
    challenge: null,
    prompt: null,
    ...(state.managementApi?.answered ? { managementApi: { changes: state.managementApi.changes } } : {}),
    warnings: state.warnings,
    resume: null,
  }
}

export const preUserRegistrationRules: TriggerRules<Registration, RegistrationLocal> = {
  createState,
  createLocal: () => ({}),
  namespaces: preUserRegistrationNamespaces,
  eventFor,
  // An uncaught error fails the signup: the signup page shows Auth0's generic "extensibility error" rather than the
  // error's message (Auth0 community, "Universal Login page not showing friendly error message"). UNVERIFIED: the
  // exact `error`/`error_description` the application receives; we give extensibility_error with the message, as
  // Auth0 does for a deny, and post-login's time-limit description.
  failure: (kind, message) => kind === 'timeout'
    ? { code: 'extensibility_error', description: 'Request to Webtask exceeded allowed execution time' }
    : { code: 'extensibility_error', description: message },
  afterAction: (run, index) => afterAction(run, index),
  complete,
  result,
}
