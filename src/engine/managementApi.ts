/**
 * A stand-in for the tenant's Management API: actions that call `https://<tenant>/oauth/token` and `/api/v2/...`
 * (by hand, or through the `auth0` SDK's ManagementClient, which calls with fetch) get answers made from the flow's own
 * state when no HTTP mock of the flow answers first.
 *
 * - Which requests: `https:` URLs whose path is `/oauth/token` or under `/api/v2/`, on an Auth0 domain
 *   (`<tenant>.auth0.com`, `<tenant>.<region>.auth0.com`) or on the event's own host names (`request.hostname`,
 *   `custom_domain.domain`). Endpoints it does not know stay unanswered, so they fail as a request without a mock does.
 * - The tenant's users: the event's user (its metadata as stored: the trigger's queued changes are written at the end)
 *   and the flow's `mocks.managementApi.users`; the tenant's roles: `mocks.managementApi.roles` and the names in
 *   `event.authorization.roles` (given stable made-up ids when no role of the mocks has that name).
 * - Tokens: the client-credentials grant issues an HS256 JWT of the stand-in; `/api/v2` checks it (signature, expiry,
 *   audience) or accepts a token a mock of the flow answered from the tenant's token endpoint in this run. Scopes are
 *   not enforced.
 * - Writes: a PATCH of the event's user's metadata is its own profile write (`when: 'management-api'`), apart from
 *   the trigger's single write; later GETs see it, the event of later actions does not (it carries the profile the
 *   login started with). Role assignments, account links and other profile changes are listed in
 *   `result.managementApi.changes`.
 *
 * Its state lives in the transaction (`tx.managementApi`), plain JSON, so a suspended run carries it to /continue.
 */
import { base64url } from 'jose'
import { hmac } from '@noble/hashes/hmac.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { cloneJson, setOwn } from './serialize.ts'
import { applyChanges, type RunState } from './runState.ts'
import type { JsonObject, JsonValue, ManagementApiChange } from './types.ts'
import { runWarning } from './warnings.ts'

export const STAND_IN = 'management-api' as const

/** `document.mocks.managementApi`: the rest of the tenant, as the stand-in knows it. */
export interface ManagementApiMocks {
  /** Users of the tenant besides the event's user: Management API user objects, each with a `user_id`; `roles` lists role ids or names. */
  users?: unknown[]
  /** Roles of the tenant: `{ id, name, description? }`. */
  roles?: unknown[]
}

interface DirectoryUser {
  /** The user as the Management API returns it; the event's user's metadata lives in `tx.user` instead. */
  record: JsonObject
  /** Role ids. */
  roles: string[]
}

interface Role {
  id: string
  name: string
  description: string
}

export interface ManagementApiState {
  /** The event's user first, then the mocks' users; a user linked into another one is removed. */
  users: DirectoryUser[]
  roles: Role[]
  changes: ManagementApiChange[]
  /** The event's user's metadata as the actions' event shows it, once a Management API write made the stored one differ. */
  eventMetadata: RunState['user'] | null
  /** Access tokens the flow's own mocks answered from the tenant's token endpoint: accepted like the stand-in's. */
  mockedTokens: string[]
  /** Set when the event's user became a secondary identity of another user. */
  linkedInto: string | null
  /** Whether the stand-in answered a request yet (the result shows it from then on). */
  answered: boolean
}

export interface StandInRequest {
  method: string
  url: string
  headers: Record<string, string>
  body: JsonValue
}

export interface StandInResponse {
  status: number
  headers: Record<string, string>
  /** `undefined`: no body (204). */
  body: JsonValue | undefined
}

export interface ManagementApiOptions {
  tx: RunState
  /** The flow document's event. */
  event: Record<string, any>
  mocks: ManagementApiMocks | undefined
  now(): number
  /** The running action's name. */
  action: string
}

export interface ManagementApiStandIn {
  /** The stand-in's answer, or `undefined` when it does not answer this request. */
  answer(request: StandInRequest): StandInResponse | undefined
  /** A mock of the flow answered `request`: remembers an access token it issued from the tenant's token endpoint. */
  observeMock(request: StandInRequest, status: number, body: unknown): void
  /** Why no one answered a request to the tenant: for the error the action gets. */
  unanswered(method: string, url: string): string | undefined
}

/** The endpoints the README lists; the error for an unanswered tenant request names them. */
export const ENDPOINTS = [
  'POST /oauth/token (client_credentials)',
  'GET /api/v2/users/{id}',
  'PATCH /api/v2/users/{id}',
  'GET /api/v2/users-by-email',
  'GET /api/v2/users/{id}/roles',
  'POST /api/v2/users/{id}/roles',
  'POST /api/v2/users/{id}/identities',
  'GET /api/v2/roles',
] as const

/** A day, the lifetime of Management API tokens Auth0 issues by default. */
export const TOKEN_LIFETIME_SECONDS = 86_400
/** Reported in the token response; the stand-in enforces none of them. */
export const TOKEN_SCOPES = 'read:users update:users read:roles create:role_members read:users_app_metadata update:users_app_metadata create:users_app_metadata'
const SIGNING_SECRET = 'actions-playground/management-api-stand-in'
const KEY_ID = 'actions-playground-management-api'

const AUTH0_HOST = /^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)?\.auth0\.com$/i
const NON_SOCIAL = new Set(['auth0', 'email', 'sms', 'samlp', 'waad', 'adfs', 'ad', 'oidc', 'okta', 'pingfederate', 'google-apps', 'office365', 'ip'])

// ---- which requests ---------------------------------------------------------------------------------------

/** An Auth0 domain of a tenant, or a host name the event gives for this login (its custom domain). */
export function isTenantHost(host: string, event: Record<string, any>): boolean {
  const name = host.toLowerCase()
  if (AUTH0_HOST.test(name)) return true
  const own = [event.request?.hostname, event.custom_domain?.domain].filter((value): value is string => typeof value === 'string')
  return own.some((value) => value.toLowerCase() === name)
}

/** A request the stand-in looks at: the token endpoint or the Management API of a tenant domain. */
export function isManagementApiUrl(url: string, event: Record<string, any>): boolean {
  let parsed: URL
  try { parsed = new URL(url) } catch { return false }
  if (parsed.protocol !== 'https:' || parsed.port !== '' || !isTenantHost(parsed.hostname, event)) return false
  return parsed.pathname === '/oauth/token' || parsed.pathname.startsWith('/api/v2/')
}

// ---- responses --------------------------------------------------------------------------------------------

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' }

function json(status: number, body: JsonValue): StandInResponse {
  return { status, headers: { ...JSON_HEADERS }, body }
}

const ERROR_NAMES: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict' }

/** Auth0's Management API error: `{ statusCode, error, message, errorCode? }`. */
function apiError(status: number, message: string, errorCode?: string): StandInResponse {
  return json(status, { statusCode: status, error: ERROR_NAMES[status] ?? 'Error', message, ...(errorCode ? { errorCode } : {}) })
}

/** A 401 about the token, with the `attributes` Auth0 adds to these. */
function tokenError(message: string): StandInResponse {
  return json(401, { statusCode: 401, error: 'Unauthorized', message, attributes: { error: message } })
}

/** The Authentication API's error: `{ error, error_description }`. */
function oauthError(status: number, error: string, description: string): StandInResponse {
  return json(status, { error, error_description: description })
}

const notFound = () => apiError(404, 'The user does not exist.', 'inexistent_user')

// ---- tokens -----------------------------------------------------------------------------------------------

const encoder = new TextEncoder()

function signature(signingInput: string): string {
  return base64url.encode(hmac(sha256, encoder.encode(SIGNING_SECRET), encoder.encode(signingInput)))
}

export function signStandInToken(claims: JsonObject): string {
  const header = base64url.encode(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: KEY_ID }))
  const payload = base64url.encode(JSON.stringify(claims))
  return `${header}.${payload}.${signature(`${header}.${payload}`)}`
}

type TokenCheck = { ok: true; claims: JsonObject } | { ok: false; reason: 'malformed' | 'signature' }

function checkToken(token: string): TokenCheck {
  const parts = token.split('.')
  if (parts.length !== 3) return { ok: false, reason: 'malformed' }
  let claims: unknown
  try { claims = JSON.parse(new TextDecoder().decode(base64url.decode(parts[1]))) } catch { return { ok: false, reason: 'malformed' } }
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) return { ok: false, reason: 'malformed' }
  if (signature(`${parts[0]}.${parts[1]}`) !== parts[2]) return { ok: false, reason: 'signature' }
  return { ok: true, claims: claims as JsonObject }
}

// ---- request bodies ---------------------------------------------------------------------------------------

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A JSON body as an object; a string that is not JSON is `undefined`. */
function jsonBody(body: JsonValue): JsonValue | undefined {
  if (typeof body !== 'string') return body
  try { return JSON.parse(body) as JsonValue } catch { return undefined }
}

/** The parameters of a token request: JSON or form-encoded, as Auth0 takes either. */
function tokenParameters(body: JsonValue): Record<string, JsonValue> {
  const parsed = jsonBody(body)
  if (isObject(parsed)) return parsed
  if (typeof body === 'string') {
    const out: Record<string, JsonValue> = {}
    new URLSearchParams(body).forEach((value, key) => setOwn(out, key, value))
    return out
  }
  return {}
}

function text(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

function typeName(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value
}

// ---- the directory ----------------------------------------------------------------------------------------

/** A role id like Auth0's (`rol_` and 16 letters or digits), the same for the same name on every run. */
export function roleIdFor(name: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  const digest = sha256(encoder.encode(`role:${name}`))
  let id = 'rol_'
  for (let i = 0; i < 16; i++) id += alphabet[digest[i] % alphabet.length]
  return id
}

/** The primary identity Auth0 gives a user id `provider|id`. */
function identityOf(userId: string): JsonObject {
  const bar = userId.indexOf('|')
  const provider = bar > 0 ? userId.slice(0, bar) : 'auth0'
  const id = bar > 0 ? userId.slice(bar + 1) : userId
  return { connection: provider === 'auth0' ? 'Username-Password-Authentication' : provider, provider, user_id: id, isSocial: !NON_SOCIAL.has(provider) }
}

function initialState(options: ManagementApiOptions): ManagementApiState {
  const { event, mocks, tx } = options
  const roles: Role[] = []
  for (const role of mocks?.roles ?? []) {
    if (isObject(role) && typeof role.id === 'string' && typeof role.name === 'string' && !roles.some((known) => known.id === role.id)) {
      roles.push({ id: role.id, name: role.name, description: typeof role.description === 'string' ? role.description : '' })
    }
  }
  const roleId = (ref: string): string => {
    const known = roles.find((role) => role.id === ref) ?? roles.find((role) => role.name === ref)
    if (known) return known.id
    const role = { id: roleIdFor(ref), name: ref, description: '' }
    roles.push(role)
    return role.id
  }
  const roleIds = (refs: unknown): string[] => (Array.isArray(refs) ? refs.filter((ref): ref is string => typeof ref === 'string' && ref !== '').map(roleId) : [])

  const users: DirectoryUser[] = []
  const user = event.user
  if (isObject(user) && typeof user.user_id === 'string') {
    const record = cloneJson(user) as JsonObject
    // The event's own fields that are no part of a Management API user; the metadata is read from the transaction.
    for (const field of ['enrolledFactors', 'app_metadata', 'user_metadata']) delete record[field]
    if (typeof event.stats?.logins_count === 'number' && record.logins_count === undefined) record.logins_count = event.stats.logins_count
    users.push({ record, roles: roleIds(event.authorization?.roles) })
  }
  const ignored: (string | null)[] = []
  for (const extra of mocks?.users ?? []) {
    if (!isObject(extra) || typeof extra.user_id !== 'string' || extra.user_id === '') { ignored.push(null); continue }
    if (users.some((known) => known.record.user_id === extra.user_id)) { ignored.push(extra.user_id); continue }
    const { roles: refs, ...fields } = cloneJson(extra) as JsonObject
    const record: JsonObject = { ...fields }
    if (!isObject(record.app_metadata)) record.app_metadata = {}
    if (!isObject(record.user_metadata)) record.user_metadata = {}
    if (!Array.isArray(record.identities)) record.identities = [identityOf(extra.user_id)]
    users.push({ record, roles: roleIds(refs) })
  }
  if (ignored.length) tx.warnings.push(runWarning('management-api-users-ignored', { ignored }))
  return { users, roles, changes: [], eventMetadata: null, mockedTokens: [], linkedInto: null, answered: false }
}

// ---- the stand-in -----------------------------------------------------------------------------------------

type Handler = (id: string | null) => StandInResponse

export function createManagementApi(options: ManagementApiOptions): ManagementApiStandIn {
  const { tx, event } = options
  const state = (): ManagementApiState => (tx.managementApi ??= initialState(options))
  const eventUserId = (): string | undefined => (typeof event.user?.user_id === 'string' ? event.user.user_id : undefined)
  const find = (id: string) => state().users.find((user) => user.record.user_id === id)
  const isEventUser = (user: DirectoryUser) => user.record.user_id === eventUserId()
  const nowSeconds = () => Math.floor(options.now() / 1000)

  /** The user as the Management API returns it. */
  function output(user: DirectoryUser): JsonObject {
    const record = cloneJson(user.record) as JsonObject
    if (isEventUser(user)) {
      record.app_metadata = cloneJson(tx.user.app_metadata)
      record.user_metadata = cloneJson(tx.user.user_metadata)
    }
    return record
  }

  function withFields(user: JsonObject, url: URL): JsonObject {
    const fields = url.searchParams.get('fields')
    if (!fields) return user
    const names = new Set(fields.split(',').map((name) => name.trim()).filter(Boolean))
    const include = url.searchParams.get('include_fields') !== 'false'
    const out: JsonObject = {}
    for (const [key, value] of Object.entries(user)) if (names.has(key) === include) setOwn(out, key, value)
    return out
  }

  function record(change: ManagementApiChange) {
    state().changes.push(change)
  }

  // ---- /oauth/token ----

  function token(url: URL, request: StandInRequest): StandInResponse | undefined {
    if (request.method !== 'POST') return undefined
    const params = tokenParameters(request.body)
    const grant = text(params.grant_type)
    if (!grant) return oauthError(400, 'invalid_request', 'Missing required parameter: grant_type')
    // Other grants (password, refresh_token, …) are the flow's mocks' to answer.
    if (grant !== 'client_credentials') return undefined
    let clientId = text(params.client_id)
    let secret = text(params.client_secret) ?? text(params.client_assertion)
    const basic = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '')
    if (basic) {
      try {
        const [id, ...rest] = atob(basic[1]).split(':')
        clientId ??= decodeURIComponent(id)
        secret ??= decodeURIComponent(rest.join(':')) || undefined
      } catch { /* not Basic credentials after all */ }
    }
    if (!clientId || !secret) return oauthError(401, 'access_denied', 'Unauthorized')
    const audience = text(params.audience)
    if (!audience) return oauthError(403, 'access_denied', 'No audience parameter was provided, and no default audience has been configured')
    const management = /^https:\/\/([^/]+)\/api\/v2\/?$/.exec(audience)
    // The Management API's identifier ends with a slash; without it Auth0 knows no such API.
    if (management && (!audience.endsWith('/') || !isTenantHost(management[1], event))) {
      return oauthError(403, 'access_denied', `Service not found: ${audience}`)
    }
    const iat = nowSeconds()
    const scope = management ? TOKEN_SCOPES : ''
    const accessToken = signStandInToken({
      iss: `https://${url.hostname}/`, sub: `${clientId}@clients`, aud: audience, iat, exp: iat + TOKEN_LIFETIME_SECONDS,
      scope, gty: 'client-credentials', azp: clientId,
    })
    return json(200, { access_token: accessToken, scope, expires_in: TOKEN_LIFETIME_SECONDS, token_type: 'Bearer' })
  }

  // ---- /api/v2 ----

  function authenticate(url: URL, headers: Record<string, string>): StandInResponse | null {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '')
    if (!bearer) return apiError(401, 'Missing authentication')
    const value = bearer[1]
    if (state().mockedTokens.includes(value)) return null
    const checked = checkToken(value)
    if (!checked.ok) return tokenError(checked.reason === 'malformed' ? 'Invalid token' : 'Invalid signature received for JSON Web Token validation')
    const { exp, aud } = checked.claims
    if (typeof exp !== 'number' || exp <= nowSeconds()) return tokenError('Expired token received for JSON Web Token validation')
    const audiences = Array.isArray(aud) ? aud : [aud]
    if (!audiences.includes(`https://${url.hostname}/api/v2/`)) return tokenError(`Bad audience: ${audiences.map(String).join(' ')}`)
    return null
  }

  function getUser(url: URL, id: string): StandInResponse {
    const user = find(id)
    return user ? json(200, withFields(output(user), url)) : notFound()
  }

  function patchUser(request: StandInRequest, id: string): StandInResponse {
    const user = find(id)
    if (!user) return notFound()
    const body = jsonBody(request.body)
    if (!isObject(body)) {
      return apiError(400, body === undefined ? 'Invalid request payload JSON format' : `Payload validation error: 'Expected type object but found type ${typeName(body)}'.`, 'invalid_body')
    }
    for (const field of ['app_metadata', 'user_metadata'] as const) {
      if (field in body && !isObject(body[field])) {
        return apiError(400, `Payload validation error: 'Expected type object but found type ${typeName(body[field])}' on property ${field}.`, 'invalid_body')
      }
    }
    if ('user_id' in body) return apiError(400, "Payload validation error: 'Additional properties not allowed: user_id'.", 'invalid_body')
    const metadata: { app_metadata: JsonObject; user_metadata: JsonObject } = { app_metadata: {}, user_metadata: {} }
    const stored = isEventUser(user) ? tx.user : (user.record as unknown as RunState['user'])
    const next = { app_metadata: stored.app_metadata, user_metadata: stored.user_metadata }
    for (const field of ['app_metadata', 'user_metadata'] as const) {
      const patch = body[field]
      if (!isObject(patch)) continue
      // Auth0 merges the top-level properties only (a nested object is replaced), null removes one, {} removes all.
      const changes: JsonObject = {}
      if (Object.keys(patch).length === 0) for (const key of Object.keys(stored[field] ?? {})) setOwn(changes, key, null)
      else for (const [key, value] of Object.entries(patch)) setOwn(changes, key, cloneJson(value))
      metadata[field] = changes
      next[field] = applyChanges(stored[field] ?? {}, changes)
    }
    const others: JsonObject = {}
    for (const [key, value] of Object.entries(body)) {
      if (key === 'app_metadata' || key === 'user_metadata') continue
      // Write-only settings of the request, not fields of the user.
      if (['password', 'connection', 'client_id', 'verify_email', 'verify_password', 'verify_phone_number'].includes(key)) {
        setOwn(others, key, key === 'password' ? '(set)' : cloneJson(value))
        continue
      }
      setOwn(others, key, cloneJson(value))
      setOwn(user.record, key, cloneJson(value))
    }
    user.record.updated_at = new Date(options.now()).toISOString()
    const wroteMetadata = Object.keys(metadata.app_metadata).length > 0 || Object.keys(metadata.user_metadata).length > 0
    if (isEventUser(user)) {
      if (wroteMetadata) {
        const s = state()
        s.eventMetadata ??= cloneJson(tx.user) as RunState['user']
        tx.user = next
        tx.writes.push({ when: 'management-api', app_metadata: metadata.app_metadata, user_metadata: metadata.user_metadata, action: options.action })
      }
    } else {
      user.record.app_metadata = next.app_metadata
      user.record.user_metadata = next.user_metadata
    }
    const fields: JsonObject = { ...others }
    for (const field of ['app_metadata', 'user_metadata'] as const) if (field in body) fields[field] = cloneJson(body[field])
    record({ kind: 'user.update', action: options.action, user_id: id, fields })
    return json(200, output(user))
  }

  function usersByEmail(url: URL): StandInResponse {
    const email = url.searchParams.get('email')
    if (email === null) return apiError(400, "Query validation error: 'Missing required property: email'.", 'invalid_query_string')
    // An exact, case-sensitive match ("Retrieve Users with the Get Users by Email Endpoint").
    const found = state().users.filter((user) => user.record.email === email).map((user) => withFields(output(user), url))
    return json(200, found)
  }

  function rolesOf(ids: string[]): JsonObject[] {
    return ids.flatMap((id) => {
      const role = state().roles.find((known) => known.id === id)
      return role ? [{ id: role.id, name: role.name, description: role.description }] : []
    })
  }

  function paged(url: URL, key: string, items: JsonObject[]): StandInResponse {
    const perPage = Math.min(Math.max(Number(url.searchParams.get('per_page') ?? 50) || 50, 1), 100)
    const page = Math.max(Number(url.searchParams.get('page') ?? 0) || 0, 0)
    const shown = items.slice(page * perPage, (page + 1) * perPage)
    if (url.searchParams.get('include_totals') !== 'true') return json(200, shown)
    return json(200, { [key]: shown, start: page * perPage, limit: perPage, total: items.length })
  }

  function getUserRoles(url: URL, id: string): StandInResponse {
    const user = find(id)
    return user ? paged(url, 'roles', rolesOf(user.roles)) : notFound()
  }

  function assignRoles(request: StandInRequest, id: string): StandInResponse {
    const user = find(id)
    if (!user) return notFound()
    const body = jsonBody(request.body)
    const roles = isObject(body) ? body.roles : undefined
    if (!Array.isArray(roles)) return apiError(400, "Payload validation error: 'Missing required property: roles'.", 'invalid_body')
    if (roles.length === 0) return apiError(400, "Payload validation error: 'Array is too short (0), minimum 1' on property roles.", 'invalid_body')
    if (!roles.every((role) => typeof role === 'string' && role !== '')) {
      return apiError(400, "Payload validation error: 'Expected type string' on property roles.", 'invalid_body')
    }
    const unknown = (roles as string[]).filter((role) => !state().roles.some((known) => known.id === role))
    if (unknown.length) {
      tx.warnings.push(runWarning('management-api-unknown-roles', { roles: unknown }))
      return apiError(400, 'One or more of the roles you are attempting to assign do not exist.', 'invalid_body')
    }
    const added = (roles as string[]).filter((role, index) => !user.roles.includes(role) && roles.indexOf(role) === index)
    user.roles.push(...added)
    record({ kind: 'roles.assign', action: options.action, user_id: id, roles: rolesOf(roles as string[]).map((role) => ({ id: String(role.id), name: String(role.name) })) })
    return { status: 204, headers: {}, body: undefined }
  }

  function link(request: StandInRequest, id: string): StandInResponse {
    const primary = find(id)
    if (!primary) return notFound()
    const body = jsonBody(request.body)
    if (!isObject(body)) return apiError(400, 'Invalid request payload JSON format', 'invalid_body')
    if (body.link_with !== undefined) {
      return apiError(400, 'The Management API stand-in links accounts by provider and user_id; linking with a secondary account\'s token (link_with) needs an HTTP mock.', 'invalid_body')
    }
    const provider = text(body.provider)
    const given = typeof body.user_id === 'number' ? String(body.user_id) : text(body.user_id)
    if (!provider || !given) return apiError(400, "Payload validation error: 'Missing required property: provider, user_id'.", 'invalid_body')
    const secondaryId = given.startsWith(`${provider}|`) ? given : `${provider}|${given}`
    if (secondaryId === id) return apiError(400, 'Main identity and the new one are the same.', 'invalid_body')
    const secondary = state().users.find((user) => {
      if (user.record.user_id === secondaryId) return true
      const identities = Array.isArray(user.record.identities) ? user.record.identities : []
      const main = identities[0]
      return isObject(main) && main.provider === provider && String(main.user_id) === given.replace(`${provider}|`, '')
    })
    if (!secondary || secondary === primary) return apiError(400, 'The secondary user does not exist.', 'inexistent_user')
    const secondaryOut = output(secondary)
    const profileData: JsonObject = {}
    for (const field of ['email', 'email_verified', 'name', 'nickname', 'given_name', 'family_name', 'picture', 'username', 'phone_number', 'phone_verified']) {
      if (secondaryOut[field] !== undefined) profileData[field] = secondaryOut[field]
    }
    const moved = (Array.isArray(secondaryOut.identities) ? secondaryOut.identities : []).filter(isObject).map((identity, index) => (
      index === 0 ? { ...identity, profileData: { ...(isObject(identity.profileData) ? identity.profileData : {}), ...profileData } } : identity
    ))
    const identities = [...(Array.isArray(primary.record.identities) ? primary.record.identities : []), ...moved]
    primary.record.identities = identities
    const s = state()
    s.users = s.users.filter((user) => user !== secondary)
    const linked = String(secondary.record.user_id)
    if (linked === eventUserId()) s.linkedInto = id
    record({ kind: 'identities.link', action: options.action, user_id: id, linked, identities: cloneJson(identities) as JsonObject[] })
    return json(201, cloneJson(identities))
  }

  function listRoles(url: URL): StandInResponse {
    const filter = url.searchParams.get('name_filter')
    const roles = state().roles
      .filter((role) => filter === null || role.name.toLowerCase().includes(filter.toLowerCase()))
      .map((role) => ({ id: role.id, name: role.name, description: role.description }))
    return paged(url, 'roles', roles)
  }

  /** The handler of a Management API route, or `undefined` for one the stand-in does not answer. */
  function route(method: string, url: URL, request: StandInRequest): (() => StandInResponse) | undefined {
    const segments = url.pathname.slice('/api/v2/'.length).split('/')
    if (segments.at(-1) === '') segments.pop()
    if (segments.length === 1 && segments[0] === 'users-by-email' && method === 'GET') return () => usersByEmail(url)
    if (segments.length === 1 && segments[0] === 'roles' && method === 'GET') return () => listRoles(url)
    if (segments[0] !== 'users' || segments.length < 2 || segments.length > 3) return undefined
    let id: string
    try { id = decodeURIComponent(segments[1]) } catch { return undefined }
    const handlers: Record<string, Handler | undefined> = segments.length === 2
      ? { GET: () => getUser(url, id), PATCH: () => patchUser(request, id) }
      : segments[2] === 'roles'
        ? { GET: () => getUserRoles(url, id), POST: () => assignRoles(request, id) }
        : segments[2] === 'identities' ? { POST: () => link(request, id) } : {}
    const handler = Object.hasOwn(handlers, method) ? handlers[method] : undefined
    return handler && (() => handler(id))
  }

  return {
    answer(request) {
      if (!isManagementApiUrl(request.url, event)) return undefined
      const url = new URL(request.url)
      const method = request.method.toUpperCase()
      const handler = url.pathname === '/oauth/token' ? () => token(url, request) : route(method, url, request)
      const response = handler && (url.pathname === '/oauth/token' ? handler() : authenticate(url, request.headers) ?? handler())
      if (response) state().answered = true
      return response
    },
    observeMock(request, status, answered) {
      let body = answered
      if (typeof body === 'string') { try { body = JSON.parse(body) } catch { return } }
      if (status !== 200 || !isObject(body) || typeof body.access_token !== 'string') return
      if (!isManagementApiUrl(request.url, event) || new URL(request.url).pathname !== '/oauth/token') return
      const tokens = state().mockedTokens
      if (!tokens.includes(body.access_token)) tokens.push(body.access_token)
    },
    unanswered(method, url) {
      if (!isManagementApiUrl(url, event)) return undefined
      return `The Management API stand-in answers ${ENDPOINTS.join(', ')}; not ${method} ${new URL(url).pathname}.`
    },
  }
}
