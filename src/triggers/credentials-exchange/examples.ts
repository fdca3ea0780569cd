/**
 * Example flows of the credentials-exchange trigger, each with its flow tests: a token with claims, a denied
 * exchange, claims from a cached HTTP lookup, and an action that fails. `actions-playground test` runs the tests.
 */
import type { FlowAction, FlowDocument } from '../../engine/flowDocument.ts'
import type { ActionSpec, ExampleFlow } from '../content.ts'
import { API_AUDIENCE, createDefaultEvent, M2M_CLIENT_ID } from './event.ts'
import { cachedEntitlements, claimsFromClientMetadata, denyUntrustedClient, ENTITLEMENTS_MOCK, JSDOC, requestIpClaim, restrictScopesAndAudience } from './templates.ts'

const MONDAY = '2026-11-23T12:00:00Z'
const MONDAY_S = Date.parse(MONDAY) / 1000
const NS = 'https://api.example.com'
const ISSUER = 'https://acme-dev.us.auth0.com/'

const readDailyLimit: ActionSpec = {
  name: 'Daily quota claim',
  code: `${JSDOC}
exports.onExecuteCredentialsExchange = async (event, api) => {
  // Bug: not every application has "limits" in its metadata, and JSON.parse(undefined) throws.
  const limits = JSON.parse(event.client.metadata.limits);
  api.accessToken.setCustomClaim("${NS}/daily_quota", limits.daily);
};
`,
}

function actions(specs: ActionSpec[]): FlowAction[] {
  return specs.map((spec, index) => ({ id: `action-${index + 1}`, name: spec.name, code: spec.code, enabled: spec.enabled ?? true, secrets: { ...spec.secrets } }))
}

function flow(name: string, specs: ActionSpec[], tests: NonNullable<FlowDocument['tests']>, extra: Partial<FlowDocument> = {}): FlowDocument {
  return { version: 1, trigger: 'credentials-exchange', name, actions: actions(specs), event: createDefaultEvent(), mocks: { http: [] }, ...extra, tests }
}

const LEGACY_CLIENT_ID = 'Hn2Wq7Ty5Ub8Rc1Xe4Kd9Lm3Pa6Vs0Gj'
/** The entitlements service knows no such client. */
const UNKNOWN_CLIENT_MOCK = { method: 'GET', url: `${ENTITLEMENTS_MOCK.url.replace(M2M_CLIENT_ID, LEGACY_CLIENT_ID)}`, status: 404, body: { error: 'not_found' }, headers: {} }

const UNTRUSTED = { client: { client_id: LEGACY_CLIENT_ID, name: 'Legacy Cron Job', metadata: { trusted: 'false' } } }

export const EXAMPLES: ExampleFlow[] = [
  {
    slug: 'm2m-claims',
    title: 'M2M token with custom claims',
    teaches: 'The client credentials access token: sub <client_id>@clients, gty client-credentials, the API as aud, and the custom claims the actions set.',
    watchFor: [
      'Both actions set custom claims on the access token: there is no user and no ID token.',
      'The access token is made after the last action: sub is <client_id>@clients and gty is client-credentials.',
    ],
    document: flow('M2M token with custom claims', [claimsFromClientMetadata, requestIpClaim], [
      {
        name: 'issues the access token with the claims',
        now: MONDAY,
        expect: {
          status: 'completed',
          idToken: null,
          jwks: { keys: [{ kty: 'RSA', alg: 'RS256' }] },
          accessToken: {
            jwt: { $matches: '^[\\w-]+\\.[\\w-]+\\.[\\w-]+$' },
            audience: API_AUDIENCE,
            scope: 'read:reports read:users',
            claims: {
              iss: ISSUER, sub: `${M2M_CLIENT_ID}@clients`, aud: API_AUDIENCE, azp: M2M_CLIENT_ID, gty: 'client-credentials',
              iat: MONDAY_S, exp: MONDAY_S + 86_400, scope: 'read:reports read:users',
              [`${NS}/partner_id`]: 'northwind', [`${NS}/tier`]: 'gold', 'https://my-api.exampleco.com/request-ip': '203.0.113.42',
            },
            customClaims: { $equals: { [`${NS}/partner_id`]: 'northwind', [`${NS}/tier`]: 'gold', 'https://my-api.exampleco.com/request-ip': '203.0.113.42' } },
          },
        },
      },
      {
        name: 'a client without metadata gets the standard tier and no partner id',
        event: { client: { metadata: { trusted: 'true', partner_id: '', tier: '' } } },
        expect: { status: 'completed', accessToken: { customClaims: { [`${NS}/tier`]: 'standard', [`${NS}/partner_id`]: { $absent: true } } } },
      },
    ]),
  },
  {
    slug: 'm2m-deny-untrusted',
    title: 'Deny untrusted clients',
    teaches: 'api.access.deny(code, reason): the client gets code as error and reason as error_description; later actions do not run and no token is issued.',
    watchFor: [
      'This event\'s client has metadata trusted "true": all three actions run and the token is issued.',
      'Change client.metadata.trusted in the Event tab and run again: api.access.deny(code, reason) gives the client error and error_description.',
      'Then the actions after the deny do not run, and no access token is issued.',
    ],
    document: flow('Deny untrusted clients', [denyUntrustedClient, restrictScopesAndAudience, claimsFromClientMetadata], [
      {
        name: 'a trusted client gets its token',
        expect: { status: 'completed', actions: [{ status: 'ok' }, { status: 'ok' }, { status: 'ok' }], accessToken: { claims: { [`${NS}/tier`]: 'gold' } } },
      },
      {
        name: 'an untrusted client is denied with invalid_request',
        event: UNTRUSTED,
        expect: {
          status: 'denied',
          error: { code: 'invalid_request', description: 'Legacy Cron Job may not get tokens for https://api.example.com.', action: 'Deny untrusted clients' },
          actions: [{ status: 'denied' }, { status: 'skipped' }, { status: 'skipped' }],
          accessToken: null,
          jwks: null,
        },
      },
      {
        name: 'another API is denied by the second action',
        event: { resource_server: { identifier: 'https://billing.example.com' } },
        expect: { status: 'denied', error: { code: 'invalid_request', description: 'Unknown API: https://billing.example.com' }, actions: [{ status: 'ok' }, { status: 'denied' }, { status: 'skipped' }] },
      },
    ]),
  },
  {
    slug: 'm2m-cached-entitlements',
    title: 'Entitlements from a service, cached',
    teaches: 'fetch in an action is answered by the flow\'s HTTP mocks; api.cache keeps the answer for later exchanges.',
    document: flow('Entitlements from a service, cached', [cachedEntitlements], [
      {
        name: 'fetches the entitlements, caches them and puts them into a claim',
        now: MONDAY,
        expect: {
          status: 'completed',
          http: [{ method: 'GET', url: ENTITLEMENTS_MOCK.url, status: 200 }],
          cache: { [`entitlements:${M2M_CLIENT_ID}`]: { value: '{"features":["reports","exports"]}', expires_at: Date.parse(MONDAY) + 600_000 } },
          accessToken: { customClaims: { [`${NS}/entitlements`]: ['reports', 'exports'] } },
        },
      },
      {
        name: 'denies with server_error when the service has no answer for the client',
        event: UNTRUSTED,
        expect: { status: 'denied', error: { code: 'server_error', description: 'The entitlements service is unavailable.' }, accessToken: null },
      },
    ], { mocks: { http: [ENTITLEMENTS_MOCK, UNKNOWN_CLIENT_MOCK] } }),
  },
  {
    slug: 'm2m-failing-action',
    title: 'An action that throws',
    teaches: 'An uncaught error fails the exchange (access_denied with the error\'s message; UNVERIFIED for this trigger) and no token is issued.',
    document: flow('An action that throws', [requestIpClaim, readDailyLimit], [
      {
        name: 'fails the exchange with the error',
        expect: {
          status: 'failed',
          error: { code: 'access_denied', description: { $contains: 'not valid JSON' }, action: 'Daily quota claim' },
          actions: [{ status: 'ok' }, { status: 'failed', error: { name: 'SyntaxError' } }],
          accessToken: null,
        },
      },
      {
        name: 'works for a client with limits in its metadata',
        event: { client: { metadata: { limits: '{"daily":1000}' } } },
        expect: { status: 'completed', actions: [{ status: 'ok' }, { status: 'ok' }], accessToken: { customClaims: { [`${NS}/daily_quota`]: 1000 } } },
      },
    ]),
  },
]
