/**
 * The tests of the example flows, by slug: each flow document in the gallery and under `flows/` carries them,
 * and `actions-playground test src/examples/flows` runs them. Each example has at least one.
 */
import type { FlowTest } from '../engine/flowTests.ts'
import { CONTINUE_FILES } from './continueFiles.ts'

const MONDAY = '2026-11-23T12:00:00Z'
const SATURDAY = '2026-11-28T12:00:00Z'
const ROLES = 'https://my-app.example.com/roles'
const DENIED_MY_SPA = { status: 'denied', error: { code: 'access_denied', description: 'Access to My SPA is not allowed.' } }

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
      timeLimitMs: 1000,
      expect: { status: 'failed', error: { code: 'access_denied', timeout: true }, actions: [{ status: 'failed' }] },
    },
  ],
}
