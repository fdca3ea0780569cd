/**
 * A realistic post-login event with every documented field, modelled on Auth0's own sample event
 * (post-login event object reference; `@auth0/actions` test fixture values such as `logins_count: 62`).
 */
import type { FlowEvent } from '../../engine/flowDocument.ts'
import { DEFAULT_CLIENT_ID, SAMPLE_GEOIP, sampleApplication } from '../presets.ts'

export function createDefaultEvent(): FlowEvent {
  return {
    ...sampleApplication(),
    user: {
      user_id: 'auth0|5f7c8ec7c33c6c004bbafe82',
      email: 'j+smith@example.com',
      email_verified: true,
      name: 'John Smith',
      nickname: 'j+smith',
      given_name: 'John',
      family_name: 'Smith',
      username: 'jsmith',
      phone_number: '+18882352699',
      phone_verified: false,
      picture: 'https://s.gravatar.com/avatar/d41d8cd98f00b204e9800998ecf8427e?d=identicon',
      created_at: '2024-01-15T09:30:00.000Z',
      updated_at: '2026-05-01T12:00:00.000Z',
      last_password_reset: '2025-11-02T08:15:00.000Z',
      app_metadata: { plan: 'gold' },
      user_metadata: { language: 'en' },
      multifactor: ['guardian'],
      enrolledFactors: [{ type: 'otp' }, { type: 'push-notification' }],
      identities: [
        {
          connection: 'Username-Password-Authentication',
          provider: 'auth0',
          isSocial: false,
          user_id: '5f7c8ec7c33c6c004bbafe82',
          profileData: {},
        },
      ],
    },
    stats: { logins_count: 62 },
    request: {
      ip: '13.33.86.47',
      method: 'GET',
      hostname: 'acme-dev.us.auth0.com',
      language: 'en',
      user_agent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
      asn: 'AS16509',
      body: {},
      query: {
        client_id: DEFAULT_CLIENT_ID,
        response_type: 'code',
        scope: 'openid profile email',
        redirect_uri: 'https://app.example.com/callback',
        audience: 'https://api.example.com',
        state: 'AABBccddEEFFGGTTasrs',
        nonce: 'n-0S6_WzA2Mj',
        prompt: 'login',
      },
      geoip: { ...SAMPLE_GEOIP },
    },
    transaction: {
      id: 'nZniEmn3ejOpcV46_ac1CxJCuO_gAuwR',
      protocol: 'oidc-basic-profile',
      requested_scopes: ['openid', 'profile', 'email'],
      acr_values: [],
      prompt: ['login'],
      response_type: ['code'],
      response_mode: 'query',
      redirect_uri: 'https://app.example.com/callback',
      state: 'AABBccddEEFFGGTTasrs',
      locale: 'en',
      ui_locales: ['en'],
      metadata: {},
    },
    resource_server: { identifier: 'https://api.example.com' },
    authorization: { roles: ['admin', 'editor'] },
    authentication: { methods: [{ name: 'pwd', timestamp: '2026-05-01T12:00:00.000Z' }] },
    organization: { id: 'org_juG7cAQ0CymOcVpV', name: 'acme', display_name: 'Acme Inc.', metadata: {} },
    session: {
      id: 'sess_9nJ8v1sRRd2k0nLq',
      created_at: '2026-05-01T12:00:00.000Z',
      updated_at: '2026-05-01T12:00:00.000Z',
      authenticated_at: '2026-05-01T12:00:00.000Z',
      expires_at: '2026-05-04T12:00:00.000Z',
      idle_expires_at: '2026-05-02T12:00:00.000Z',
      device: { initial_ip: '13.33.86.47', last_ip: '13.33.86.47', initial_asn: 'AS16509', last_asn: 'AS16509' },
      clients: [{ client_id: DEFAULT_CLIENT_ID }],
      cookie: { mode: 'persistent' },
      metadata: {},
    },
    secrets: {},
    configuration: {},
  }
}

/** The parts of the event that Auth0 may leave out; tests run the engine with each one absent. */
export const OPTIONAL_EVENT_PARTS = [
  'authentication',
  'authorization',
  'organization',
  'resource_server',
  'session',
  'transaction',
] as const
