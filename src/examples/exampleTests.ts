/**
 * The tests of the example flows, by slug: each flow document in the gallery and under `flows/` carries them,
 * and `actions-playground test src/examples/flows` runs them. Each example has at least one.
 */
import type { FlowTest } from '../engine/flowTests.ts'
import { CONTINUE_FILES } from './continueFiles.ts'
import { ENTITLEMENTS_URL, MEMBER_ROLE_ID, PARTNER_JWKS_URL, PARTNER_JWT } from './packageFlows.ts'
import { ADMIN_DASHBOARD_CLIENT_ID, DATABASE_USER_ID, GOOGLE_USER_ID, LINKING_SECRET, PARTNER_TOKEN, TERMS_FORM_ID } from './teamFlows.ts'

const MONDAY = '2026-11-23T12:00:00Z'
const SATURDAY = '2026-11-28T12:00:00Z'
const ROLES = 'https://my-app.example.com/roles'
const DENIED_MY_SPA = { status: 'denied', error: { code: 'access_denied', description: 'Access to My SPA is not allowed.' } }

// The team flows (teamFlows.ts). Expectations never hold a secret value: share links carry the tests, and
// they must not give away what the actions' secrets blank (tokens, client credentials, the webhook URL).
const NS = 'https://example.com'
const MONDAY_ISO = '2026-11-23T12:00:00.000Z'
const MONDAY_MS = Date.parse(MONDAY)
/** A JWT, as a pattern: the Management API stand-in's tokens. */
const JWT = '[\\w-]+\\.[\\w-]+\\.[\\w-]+'

/** base64url of JSON, as a JWT part (ASCII only). */
const jwtPart = (value: object) => btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
const [PARTNER_HEADER, PARTNER_PAYLOAD, PARTNER_SIGNATURE] = PARTNER_TOKEN.split('.')
/** The partner token with its tier raised to platinum: the signature no longer matches. */
const TAMPERED_PARTNER_TOKEN = `${PARTNER_HEADER}.${jwtPart({
  iss: 'https://partners.northwind.example', aud: 'https://acme-dev.us.auth0.com/', sub: 'nw-customer-8841',
  partner_id: 'northwind', partner_tier: 'platinum', iat: 1777636800, exp: 2093256000,
})}.${PARTNER_SIGNATURE}`
/** The partner token's claims, unsigned, with "alg": "none". */
const UNSIGNED_PARTNER_TOKEN = `${jwtPart({ alg: 'none', typ: 'JWT' })}.${PARTNER_PAYLOAD}.`
const PARTNER_DENIED = { code: 'access_denied', description: 'Your partner sign-in link is invalid or has expired.', action: 'Verify the partner token' }
const partnerRefused = (reason: string) => ({
  status: 'denied',
  error: PARTNER_DENIED,
  actions: [{ status: 'denied', logs: [{ level: 'warn', message: `Refused a partner token: ${reason}` }] }, { status: 'skipped' }],
  transactionMetadata: { $equals: {} },
  idToken: null,
})

// The npm-package flows (packageFlows.ts).
const TENANT = 'acme-dev.us.auth0.com'
const [PARTNER_JWT_HEADER, PARTNER_JWT_PAYLOAD, PARTNER_JWT_SIGNATURE] = PARTNER_JWT.split('.')
/** The partner JWT with its tier raised to platinum: the signature no longer matches. */
const TAMPERED_PARTNER_JWT = `${PARTNER_JWT_HEADER}.${jwtPart({
  sub: 'nw-customer-8841', email: 'j+smith@example.com', partner_tier: 'platinum', iat: 1777636800, exp: 2093256000,
  aud: 'https://acme-dev.us.auth0.com/', iss: 'https://login.northwind.example/',
})}.${PARTNER_JWT_SIGNATURE}`
/** The partner JWT naming a key id the partner's JWKS does not have. */
const UNKNOWN_KEY_PARTNER_JWT = `${jwtPart({ alg: 'ES256', typ: 'JWT', kid: 'northwind-2025-01' })}.${PARTNER_JWT_PAYLOAD}.${PARTNER_JWT_SIGNATURE}`
const partnerJwtRefused = (reason: string) => ({
  status: 'denied',
  error: { code: 'access_denied', description: 'Your partner sign-in link is invalid or has expired.' },
  actions: [{ status: 'denied', logs: [{ level: 'warn', message: `Refused a partner token: ${reason}` }] }],
  idToken: null,
})

export const EXAMPLE_TESTS: Record<string, FlowTest[]> = {
  'starter': [
    {
      name: 'denies example.com users of My SPA, after recording the login',
      expect: { ...DENIED_MY_SPA, actions: [{ status: 'ok' }, { status: 'ok' }, { status: 'denied' }], user: { app_metadata: { last_login_app: 'My SPA' } } },
    },
    {
      name: 'adds the roles to the tokens of other users',
      event: { user: { email: 'jane@acme.test' } },
      expect: { status: 'completed', idToken: { claims: { [ROLES]: ['admin', 'editor'] } }, accessToken: { claims: { [ROLES]: ['admin', 'editor'] } } },
    },
  ],
  'deny-email-domain': [
    { name: 'denies example.com users of My SPA', expect: DENIED_MY_SPA },
    { name: 'lets example.com users into other apps', event: { client: { name: 'Back office' } }, expect: { status: 'completed', error: { $absent: true } } },
  ],
  'weekdays-only': [
    { name: 'lets users in on a Monday', now: MONDAY, expect: { status: 'completed' } },
    { name: 'denies a Saturday', now: SATURDAY, expect: { status: 'denied', error: { description: 'This app is only available during the week.' } } },
  ],
  'deny-api-audience': [
    { name: 'denies the API audience', expect: { status: 'denied', error: { description: 'end_users_not_allowed' } } },
    { name: 'allows another audience', event: { resource_server: { identifier: 'https://reports.example.com' } }, expect: { status: 'completed' } },
  ],
  'roles-into-tokens': [
    {
      name: 'puts the roles into both tokens',
      expect: { status: 'completed', idToken: { claims: { [ROLES]: ['admin', 'editor'] } }, accessToken: { claims: { [ROLES]: { $includes: ['editor'] } } } },
    },
    { name: 'puts the roles of another user', event: { authorization: { roles: ['viewer'] } }, expect: { idToken: { customClaims: { $equals: { [ROLES]: ['viewer'] } } } } },
  ],
  'set-user-metadata': [
    {
      name: 'writes favorite_color in one profile update at the end',
      expect: {
        user: { user_metadata: { language: 'en', favorite_color: 'blue' } },
        profileUpdates: { count: 1, writes: [{ when: 'end', user_metadata: { $equals: { favorite_color: 'blue' } } }] },
      },
    },
  ],
  'mfa-for-continent': [
    { name: 'requires MFA in North America', expect: { status: 'completed', mfa: { required: true, provider: 'any' } } },
    { name: 'does not require MFA in Europe', event: { request: { geoip: { continentCode: 'EU' } } }, expect: { status: 'completed', mfa: null } },
  ],
  'skip-mfa-after-passkey': [
    { name: 'skips MFA after a passkey', expect: { mfa: { required: false, provider: 'none', action: 'Skip MFA after a passkey' } } },
    {
      name: 'requires MFA after a password',
      event: { authentication: { methods: [{ name: 'pwd', timestamp: '2026-05-01T12:00:00.000Z' }] } },
      expect: { mfa: { required: true, provider: 'any', action: 'MFA for North America' } },
    },
  ],
  'favorite-color-redirect': [
    {
      name: 'sends a user without a color to the color site',
      expect: {
        status: 'suspended',
        redirect: { url: { $matches: '^https://my-app\\.example\\.com/\\?session_token=[\\w-]+\\.[\\w-]+\\.[\\w-]+&state=' }, action: 'Ask for a favorite color' },
        actions: [{ status: 'suspended' }, { status: 'pending' }],
        profileUpdates: { count: 1, writes: [{ when: 'before-redirect', app_metadata: { $equals: { color_prompts: 1 } } }] },
      },
    },
    {
      name: 'stores the color the site sends back to /continue',
      continue: { ...CONTINUE_FILES['favorite-color-redirect'] },
      expect: {
        status: 'completed',
        user: { user_metadata: { favorite_color: 'purple' } },
        actions: [{ status: 'ok', phases: ['execute', 'continue'] }, { status: 'ok', phases: ['execute'] }],
      },
    },
    {
      name: 'refuses a /continue with the wrong state',
      continue: { ...CONTINUE_FILES['favorite-color-redirect.wrong-state'] },
      expect: { status: 'failed', error: { code: 'invalid_request' }, user: { user_metadata: { favorite_color: { $absent: true } } } },
    },
    {
      name: 'does not redirect a user who has a color',
      event: { user: { user_metadata: { favorite_color: 'red' } } },
      expect: { status: 'completed', redirect: null },
    },
  ],
  'add-scope-for-audience': [
    { name: 'adds read:xyz for the API', expect: { accessToken: { scope: 'openid profile email read:xyz' } } },
    { name: 'leaves the scope of another audience', event: { resource_server: { identifier: 'https://reports.example.com' } }, expect: { accessToken: { scope: { $matches: '^(?!.*read:xyz)' } } } },
  ],
  'downtime-redirect': [
    { name: 'sends everyone to the downtime page', expect: { status: 'suspended', redirect: { url: { $matches: '^https://status\\.example\\.com/downtime\\?state=' } } } },
    {
      name: 'cannot finish the login after /continue',
      continue: {},
      expect: { status: 'failed', error: { code: 'access_denied', description: { $contains: 'onContinuePostLogin' } } },
    },
  ],
  'lazy-migration': [
    {
      name: 'fetches the legacy id from the mocked API',
      expect: {
        status: 'completed',
        user: { app_metadata: { LEGACY_METADATA: 'legacy|4242' } },
        http: [{ method: 'GET', url: 'https://legacy.example.com/legacy-users?email=j%2Bsmith%40example.com', status: 200, mock: 0 }],
      },
    },
    {
      name: 'does not call the legacy API for a migrated user',
      event: { user: { app_metadata: { LEGACY_METADATA: 'legacy|1' } } },
      expect: { http: [], profileUpdates: { writes: [{ app_metadata: { LEGACY_METADATA: { $absent: true } } }] } },
    },
  ],
  'deny-skips-later-actions': [
    {
      name: 'denies, skips the roles, and still writes the metadata queued before',
      expect: {
        ...DENIED_MY_SPA,
        actions: [{ status: 'ok' }, { status: 'denied' }, { status: 'skipped' }],
        profileUpdates: { count: 1 },
        user: { app_metadata: { last_login_app: 'My SPA' } },
        idToken: null,
      },
    },
  ],
  'metadata-batched': [
    {
      name: 'writes the metadata of both actions in one update',
      now: MONDAY,
      expect: {
        profileUpdates: { count: 1, writes: [{ app_metadata: { last_login_app: 'My SPA', plan_checked_at: '2026-11-23T12:00:00.000Z' } }] },
        idToken: { claims: { 'https://my-app.example.com/plan': 'gold' } },
      },
    },
  ],
  'roles-after-redirect': [
    { name: 'suspends before the roles action', expect: { status: 'suspended', idToken: null, actions: [{ status: 'suspended' }, { status: 'pending' }] } },
    {
      name: 'adds the roles after /continue',
      continue: { ...CONTINUE_FILES['roles-after-redirect'] },
      expect: { status: 'completed', user: { user_metadata: { favorite_color: 'green' } }, idToken: { claims: { [ROLES]: ['admin', 'editor'] } } },
    },
  ],
  'throw-fails-login': [
    {
      name: 'fails the login with the error and its line',
      expect: {
        status: 'failed',
        error: { code: 'access_denied', description: { $contains: "reading 'favorite_color'" }, line: 7 },
        actions: [{ status: 'failed', error: { name: 'TypeError' } }, { status: 'skipped' }],
      },
    },
    {
      name: 'completes when the user has preferences',
      event: { user: { user_metadata: { preferences: { favorite_color: 'blue' } } } },
      expect: { status: 'completed', idToken: { claims: { 'https://my-app.example.com/color': 'blue' } } },
    },
  ],
  'endless-loop': [
    {
      name: 'fails at the time limit',
      timeLimitMs: 250,
      expect: { status: 'failed', error: { code: 'access_denied', timeout: true }, actions: [{ status: 'failed' }] },
    },
  ],

  'legacy-migration-flag': [
    {
      name: 'flags a user the legacy store knows, and the next action sees the flag before it is written',
      expect: {
        status: 'completed',
        http: [{ method: 'GET', url: 'https://legacy.example.com/api/users?email=j%2Bsmith%40example.com', status: 200, mock: 0, headers: { authorization: { $matches: '^Bearer \\S+$' } } }],
        profileUpdates: { count: 1, writes: [{ when: 'end', app_metadata: { $equals: { migrated: true, legacy_id: 'legacy-4242', legacy_plan: 'enterprise' } } }] },
        idToken: { claims: { [`${NS}/legacy_id`]: 'legacy-4242', [`${NS}/migrated`]: true } },
        accessToken: { claims: { [`${NS}/plan`]: 'enterprise' } },
      },
    },
    {
      name: 'does not call the legacy store again for a migrated user',
      event: { user: { app_metadata: { migrated: true, legacy_id: 'legacy-4242', legacy_plan: 'enterprise' } } },
      expect: {
        status: 'completed', http: [], profileUpdates: { count: 0 },
        idToken: { claims: { [`${NS}/migrated`]: true, [`${NS}/legacy_id`]: { $absent: true } } },
        accessToken: { claims: { [`${NS}/plan`]: 'enterprise' } },
      },
    },
    {
      name: 'does not look again for a user the legacy store did not know',
      event: { user: { app_metadata: { migrated: false } } },
      expect: { status: 'completed', http: [], profileUpdates: { count: 0 }, idToken: { claims: { [`${NS}/migrated`]: false } }, accessToken: { claims: { [`${NS}/plan`]: 'gold' } } },
    },
  ],
  'admin-step-up-mfa': [
    {
      name: 'challenges an admin on the dashboard with the factors they enrolled',
      expect: {
        status: 'suspended',
        actions: [{ status: 'suspended' }, { status: 'pending' }],
        // webauthn-roaming was asked for too, but the user has no security key: it is not offered.
        challenge: {
          kind: 'challenge', method: 'challengeWith', action: 'Require MFA for admins on the dashboard',
          factors: [{ type: 'otp' }, { type: 'push-notification' }], requested: { $includes: [{ type: 'webauthn-roaming' }] },
        },
        idToken: null,
      },
    },
    {
      name: 'adds the factor to the access token after the OTP challenge',
      continue: { ...CONTINUE_FILES['admin-step-up-mfa'] },
      expect: {
        status: 'completed',
        actions: [{ status: 'ok' }, { status: 'ok' }],
        accessToken: { claims: { [`${NS}/mfa_factor`]: 'otp', [`${NS}/roles`]: ['admin', 'editor'] } },
        idToken: { claims: { amr: ['mfa'], aud: ADMIN_DASHBOARD_CLIENT_ID } },
      },
    },
    {
      name: 'does not challenge a user without the admin role',
      event: { authorization: { roles: ['editor'] } },
      expect: {
        status: 'completed', challenge: null,
        accessToken: { customClaims: { $equals: { [`${NS}/roles`]: ['editor'] } } },
      },
    },
    {
      name: 'does not challenge again when the session already passed MFA',
      event: { authentication: { methods: [{ name: 'pwd', timestamp: '2026-11-23T11:49:00.000Z' }, { name: 'mfa', type: 'push-notification', timestamp: '2026-11-23T11:50:00.000Z' }] } },
      expect: { status: 'completed', challenge: null, accessToken: { claims: { [`${NS}/mfa_factor`]: 'push-notification' } } },
    },
  ],
  'saml-attribute-mapping': [
    {
      name: 'answers the SAML login with the mapped attributes and the portal settings, and no tokens',
      expect: {
        status: 'completed',
        idToken: null,
        accessToken: null,
        samlResponse: {
          subject: 'auth0|5f7c8ec7c33c6c004bbafe82',
          attributes: {
            'http://schemas.xmlsoap.org/claims/Group': ['admin', 'editor'],
            'https://expenses.example.com/claims/department': 'Finance',
            'https://expenses.example.com/claims/cost_center': 'CC-4410',
            'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress': 'j+smith@example.com',
          },
          configuration: {
            $equals: {
              audience: 'urn:expenses.example.com:sp',
              recipient: 'https://expenses.example.com/saml/acs',
              destination: 'https://expenses.example.com/saml/acs',
              nameIdentifierFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
              lifetimeInSeconds: 300,
              signResponse: true,
            },
          },
        },
      },
    },
    {
      name: 'maps the attributes but keeps the default settings for another SAML app',
      event: { client: { client_id: 'Qx8Lm2Vn5Rt7Yp1Ws4Zk9Hd3Gf6Jc0Ab', name: 'Travel Portal' } },
      expect: {
        status: 'completed',
        samlResponse: { attributes: { 'https://expenses.example.com/claims/department': 'Finance' }, configuration: { $equals: {} } },
      },
    },
    {
      name: 'changes nothing for an OIDC login of the same user, which gets tokens',
      event: {
        transaction: { protocol: 'oidc-basic-profile', requested_scopes: ['openid', 'profile', 'email'], redirect_uri: 'https://expenses.example.com/callback' },
      },
      expect: {
        status: 'completed', saml: null, samlResponse: null,
        idToken: { claims: { sub: 'auth0|5f7c8ec7c33c6c004bbafe82', aud: 'zd3TV2jswNHo1u6OoW1HD2lqu9FZoNq4' }, customClaims: { $equals: {} } },
      },
    },
  ],
  'partner-token-verification': [
    {
      name: 'adds the partner claims and scope for a valid token',
      now: MONDAY,
      expect: {
        status: 'completed',
        transactionMetadata: { $equals: { partner_id: 'northwind', partner_tier: 'gold' } },
        idToken: { claims: { [`${NS}/partner`]: { $equals: { id: 'northwind', tier: 'gold' } } } },
        accessToken: { claims: { [`${NS}/partner_id`]: 'northwind' }, scope: 'openid profile email read:partner-offers' },
      },
    },
    {
      name: 'denies a token whose claims were changed, and the claims action does not run',
      now: MONDAY,
      event: { request: { query: { partner_token: TAMPERED_PARTNER_TOKEN } } },
      expect: partnerRefused('invalid signature'),
    },
    {
      name: 'denies a token that names its own algorithm ("none")',
      now: MONDAY,
      event: { request: { query: { partner_token: UNSIGNED_PARTNER_TOKEN } } },
      expect: partnerRefused('unexpected algorithm none'),
    },
    {
      name: 'denies the token once it has expired',
      now: '2036-06-01T00:00:00Z',
      expect: partnerRefused('expired'),
    },
  ],
  'terms-consent-form': [
    {
      name: 'renders the terms form with the current version',
      expect: {
        status: 'suspended',
        actions: [{ status: 'suspended' }, { status: 'pending' }],
        prompt: {
          id: TERMS_FORM_ID,
          fields: { $equals: { accept_terms: false, marketing_emails: false } },
          vars: { terms_version: '2026-04', terms_url: 'https://example.com/legal/terms/2026-04', previous_version: null },
        },
        idToken: null,
      },
    },
    {
      name: 'records the consent from the form, then puts the version into the ID token',
      now: MONDAY,
      continue: { ...CONTINUE_FILES['terms-consent-form'] },
      expect: {
        status: 'completed',
        actions: [{ status: 'ok', phases: ['execute', 'continue'] }, { status: 'ok', phases: ['execute'] }],
        profileUpdates: {
          count: 1,
          writes: [{ when: 'end', app_metadata: { $equals: { terms_version: '2026-04', terms_accepted_at: MONDAY_ISO } }, user_metadata: { $equals: { marketing_emails: false } } }],
        },
        idToken: { claims: { [`${NS}/terms_version`]: '2026-04' } },
      },
    },
    {
      name: 'denies the login when the terms are not accepted',
      continue: { prompt: { fields: { accept_terms: false, marketing_emails: true } } },
      expect: {
        status: 'denied',
        error: { code: 'access_denied', description: 'You need to accept the terms of service to use this application.' },
        actions: [{ status: 'denied' }, { status: 'skipped' }],
        profileUpdates: { count: 0 },
      },
    },
    {
      name: 'does not ask again once these terms are accepted',
      event: { user: { app_metadata: { terms_version: '2026-04' } } },
      expect: { status: 'completed', prompt: null, profileUpdates: { count: 0 }, idToken: { claims: { [`${NS}/terms_version`]: '2026-04' } } },
    },
  ],
  'account-linking-by-email': [
    {
      name: 'finds the other account with a cached Management API token, and redirects to the linking page',
      now: MONDAY,
      expect: {
        status: 'suspended',
        actions: [{ status: 'suspended' }, { status: 'pending' }],
        http: [
          {
            method: 'POST', url: 'https://acme-dev.us.auth0.com/oauth/token', status: 200,
            body: { grant_type: 'client_credentials', audience: 'https://acme-dev.us.auth0.com/api/v2/', client_id: { $present: true }, client_secret: { $present: true } },
          },
          {
            method: 'GET', url: 'https://acme-dev.us.auth0.com/api/v2/users-by-email?email=j%2Bsmith%40example.com', status: 200,
            headers: { authorization: { $matches: `^Bearer ${JWT}$` } },
            standIn: 'management-api',
            response: [{ user_id: GOOGLE_USER_ID }, { user_id: DATABASE_USER_ID }],
          },
        ],
        cache: { 'management-api-token': { value: { $matches: `^${JWT}$` }, expires_at: MONDAY_MS + (86_400 - 60) * 1000 } },
        redirect: {
          url: { $matches: '^https://accounts\\.example\\.com/link\\?session_token=[\\w-]+\\.[\\w-]+\\.[\\w-]+&state=' },
          action: 'Offer to link accounts with the same email',
        },
        idToken: null,
      },
    },
    {
      name: 'issues the tokens for the database account once the linking page linked them',
      continue: { ...CONTINUE_FILES['account-linking-by-email'] },
      expect: {
        status: 'completed',
        authentication: { primaryUser: DATABASE_USER_ID },
        idToken: { claims: { sub: DATABASE_USER_ID, [`${NS}/idp`]: 'google-oauth2' } },
        accessToken: { claims: { sub: DATABASE_USER_ID } },
      },
    },
    {
      name: 'remembers a refusal and keeps the Google account as the subject',
      continue: { sessionToken: { payload: { linked_to: null }, secret: LINKING_SECRET } },
      expect: {
        status: 'completed',
        authentication: { primaryUser: null },
        user: { app_metadata: { $equals: { linking_declined: true } } },
        idToken: { claims: { sub: GOOGLE_USER_ID } },
      },
    },
    {
      name: 'does not offer linking for an unverified email',
      event: { user: { email_verified: false } },
      expect: { status: 'completed', http: [], redirect: null, idToken: { claims: { sub: GOOGLE_USER_ID, [`${NS}/idp`]: 'google-oauth2' } } },
    },
  ],
  'crm-enrichment': [
    {
      name: 'gets a CRM token, caches it, and enriches the tokens from the contact',
      now: MONDAY,
      expect: {
        status: 'completed',
        actions: [{ status: 'ok' }, { status: 'ok' }],
        http: [
          { method: 'POST', url: 'https://crm.example.com/oauth/token', status: 200, body: { grant_type: 'client_credentials', scope: 'contacts:read', client_id: { $present: true }, client_secret: { $present: true } } },
          { method: 'GET', url: 'https://crm.example.com/api/v2/contacts?email=j%2Bsmith%40example.com', status: 200, headers: { authorization: 'Bearer crm-at-3b9d1f' } },
        ],
        cache: { 'crm-access-token': { value: 'crm-at-3b9d1f', expires_at: MONDAY_MS + (3600 - 60) * 1000 } },
        idToken: { claims: { [`${NS}/customer`]: { $equals: { account_id: 'acct_1187', tier: 'enterprise' } } } },
        accessToken: { claims: { [`${NS}/account_id`]: 'acct_1187' } },
        transactionMetadata: { $equals: { crm_status: 'active' } },
        profileUpdates: { count: 1, writes: [{ app_metadata: { $equals: { crm_contact_id: 'ct_80412' } } }] },
      },
    },
    {
      name: 'does not write the contact id the user already has',
      event: { user: { app_metadata: { crm_contact_id: 'ct_80412' } } },
      expect: { status: 'completed', profileUpdates: { count: 0 }, accessToken: { claims: { [`${NS}/account_id`]: 'acct_1187' } } },
    },
  ],
  'block-countries': [
    {
      name: 'adds the country claim for an allowed country',
      expect: { status: 'completed', idToken: { claims: { [`${NS}/country`]: 'US' } }, accessToken: { claims: { [`${NS}/country`]: 'US' } } },
    },
    {
      name: 'denies an embargoed country before the claim action runs',
      event: { request: { ip: '175.45.176.12', geoip: { continentCode: 'AS', countryCode: 'KP', countryCode3: 'PRK', countryName: 'North Korea', cityName: 'Pyongyang', timeZone: 'Asia/Pyongyang' } } },
      expect: {
        status: 'denied',
        error: { code: 'access_denied', description: 'This service is not available in your region.', action: 'Block embargoed countries' },
        actions: [{ status: 'denied' }, { status: 'skipped' }],
        idToken: null,
      },
    },
    {
      name: 'lets another country through with its code',
      event: { request: { ip: '85.214.132.117', geoip: { continentCode: 'EU', countryCode: 'DE', countryCode3: 'DEU', countryName: 'Germany', cityName: 'Berlin', timeZone: 'Europe/Berlin' } } },
      expect: { status: 'completed', idToken: { claims: { [`${NS}/country`]: 'DE' } } },
    },
  ],
  'require-verified-email': [
    {
      name: 'denies a database login with an unverified email',
      expect: {
        status: 'denied',
        error: { code: 'access_denied', description: 'Please verify your email address with the link we sent you, then log in again.' },
        actions: [{ status: 'denied' }, { status: 'skipped' }],
        idToken: null,
      },
    },
    {
      name: 'lets a verified user through to the roles action',
      event: { user: { email_verified: true } },
      expect: { status: 'completed', idToken: { claims: { [ROLES]: ['admin', 'editor'] } } },
    },
    {
      name: 'lets an unverified social (GitHub) login through',
      event: {
        connection: { id: 'con_Gh7x2PqL9mZ4tR1k', name: 'github', strategy: 'github', metadata: {} },
        user: { user_id: 'github|4812907', identities: [{ connection: 'github', provider: 'github', isSocial: true, user_id: '4812907', profileData: {} }] },
        authentication: { methods: [{ name: 'federated', timestamp: '2026-05-01T12:00:00.000Z' }] },
      },
      expect: { status: 'completed', idToken: { claims: { sub: 'github|4812907', email_verified: false, [ROLES]: ['admin', 'editor'] } } },
    },
  ],
  'progressive-profiling': [
    {
      name: 'sends a returning user without company and job title to the profile page',
      expect: {
        status: 'suspended',
        actions: [{ status: 'suspended' }, { status: 'pending' }],
        redirect: { url: { $matches: '^https://profile\\.example\\.com/complete\\?session_token=[\\w-]+\\.[\\w-]+\\.[\\w-]+&state=' }, action: 'Ask for company and job title' },
        idToken: null,
      },
    },
    {
      name: 'stores the answers of the signed token and puts them into the ID token',
      continue: { ...CONTINUE_FILES['progressive-profiling'] },
      expect: {
        status: 'completed',
        profileUpdates: { count: 1, writes: [{ when: 'end', app_metadata: { $equals: {} }, user_metadata: { $equals: { company: 'Acme Corp', job_title: 'Platform Engineer' } } }] },
        idToken: { claims: { [`${NS}/company`]: 'Acme Corp', [`${NS}/job_title`]: 'Platform Engineer' } },
      },
    },
    {
      name: 'does not redirect silent authentication (prompt=none)',
      event: { request: { query: { prompt: 'none' } }, transaction: { prompt: ['none'] } },
      expect: { status: 'completed', redirect: null, idToken: { customClaims: { $equals: {} } } },
    },
    {
      name: 'does not ask on the first two logins',
      event: { stats: { logins_count: 2 } },
      expect: { status: 'completed', redirect: null, profileUpdates: { count: 0 } },
    },
  ],
  'organization-roles': [
    {
      name: 'adds organization claims, scopes for the API and the organization\'s session policy',
      now: MONDAY,
      expect: {
        status: 'completed',
        actions: [{ status: 'ok' }, { status: 'ok' }, { status: 'ok' }],
        idToken: { claims: { org_id: 'org_juG7cAQ0CymOcVpV', [`${NS}/org_name`]: 'acme', [`${NS}/roles`]: ['admin', 'editor'] } },
        accessToken: { claims: { org_id: 'org_juG7cAQ0CymOcVpV', [`${NS}/roles`]: ['admin', 'editor'] }, scope: 'openid profile email org:manage users:invite content:write' },
        session: { idle_expires_at: MONDAY_MS + 30 * 60_000, cookie_mode: 'non-persistent' },
      },
    },
    {
      name: 'gives a viewer only the read scope',
      event: { authorization: { roles: ['viewer'] } },
      expect: { accessToken: { claims: { [`${NS}/roles`]: ['viewer'] }, scope: 'openid profile email content:read' } },
    },
    {
      name: 'adds no scopes to a token for another API',
      event: { resource_server: { identifier: 'https://billing.example.com' } },
      expect: { accessToken: { audience: 'https://billing.example.com', scope: 'openid profile email', claims: { [`${NS}/roles`]: ['admin', 'editor'] } } },
    },
  ],
  'risk-based-mfa': [
    {
      name: 'requires MFA at the end of the flow for a low-confidence login, after the last action ran',
      expect: {
        status: 'completed',
        actions: [{ status: 'ok' }, { status: 'ok' }, { status: 'ok' }],
        mfa: { $equals: { required: true, provider: 'any', options: { allowRememberBrowser: false }, action: 'MFA when the risk assessment is not confident' } },
        accessToken: { claims: { [`${NS}/risk_confidence`]: 'low' } },
      },
    },
    {
      name: 'denies a deny-listed IP address before the other actions',
      event: {
        authentication: { riskAssessment: { assessments: { UntrustedIP: { confidence: 'low', code: 'found_on_deny_list', details: { ip: '13.33.86.47', matches: '13.33.86.0/24', source: 'firehol', category: 'abuse' } } } } },
      },
      expect: {
        status: 'denied',
        error: { code: 'access_denied', description: 'This login was blocked for security reasons. Please contact support.' },
        actions: [{ status: 'denied', logs: [{ level: 'warn', message: 'Denied 13.33.86.47: on the firehol deny list' }] }, { status: 'skipped' }, { status: 'skipped' }],
        mfa: null,
      },
    },
    {
      name: 'does not ask for MFA on a confident login',
      event: { authentication: { riskAssessment: { confidence: 'high' } } },
      expect: { status: 'completed', mfa: null, accessToken: { claims: { [`${NS}/risk_confidence`]: 'high' } } },
    },
    {
      name: 'does not ask a user without an authenticator to enroll on a risky login',
      event: { user: { multifactor: [] } },
      expect: {
        status: 'completed',
        mfa: null,
        actions: [{ status: 'ok' }, { status: 'ok', logs: [{ level: 'warn', message: 'Risky login (low) by a user without MFA: auth0|5f7c8ec7c33c6c004bbafe82' }] }, { status: 'ok' }],
      },
    },
  ],
  'first-login-slack': [
    {
      name: 'posts to Slack and starts onboarding on the first login',
      now: MONDAY,
      expect: {
        status: 'completed',
        http: [{
          method: 'POST', url: { $matches: '^https://hooks\\.slack\\.com/services/' }, status: 200, mock: 0,
          headers: { 'content-type': 'application/json' },
          body: { $equals: { text: 'New user j+smith@example.com signed up with Username-Password-Authentication on My SPA' } },
        }],
        user: { app_metadata: { $equals: { onboarding: { status: 'pending', started_at: MONDAY_ISO } } } },
        idToken: { claims: { [`${NS}/new_user`]: true } },
      },
    },
    {
      name: 'names the connection and the app the user signed up with',
      event: { connection: { name: 'google-oauth2', strategy: 'google-oauth2' }, client: { name: 'Back office' } },
      expect: { http: [{ body: { text: 'New user j+smith@example.com signed up with google-oauth2 on Back office' } }] },
    },
    {
      name: 'does nothing on later logins',
      event: { stats: { logins_count: 2 } },
      expect: { status: 'completed', http: [], profileUpdates: { count: 0 }, idToken: { customClaims: { $equals: {} } } },
    },
  ],
  // The npm-package flows (packageFlows.ts).
  'partner-jwt-jwks': [
    {
      name: 'fetches the partner JWKS once and adds the partner claims for a valid token',
      now: MONDAY,
      expect: {
        status: 'completed',
        actions: [{ status: 'ok', logs: [] }],
        http: [{ method: 'GET', url: PARTNER_JWKS_URL, status: 200, mock: 0 }],
        idToken: { customClaims: { $equals: { [`${NS}/partner`]: { id: 'northwind', customer: 'nw-customer-8841', tier: 'gold' } } } },
        accessToken: { claims: { [`${NS}/partner_tier`]: 'gold' } },
      },
    },
    { name: 'denies a token whose claims were changed', now: MONDAY, event: { request: { query: { partner_token: TAMPERED_PARTNER_JWT } } }, expect: partnerJwtRefused('invalid signature') },
    {
      name: 'denies a token signed with a key the partner does not publish',
      now: MONDAY,
      event: { request: { query: { partner_token: UNKNOWN_KEY_PARTNER_JWT } } },
      expect: partnerJwtRefused("error in secret or public key callback: Unable to find a signing key that matches 'northwind-2025-01'"),
    },
    { name: 'denies the token once it has expired', now: '2036-06-01T00:00:00Z', expect: partnerJwtRefused('jwt expired') },
    {
      name: 'denies a valid token issued for another email',
      now: MONDAY,
      event: { user: { email: 'jane@acme.test' } },
      expect: {
        status: 'denied', error: { description: 'This partner sign-in link belongs to another account.' },
        actions: [{ logs: [{ level: 'warn', message: 'Refused a partner token for nw-customer-8841: it was issued for another email' }] }],
      },
    },
    { name: 'does nothing without a partner token', event: { request: { query: { partner_token: null } } }, expect: { status: 'completed', http: [], idToken: { customClaims: { $equals: {} } } } },
  ],
  'link-accounts-auth0-sdk': [
    {
      name: 'finds the database account by email, links the Google identity into it and makes it the subject',
      now: MONDAY,
      expect: {
        status: 'completed',
        actions: [{ status: 'ok', logs: [{ level: 'log', message: `Linked ${GOOGLE_USER_ID} into ${DATABASE_USER_ID}` }] }],
        http: [
          { method: 'POST', url: `https://${TENANT}/oauth/token`, status: 200, standIn: 'management-api', body: { $matches: `^grant_type=client_credentials&.*audience=${encodeURIComponent(`https://${TENANT}/api/v2/`)}` } },
          { method: 'GET', url: `https://${TENANT}/api/v2/users-by-email?email=j%2Bsmith%40example.com`, status: 200, headers: { authorization: { $matches: `^Bearer ${JWT}$` } }, standIn: 'management-api' },
          { method: 'POST', url: `https://${TENANT}/api/v2/users/auth0%7C5f7c8ec7c33c6c004bbafe82/identities`, status: 201, body: { $equals: { provider: 'google-oauth2', user_id: '109876543210987654321' } }, standIn: 'management-api' },
        ],
        managementApi: { changes: [{ kind: 'identities.link', user_id: DATABASE_USER_ID, linked: GOOGLE_USER_ID }] },
        authentication: { primaryUser: DATABASE_USER_ID },
        idToken: { claims: { sub: DATABASE_USER_ID } },
        accessToken: { claims: { sub: DATABASE_USER_ID } },
        warnings: [],
      },
    },
    {
      name: 'leaves a user without another account alone',
      now: MONDAY,
      event: { user: { email: 'new.person@example.org' } },
      expect: { status: 'completed', http: [{ method: 'POST', status: 200 }, { method: 'GET', status: 200, response: [{ user_id: GOOGLE_USER_ID }] }], managementApi: { changes: [] }, authentication: { primaryUser: null }, idToken: { claims: { sub: GOOGLE_USER_ID } } },
    },
    {
      name: 'does not call the Management API for an unverified email',
      event: { user: { email_verified: false } },
      expect: { status: 'completed', http: [], authentication: { primaryUser: null }, idToken: { claims: { sub: GOOGLE_USER_ID } } },
    },
  ],
  'default-role-first-login': [
    {
      name: 'assigns the member role by id on the first login and adds it to the tokens',
      now: MONDAY,
      expect: {
        status: 'completed',
        actions: [{ status: 'ok', logs: [] }],
        http: [
          { method: 'POST', url: `https://${TENANT}/oauth/token`, status: 200 },
          { method: 'GET', url: `https://${TENANT}/api/v2/roles?per_page=50&page=0&include_totals=true&name_filter=member`, status: 200 },
          { method: 'POST', url: `https://${TENANT}/api/v2/users/auth0%7C5f7c8ec7c33c6c004bbafe82/roles`, status: 204, body: { $equals: { roles: [MEMBER_ROLE_ID] } } },
        ],
        managementApi: { changes: [{ kind: 'roles.assign', user_id: DATABASE_USER_ID, roles: [{ id: MEMBER_ROLE_ID, name: 'member' }] }] },
        idToken: { customClaims: { $equals: { [`${NS}/roles`]: ['member'] } } },
        accessToken: { claims: { [`${NS}/roles`]: ['member'] } },
      },
    },
    { name: 'does nothing on a later login', event: { stats: { logins_count: 4 } }, expect: { status: 'completed', http: [], idToken: { customClaims: { $equals: {} } } } },
  ],
  'corporate-ip-range': [
    {
      name: 'flags a login from outside the corporate ranges',
      expect: { status: 'completed', accessToken: { claims: { [`${NS}/network`]: 'external' } }, idToken: { customClaims: { $equals: { [`${NS}/outside_network`]: true } } } },
    },
    { name: 'recognizes an office IPv4 address', event: { request: { ip: '198.51.100.23' } }, expect: { status: 'completed', accessToken: { claims: { [`${NS}/network`]: 'corporate' } }, idToken: { customClaims: { $equals: {} } } } },
    { name: 'recognizes an IPv4-mapped IPv6 address of the office', event: { request: { ip: '::ffff:198.51.100.23' } }, expect: { accessToken: { claims: { [`${NS}/network`]: 'corporate' } } } },
    { name: 'recognizes an office IPv6 address', event: { request: { ip: '2001:db8:4a17::2f' } }, expect: { accessToken: { claims: { [`${NS}/network`]: 'corporate' } } } },
    {
      name: 'denies the back office from outside',
      event: { client: { name: 'Back office' } },
      expect: { status: 'denied', error: { code: 'access_denied', description: 'Back office is only available from the corporate network.' }, accessToken: null },
    },
    { name: 'lets the back office in from the office', event: { client: { name: 'Back office' }, request: { ip: '198.51.100.7' } }, expect: { status: 'completed' } },
  ],
  'soap-entitlements': [
    {
      name: 'posts a SOAP request for the employee and puts the active entitlements into the tokens',
      expect: {
        status: 'completed',
        actions: [{ status: 'ok', logs: [] }],
        http: [{
          method: 'POST', url: ENTITLEMENTS_URL, status: 200, mock: 0,
          headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: '"urn:acme:entitlements:v2/GetEntitlements"' },
          body: { $matches: '<GetEntitlements xmlns="urn:acme:entitlements:v2"><EmployeeId>E-20417</EmployeeId></GetEntitlements>' },
        }],
        idToken: { customClaims: { $equals: { [`${NS}/entitlements`]: ['expenses.submit', 'expenses.approve'] } } },
        accessToken: { claims: { [`${NS}/entitlements`]: ['expenses.submit', 'expenses.approve'], [`${NS}/cost_center`]: 'CC-4410' } },
      },
    },
    { name: 'escapes the employee id in the envelope', event: { user: { app_metadata: { employee_id: 'E<1>&2' } } }, expect: { http: [{ body: { $matches: '<EmployeeId>E&#60;1&#62;&#38;2</EmployeeId>' } }] } },
    { name: 'does not call the service for a user without an employee id', event: { user: { app_metadata: { employee_id: null } } }, expect: { status: 'completed', http: [], idToken: { customClaims: { $equals: {} } } } },
  ],
  'debug-logging': [
    {
      name: 'prints the enabled namespaces to stderr with the time, and nothing for login:trace',
      now: MONDAY,
      expect: {
        status: 'completed',
        mfa: null,
        actions: [{
          status: 'ok',
          logs: { $equals: [
            { level: 'error', message: `${MONDAY_ISO} login:risk ${DATABASE_USER_ID} signs in to My SPA from 13.33.86.47 (US)`, phase: 'execute' },
            { level: 'error', message: `${MONDAY_ISO} login:risk nothing unusual`, phase: 'execute' },
          ] },
        }],
      },
    },
    {
      name: 'logs why it asks for MFA from an unusual country',
      now: MONDAY,
      event: { user: { app_metadata: { usual_countries: ['DE', 'AT'] } } },
      expect: {
        status: 'completed',
        mfa: { required: true, provider: 'any' },
        actions: [{ logs: [{ level: 'error' }, { level: 'error', message: `${MONDAY_ISO} login:risk country US is new for this user (usual: [ 'DE', 'AT' ]): MFA` }] }],
      },
    },
  ],
}
