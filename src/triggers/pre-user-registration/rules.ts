/**
 * The pre-user-registration trigger's rules. Its actions are blocking: they run before the user is created, in order.
 * A deny or a validation error stops the flow after the current action and the signup fails; an uncaught error or
 * the time limit fail it too; after the last action the user is created, with the metadata the actions set, in one
 * write. No tokens are issued here (the login that may follow runs post-login), and nothing suspends or resumes.
 */
import { lazyProperty } from '../../engine/lazy.ts'
import { currentMetadata, metadataCopy, type Metadata } from '../../engine/runState.ts'
import { cloneJson } from '../../engine/serialize.ts'
import type { RunControl, TriggerRules } from '../../engine/trigger.ts'
import type { ProfileUpdate, RunResult } from '../../engine/types.ts'
import { preUserRegistrationNamespaces, type Registration, type RegistrationLocal } from './api.ts'

type Run = RunControl<Registration>

/**
 * Later actions see the metadata earlier actions set, in event.user. UNVERIFIED for this trigger (its API object says
 * only that the changes are aggregated and written at once); we follow post-login, where Auth0 documents that "the
 * metadata becomes available in the event.user object during the next action". The running action's copy never changes:
 * the view is taken as it starts, and the metadata is copied when first read.
 */
interface EventView { stored: Metadata; pending: Metadata }

function eventView(state: Registration): EventView {
  return {
    stored: state.managementApi?.eventMetadata ?? state.user,
    pending: { app_metadata: { ...state.pending.app_metadata }, user_metadata: { ...state.pending.user_metadata } },
  }
}

function eventPart(key: string, original: any, view: EventView): unknown {
  if (key !== 'user' || typeof original !== 'object' || original === null) return original
  for (const field of ['app_metadata', 'user_metadata'] as const) {
    const value = original[field]
    const isObject = typeof value === 'object' && value !== null && !Array.isArray(value)
    const queued = Object.keys(view.stored[field]).length > 0 || Object.keys(view.pending[field]).length > 0
    if (isObject || (value === undefined && queued)) lazyProperty(original, field, () => metadataCopy(view.stored[field], view.pending[field]))
  }
  return original
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

export const preUserRegistrationRules: TriggerRules<Registration, RegistrationLocal> = {
  createLocal: () => ({}),
  namespaces: preUserRegistrationNamespaces,
  eventView,
  eventPart,
  lazyEventKeys: ['user'],
  // An uncaught error fails the signup: the signup page shows Auth0's generic "extensibility error" rather than the
  // error's message (Auth0 community, "Universal Login page not showing friendly error message"). UNVERIFIED: the
  // exact `error`/`error_description` the application receives; we give extensibility_error with the message, as
  // Auth0 does for a deny, and post-login's time-limit description.
  failure: (kind, message) => kind === 'timeout'
    ? { code: 'extensibility_error', description: 'Request to Webtask exceeded allowed execution time' }
    : { code: 'extensibility_error', description: message },
  afterAction: (run, index) => afterAction(run, index),
  complete,
}
