/**
 * What every trigger's run keeps, whatever else its rules add: the user's metadata as stored and as queued,
 * the profile writes, the warnings and the Management API stand-in's state. Plain JSON, so a suspended run can
 * carry it and be continued later.
 */
import type { ManagementApiState } from './managementApi.ts'
import { setOwn } from './serialize.ts'
import type { RunRecord } from './trigger.ts'
import type { JsonObject, JsonValue, ProfileUpdate, RunResult, RunStatus, RunWarning } from './types.ts'
import { runWarning } from './warnings.ts'

export interface Metadata {
  app_metadata: JsonObject
  user_metadata: JsonObject
}

export interface RunState {
  /** The user's metadata as stored (after the profile writes so far). */
  user: Metadata
  /** Changes queued since the last write; `null` removes a key. */
  pending: Metadata
  writes: ProfileUpdate[]
  /** The user the tokens are issued for, when an action changed it (post-login's setPrimaryUser). */
  primaryUser: string | null
  warnings: RunWarning[]
  /** The Management API stand-in's directory and changes, from its first request on (managementApi.ts). */
  managementApi?: ManagementApiState
}

export function objectOr(value: unknown): JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : {}
}

export function createRunState(event: Record<string, any>): RunState {
  return {
    user: structuredClone({ app_metadata: objectOr(event.user?.app_metadata), user_metadata: objectOr(event.user?.user_metadata) }),
    pending: { app_metadata: {}, user_metadata: {} },
    writes: [],
    primaryUser: null,
    warnings: [],
  }
}

export function applyChanges(target: JsonObject, changes: JsonObject): JsonObject {
  const out = { ...target }
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete out[key]
    else setOwn(out, key, value)
  }
  return out
}

/**
 * A copy of stored and queued metadata (`app_metadata` or `user_metadata`) for an action's event: nested values are
 * copied, so the action cannot change the run's state through them. Writes through the Management API are not in it:
 * the event carries the profile the login started with and the trigger's own changes only (so `stored` is
 * `managementApi.eventMetadata` when there is one).
 */
export function metadataCopy(stored: JsonObject, pending: JsonObject): JsonObject {
  const out: JsonObject = {}
  for (const source of [stored, pending]) {
    for (const key in source) {
      const value = source[key]
      if (value === null && source === pending) delete out[key]
      else setOwn(out, key, typeof value === 'object' && value !== null ? structuredClone(value) : value)
    }
  }
  return out
}

type MetadataField = keyof Metadata

/**
 * The changes queued on one `pending` object, in order, from a copy of it taken when the first was queued: so a
 * view of what is queued costs the same however much is queued (copying the queue for every action grew with
 * actions squared), and the queue as it was is rebuilt only when an action reads it. A new `pending` object (after
 * a write, or in a continued run's copy of the state) starts a new log.
 */
interface QueueLog {
  base: Metadata
  /** A key queued (its value), or taken off the queue (undefined). */
  changes: [MetadataField, string, JsonValue | undefined][]
}

/**
 * The log lives on the queue it records, under a hidden key that copies of the state leave out. Not in a WeakMap: a
 * collector of young objects keeps alive whatever an old WeakMap's entries hold, every run's queued changes included.
 */
const QUEUE_LOG = Symbol('queue log')

function queueLog(pending: Metadata & { [QUEUE_LOG]?: QueueLog }): QueueLog {
  let log = pending[QUEUE_LOG]
  if (!log) {
    log = { base: { app_metadata: { ...pending.app_metadata }, user_metadata: { ...pending.user_metadata } }, changes: [] }
    Object.defineProperty(pending, QUEUE_LOG, { value: log })
  }
  return log
}

/** Queues a metadata change (`null` removes the key when written). Every queued change goes through here or `unqueue`. */
export function queueMetadata(state: RunState, field: MetadataField, key: string, value: JsonValue) {
  const log = queueLog(state.pending)
  setOwn(state.pending[field], key, value)
  log.changes.push([field, key, value])
}

/** Takes a queued change off the queue, as if it had never been asked for. */
export function unqueueMetadata(state: RunState, field: MetadataField, key: string) {
  const log = queueLog(state.pending)
  delete state.pending[field][key]
  log.changes.push([field, key, undefined])
}

/** What is queued now, for later: constant time. */
export interface QueuedView { log: QueueLog; length: number }

export function queuedView(state: RunState): QueuedView {
  const log = queueLog(state.pending)
  return { log, length: log.changes.length }
}

/**
 * Whether the metadata an action's event shows is the event's own: nothing written, nothing queued when the view was
 * taken, no Management API stand-in in play (whose writes the event leaves out).
 */
export function metadataAsStarted(state: RunState, view: QueuedView): boolean {
  const { base } = view.log
  return view.length === 0 && state.writes.length === 0 && !state.managementApi
    && Object.keys(base.app_metadata).length === 0 && Object.keys(base.user_metadata).length === 0
}

/** The queued changes of one field as they were when the view was taken. */
export function queuedAt(view: QueuedView, field: MetadataField): JsonObject {
  const out: JsonObject = { ...view.log.base[field] }
  for (let i = 0; i < view.length; i++) {
    const [changed, key, value] = view.log.changes[i]
    if (changed !== field) continue
    if (value === undefined) delete out[key]
    else setOwn(out, key, value)
  }
  return out
}

/** The metadata later actions see: what is stored plus what is queued. */
export function currentMetadata(state: RunState): Metadata {
  return {
    app_metadata: applyChanges(state.user.app_metadata, state.pending.app_metadata),
    user_metadata: applyChanges(state.user.user_metadata, state.pending.user_metadata),
  }
}

/** Writes the queued metadata changes as one profile update; returns it, or null when nothing was queued. */
export function flushMetadata(state: RunState, when: ProfileUpdate['when']): ProfileUpdate | null {
  const { app_metadata, user_metadata } = state.pending
  if (!Object.keys(app_metadata).length && !Object.keys(user_metadata).length) return null
  const write: ProfileUpdate = { when, app_metadata, user_metadata }
  const eventView = state.managementApi?.eventMetadata
  if (eventView) {
    state.managementApi!.eventMetadata = {
      app_metadata: applyChanges(eventView.app_metadata, app_metadata),
      user_metadata: applyChanges(eventView.user_metadata, user_metadata),
    }
  }
  state.user = currentMetadata(state)
  state.pending = { app_metadata: {}, user_metadata: {} }
  state.writes.push(write)
  return write
}

/** Said at the end of a run whose event's user was linked into another user that the tokens are not issued for. */
export function linkWarning(tx: RunState): Extract<RunWarning, { code: 'linked-without-primary-user' }> | undefined {
  const into = tx.managementApi?.linkedInto
  if (!into || tx.primaryUser === into) return undefined
  return runWarning('linked-without-primary-user', { into })
}

/** The result of a trigger that issues no ID token, leaves no login behind and never suspends: the state's metadata and writes. */
export function plainResult(state: RunState, status: RunStatus, record: RunRecord): RunResult {
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
    transactionMetadata: {},
    redirect: null,
    challenge: null,
    prompt: null,
    ...(state.managementApi?.answered ? { managementApi: { changes: state.managementApi.changes } } : {}),
    warnings: state.warnings,
    resume: null,
  }
}
