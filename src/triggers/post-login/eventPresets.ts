/**
 * One-click events for common login situations. The designer applies a preset to a fresh
 * `createDefaultEvent()`; `apply` changes a deep copy and never its argument. The shapes follow the
 * post-login event object reference (and what a real tenant sends for each situation).
 */
import type { EventPreset } from '../../engine/trigger.ts'
import { part, preset } from '../presets.ts'


/** The default event's login time; presets keep their own timestamps consistent with it. */
const LOGIN_TIME = '2026-05-01T12:00:00.000Z'
const API_AUDIENCE = 'https://api.example.com'
const API_SCOPES = ['openid', 'profile', 'email', 'read:orders', 'write:orders']

export const EVENT_PRESETS: EventPreset[] = [
  preset('new-user', 'New user', 'First login right after sign-up: logins_count 1, no metadata, no roles, email not verified yet.', (event) => {
    const user = part(event, 'user')
    Object.assign(user, { created_at: LOGIN_TIME, updated_at: LOGIN_TIME, email_verified: false, app_metadata: {}, user_metadata: {}, multifactor: [], enrolledFactors: [] })
    delete user.last_password_reset
    part(event, 'stats').logins_count = 1
    event.authorization = { roles: [] }
  }),

  preset('returning-admin', 'Returning admin', 'A long-time user with the admin role, an enterprise plan and MFA enrolled.', (event) => {
    Object.assign(part(event, 'user'), {
      email: 'admin@acme.com',
      email_verified: true,
      app_metadata: { plan: 'enterprise', department: 'IT' },
      multifactor: ['guardian'],
      enrolledFactors: [{ type: 'otp' }, { type: 'webauthn-roaming' }],
    })
    part(event, 'stats').logins_count = 318
    event.authorization = { roles: ['admin'] }
  }),

  preset('europe', 'User from Europe', 'Logs in from Berlin, Germany (continent EU), with a German browser.', (event) => {
    const request = part(event, 'request')
    Object.assign(request, { ip: '85.214.132.117', asn: 'AS6724', language: 'de-DE' })
    request.geoip = {
      cityName: 'Berlin',
      continentCode: 'EU',
      countryCode: 'DE',
      countryCode3: 'DEU',
      countryName: 'Germany',
      latitude: 52.52437,
      longitude: 13.41053,
      subdivisionCode: 'BE',
      subdivisionName: 'Land Berlin',
      timeZone: 'Europe/Berlin',
    }
    Object.assign(part(event, 'transaction'), { locale: 'de', ui_locales: ['de', 'en'] })
    part(part(event, 'user'), 'user_metadata').language = 'de'
    if (event.session) Object.assign(part(event.session, 'device'), { initial_ip: request.ip, last_ip: request.ip, initial_asn: request.asn, last_asn: request.asn })
  }),

  preset('api-login', 'Login for an API', `The application asks for an access token for ${API_AUDIENCE} (audience set, so event.resource_server is too) with API scopes.`, (event) => {
    Object.assign(part(part(event, 'request'), 'query'), { audience: API_AUDIENCE, scope: API_SCOPES.join(' ') })
    part(event, 'transaction').requested_scopes = [...API_SCOPES]
    event.resource_server = { identifier: API_AUDIENCE }
  }),

  preset('refresh-token', 'Refresh-token exchange', 'The application exchanges a refresh token at /oauth/token: no browser, so no redirects or prompts.', (event) => {
    const request = part(event, 'request')
    const clientId = part(event, 'client').client_id
    const issuedAt = '2026-04-20T08:00:00.000Z'
    event.transaction = {
      ...(event.transaction?.id ? { id: event.transaction.id } : {}),
      protocol: 'oauth2-refresh-token',
      requested_scopes: ['openid', 'profile', 'email', 'offline_access'],
      acr_values: [],
      locale: 'en',
      ui_locales: [],
      metadata: {},
    }
    Object.assign(request, { method: 'POST', query: {}, body: { grant_type: 'refresh_token', client_id: clientId } })
    event.refresh_token = {
      id: 'rt_Q8Xy3dM6tLn2vB7w',
      client_id: clientId,
      created_at: issuedAt,
      expires_at: '2026-05-20T08:00:00.000Z',
      idle_expires_at: '2026-05-16T12:00:00.000Z',
      last_exchanged_at: LOGIN_TIME,
      device: {
        initial_ip: request.ip, initial_asn: request.asn, initial_user_agent: request.user_agent,
        last_ip: request.ip, last_asn: request.asn, last_user_agent: request.user_agent,
      },
      resource_servers: [{ audience: API_AUDIENCE, scopes: 'openid profile email offline_access' }],
      rotating: true,
      ...(event.session?.id ? { session_id: event.session.id } : {}),
      metadata: {},
    }
    event.authentication = { methods: [{ name: 'pwd', timestamp: issuedAt }] }
  }),

  preset('prompt-none', 'Silent login (prompt=none)', 'Silent authentication in a hidden iframe: the user cannot be shown anything, so redirects and MFA fail.', (event) => {
    Object.assign(part(part(event, 'request'), 'query'), { prompt: 'none', response_mode: 'web_message' })
    Object.assign(part(event, 'transaction'), { prompt: ['none'], response_mode: 'web_message' })
  }),

  preset('passkey', 'Passkey login', 'The user signed in with a passkey instead of a password.', (event) => {
    event.authentication = { methods: [{ name: 'passkey', timestamp: LOGIN_TIME }] }
  }),

  preset('google', 'Google login', 'A social login through the google-oauth2 connection: a federated identity, no password, no username.', (event) => {
    const googleId = '109876543210987654321'
    event.connection = { id: 'con_Xg7kLq2nV4pR8sTz', name: 'google-oauth2', strategy: 'google-oauth2', metadata: {} }
    const user = part(event, 'user')
    Object.assign(user, {
      user_id: `google-oauth2|${googleId}`,
      email: 'jane.doe@gmail.com',
      email_verified: true,
      name: 'Jane Doe',
      nickname: 'jane.doe',
      given_name: 'Jane',
      family_name: 'Doe',
      picture: 'https://lh3.googleusercontent.com/a/default-user=s96-c',
      multifactor: [],
      enrolledFactors: [],
      identities: [{ connection: 'google-oauth2', provider: 'google-oauth2', isSocial: true, user_id: googleId, profileData: {} }],
    })
    for (const key of ['username', 'phone_number', 'phone_verified', 'last_password_reset']) delete user[key]
    part(part(event, 'request'), 'query').connection = 'google-oauth2'
    event.authentication = { methods: [{ name: 'federated', timestamp: LOGIN_TIME }] }
  }),
]
