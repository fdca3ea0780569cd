/**
 * What an action sees and what is queued at a point of a run, folded from the event and the timeline up to that
 * point: event.user's metadata as the next action will see it, the profile write waiting, the claims and scopes the
 * tokens will get, the redirect and its state, MFA and form requests, the cache. Calls that threw changed nothing.
 */
import type { JsonObject, TimelineEntry } from '../../engine/types.ts'

export interface StateSection {
  id: string
  title: string
  /** What the section shows, for someone new to it. */
  hint: string
  values: JsonObject
}

type Metadata = { app_metadata: JsonObject; user_metadata: JsonObject }
type MetadataKey = keyof Metadata

const METADATA_CALLS: Record<string, MetadataKey> = { 'api.user.setAppMetadata': 'app_metadata', 'api.user.setUserMetadata': 'user_metadata' }
const CLAIM_CALLS: Record<string, 'id' | 'access'> = { 'api.idToken.setCustomClaim': 'id', 'api.accessToken.setCustomClaim': 'access' }
const MFA_CALLS = new Set([
  'api.multifactor.enable', 'api.authentication.challengeWith', 'api.authentication.challengeWithAny',
  'api.authentication.enrollWith', 'api.authentication.enrollWithAny',
])

const objectOr = (value: unknown): JsonObject => (typeof value === 'object' && value !== null && !Array.isArray(value) ? value as JsonObject : {})

/** Metadata with queued changes applied: `null` removes a key (as Auth0 does with setAppMetadata(key, null)). */
function applied(target: JsonObject, changes: JsonObject): JsonObject {
  const out = { ...target }
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete out[key]
    else out[key] = value
  }
  return out
}

/** The state after the first `through` timeline entries of a run of `event`. */
export function stateAt(event: JsonObject, timeline: readonly TimelineEntry[], through: number): StateSection[] {
  const user = objectOr(event.user)
  const hasUser = event.user !== undefined
  let stored: Metadata = { app_metadata: objectOr(user.app_metadata), user_metadata: objectOr(user.user_metadata) }
  let pending: Metadata = { app_metadata: {}, user_metadata: {} }
  let writes = 0
  const claims = { id: {} as JsonObject, access: {} as JsonObject }
  const scopes = { added: [] as string[], removed: [] as string[] }
  const transaction: JsonObject = {}
  const redirect: JsonObject = {}
  const mfa: JsonObject = {}
  const cache: JsonObject = {}
  const access: JsonObject = {}

  for (const entry of timeline.slice(0, through)) {
    if (entry.error !== undefined) continue
    const [first, second] = entry.args
    const call = entry.call
    if (call in METADATA_CALLS && typeof first === 'string') {
      const key = METADATA_CALLS[call]
      pending = { ...pending, [key]: { ...pending[key], [first]: second ?? null } }
    } else if (call === 'profile.update') {
      stored = { app_metadata: applied(stored.app_metadata, pending.app_metadata), user_metadata: applied(stored.user_metadata, pending.user_metadata) }
      pending = { app_metadata: {}, user_metadata: {} }
      writes++
    } else if (call in CLAIM_CALLS && typeof first === 'string') {
      claims[CLAIM_CALLS[call]][first] = second ?? null
    } else if (call === 'api.accessToken.addScope' && typeof first === 'string') {
      scopes.removed = scopes.removed.filter((scope) => scope !== first)
      if (!scopes.added.includes(first)) scopes.added.push(first)
    } else if (call === 'api.accessToken.removeScope' && typeof first === 'string') {
      scopes.added = scopes.added.filter((scope) => scope !== first)
      if (!scopes.removed.includes(first)) scopes.removed.push(first)
    } else if (call === 'api.transaction.setMetadata' && typeof first === 'string') {
      transaction[first] = second ?? null
    } else if (call === 'api.redirect.encodeToken' && typeof entry.returned === 'string') {
      redirect.session_token = entry.returned
    } else if (call === 'api.redirect.sendUserTo' && typeof first === 'string') {
      redirect.sendUserTo = first
    } else if (call === 'redirect') {
      const url = String(objectOr(first).url ?? '')
      redirect.url = url
      redirect.state = URL.canParse(url) ? new URL(url).searchParams.get('state') : null
    } else if (call === 'flow.continue') {
      redirect.continued_with = objectOr(first).query ?? {}
    } else if (MFA_CALLS.has(call) || call === 'api.prompt.render') {
      mfa[call.slice('api.'.length)] = entry.args
    } else if (call === 'api.cache.set' && typeof first === 'string') {
      cache[first] = second ?? null
    } else if (call === 'api.cache.delete' && typeof first === 'string') {
      delete cache[first]
    } else if (call === 'api.access.deny' || call === 'api.validation.error') {
      access[call.slice('api.'.length)] = entry.args
    }
  }

  const sections: StateSection[] = []
  const add = (id: string, title: string, hint: string, values: JsonObject, always = false) => {
    if (always || Object.keys(values).length) sections.push({ id, title, hint, values })
  }
  if (hasUser) {
    const next = { app_metadata: applied(stored.app_metadata, pending.app_metadata), user_metadata: applied(stored.user_metadata, pending.user_metadata) }
    add('user', 'event.user (as the next action sees it)', 'Stored metadata with the changes queued so far.', next, true)
    const queued: JsonObject = {}
    for (const key of ['app_metadata', 'user_metadata'] as const) {
      for (const [name, value] of Object.entries(pending[key])) queued[`${key}.${name}`] = value
    }
    add('pending', 'Queued profile write', `Written once: before a redirect or after the last action. ${writes === 0 ? 'No write yet.' : `${writes} write${writes === 1 ? '' : 's'} so far.`}`, queued, true)
  }
  add('access', 'Access', 'The login is refused once this action ends.', access)
  add('id-claims', 'ID token claims', 'Custom claims the ID token will carry.', claims.id)
  add('access-claims', 'Access token claims', 'Custom claims the access token will carry.', claims.access)
  add('scopes', 'Access token scopes', 'Changes to the scope claim.', {
    ...(scopes.added.length ? { added: scopes.added } : {}), ...(scopes.removed.length ? { removed: scopes.removed } : {}),
  })
  add('transaction', 'event.transaction.metadata', 'Kept for the rest of this login only.', transaction)
  add('redirect', 'Redirect', 'Where the user is sent and what must come back to /continue.', redirect)
  add('mfa', 'MFA and forms', 'What Auth0 asks of the user.', mfa)
  add('cache', 'Cache', 'Entries set in this run.', cache)
  return sections
}

/** The `section.key`s whose values differ between two states (added, changed or removed). */
export function changedKeys(before: StateSection[], after: StateSection[]): Set<string> {
  const flat = (sections: StateSection[]) => new Map(sections.flatMap((section) =>
    Object.entries(section.values).map(([key, value]) => [`${section.id}.${key}`, JSON.stringify(value)] as const)))
  const old = flat(before)
  const now = flat(after)
  const changed = new Set<string>()
  for (const [key, value] of now) if (old.get(key) !== value) changed.add(key)
  for (const key of old.keys()) if (!now.has(key)) changed.add(key)
  return changed
}
