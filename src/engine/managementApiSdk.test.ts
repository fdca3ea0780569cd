/**
 * The `auth0` SDK's ManagementClient, run in Node with its requests sent to the engine's HTTP client and so to the
 * Management API stand-in: what the SDK sends (form-encoded token requests, encoded ids, paginated role lists) is
 * what the stand-in has to answer. The current SDK (v6, global fetch) and the v4 one (`auth0/legacy`, a `fetch` option).
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ManagementClient } from 'auth0-v6'
import { ManagementClient as LegacyManagementClient } from 'auth0-v6/legacy'
import { createDefaultEvent } from '../triggers/post-login/defaultEvent.ts'
import { createHttpClient, type HttpRecord } from './http.ts'
import { createManagementApi } from './managementApi.ts'
import { createRunState } from './runState.ts'

const DOMAIN = 'acme-dev.us.auth0.com'
const USER_ID = 'auth0|5f7c8ec7c33c6c004bbafe82'
const GOOGLE_ID = 'google-oauth2|109876543210987654321'

/** A fetch answered by the stand-in (no HTTP mocks), and the state it works on. */
function standIn() {
  const event = createDefaultEvent() as Record<string, any>
  const tx = createRunState(event)
  const exchanges: HttpRecord[] = []
  const api = createManagementApi({
    tx, event, now: Date.now, action: 'SDK',
    mocks: {
      users: [{ user_id: GOOGLE_ID, email: event.user.email, email_verified: true }],
      roles: [{ id: 'rol_Member000000000', name: 'member' }],
    },
  })
  const client = createHttpClient([], { callerLine: () => undefined, record: (exchange) => exchanges.push(exchange) }, api)
  return { fetch: client.fetch, tx, exchanges }
}

afterEach(() => { vi.unstubAllGlobals() })

describe('ManagementClient (auth0 v6) against the stand-in', () => {
  it('gets a token, reads and updates the user, finds users by email, assigns a role and links an account', async () => {
    const { fetch, tx, exchanges } = standIn()
    vi.stubGlobal('fetch', fetch)
    const management = new ManagementClient({ domain: DOMAIN, clientId: 'mgmt-client', clientSecret: 'mgmt-secret' })

    const user = await management.users.get(USER_ID)
    expect(user).toMatchObject({ user_id: USER_ID, app_metadata: { plan: 'gold' } })

    const updated = await management.users.update(USER_ID, { app_metadata: { crm_id: 'C-17' } })
    expect(updated.app_metadata).toEqual({ plan: 'gold', crm_id: 'C-17' })
    expect(tx.writes).toEqual([{ when: 'management-api', app_metadata: { crm_id: 'C-17' }, user_metadata: {}, action: 'SDK' }])

    const sameEmail = await management.users.listUsersByEmail({ email: 'j+smith@example.com' })
    expect(sameEmail.map((found) => found.user_id)).toEqual([USER_ID, GOOGLE_ID])

    await management.users.roles.assign(USER_ID, { roles: ['rol_Member000000000'] })
    const roles = await management.users.roles.list(USER_ID)
    expect(roles.data.map((role) => role.name)).toEqual(['admin', 'editor', 'member'])

    const identities = await management.users.identities.link(USER_ID, { provider: 'google-oauth2', user_id: '109876543210987654321' })
    expect(identities.map((identity) => identity.provider)).toEqual(['auth0', 'google-oauth2'])

    // One token request, form-encoded as the SDK sends it; every call answered by the stand-in.
    expect(exchanges.filter((exchange) => exchange.url.endsWith('/oauth/token'))).toHaveLength(1)
    expect(exchanges[0].body).toMatch(/grant_type=client_credentials/)
    expect(exchanges.every((exchange) => exchange.standIn === 'management-api' && exchange.status! < 300)).toBe(true)
  })

  it('throws the SDK\'s error for a user the tenant does not have', async () => {
    const { fetch } = standIn()
    vi.stubGlobal('fetch', fetch)
    const management = new ManagementClient({ domain: DOMAIN, clientId: 'mgmt-client', clientSecret: 'mgmt-secret' })
    await expect(management.users.get('auth0|nobody')).rejects.toMatchObject({ statusCode: 404 })
  })
})

describe('ManagementClient (auth0 v4, auth0/legacy) against the stand-in', () => {
  it('calls with its fetch option: user, users by email, roles', async () => {
    const { fetch, exchanges } = standIn()
    const management = new LegacyManagementClient({ domain: DOMAIN, clientId: 'mgmt-client', clientSecret: 'mgmt-secret', fetch })
    const { data: user } = await management.users.get({ id: USER_ID })
    expect(user.email).toBe('j+smith@example.com')
    const { data: found } = await management.usersByEmail.getByEmail({ email: 'j+smith@example.com' })
    expect(found).toHaveLength(2)
    await management.users.assignRoles({ id: USER_ID }, { roles: ['rol_Member000000000'] })
    const { data: roles } = await management.users.getRoles({ id: USER_ID })
    expect(roles.map((role) => role.name)).toEqual(['admin', 'editor', 'member'])
    expect(exchanges.map((exchange) => exchange.standIn)).toEqual(Array(exchanges.length).fill('management-api'))
  })
})
