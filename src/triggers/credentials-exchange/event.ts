/**
 * The credentials-exchange event, as Auth0's "Actions Triggers: credentials-exchange - Event Object" reference
 * describes it (https://auth0.com/docs/customize/actions/reference/credentials-exchange/credentials-exchange-event-object),
 * with the field types of Auth0's `@auth0/actions` credentials-exchange v2 types. Objects are loose: Auth0 adds fields
 * over time. The default event is an M2M application asking for a token for https://api.example.com.
 */
import * as z from 'zod'
import type { EventPreset } from '../../engine/trigger.ts'
import { geoip } from '../eventFields.ts'
import { part, preset } from '../presets.ts'

const stringMap = (description: string) => z.record(z.string(), z.string()).describe(description)
const anyMap = (description: string) => z.record(z.string(), z.any()).describe(description)
const strings = (description: string) => z.array(z.string()).describe(description)


export const CREDENTIALS_EXCHANGE_EVENT_SCHEMA = z.looseObject({
  accessToken: z.looseObject({
    customClaims: anyMap('The custom claims set so far by earlier actions of this exchange.'),
    scope: strings('The scopes the access token is to be issued with.'),
  }).describe('Information about the access token to be issued.'),
  agent: z.looseObject({
    agent_id: z.string().describe('[Early Access] The stable identifier of the agent, prefixed with agt_.'),
    agent_metadata: anyMap('[Early Access] Free-form key-value metadata of the agent (an empty object when it has none).'),
    name: z.string().describe('[Early Access] The human-readable name of the agent.'),
  }).optional().describe('[Early Access] The agent acting in this flow, when the client is linked to one.'),
  client: z.looseObject({
    client_id: z.string().describe('The client id of the application asking for the token.'),
    name: z.string().describe('The name of the application (as defined in the Dashboard).'),
    metadata: stringMap('An object for holding other application properties (the application\'s metadata).'),
  }).describe('Information about the Client used during this token exchange.'),
  custom_domain: z.looseObject({
    domain: z.string().describe('The custom domain name.'),
    domain_metadata: stringMap('Custom domain metadata as key-value pairs.'),
  }).optional().describe('Details about the custom domain associated with the current transaction.'),
  organization: z.looseObject({
    id: z.string().describe('The Organization identifier.'),
    name: z.string().describe('The name of the Organization.'),
    display_name: z.string().describe('The friendly name of the Organization.'),
    metadata: stringMap('Metadata associated with the Organization.'),
  }).optional().describe('Details about the Organization associated with the current transaction.'),
  request: z.looseObject({
    ip: z.string().describe('The originating IP address of the request.'),
    method: z.string().describe('The HTTP method used for the request.'),
    hostname: z.string().optional().describe('The hostname that is being used for the authentication flow.'),
    language: z.string().optional().describe('The language requested by the client.'),
    user_agent: z.string().optional().describe('The value of the User-Agent header received with the token request.'),
    body: anyMap('The body of the POST /oauth/token request (grant_type, client_id, audience, scope…).'),
    geoip: geoip('Where the request came from, by its IP address.').optional(),
  }).describe('Details about the request that initiated the transaction.'),
  resource_server: z.looseObject({
    identifier: z.string().describe('The identifier of the resource server (the audience), e.g. https://your-api.example.com.'),
  }).describe('Information about the Resource Server that is issuing the access token.'),
  tenant: z.looseObject({
    id: z.string().describe('The name of the tenant.'),
  }).describe('Information about the Tenant used during this token exchange.'),
  transaction: z.looseObject({
    correlation_id: z.string().optional().describe('A correlation id given with the request, to correlate logs and requests.'),
    requested_scopes: strings('The scopes specified (if any) when requesting the access token.'),
    target_scopes: strings('[Early Access] The live target scope set; api.transaction changes it, and after the last action it is intersected with the client grant.').optional(),
  }).describe('Information about the Credentials Exchange transaction.'),
  // Optional in a document: the runner gives each action its own secrets.
  secrets: stringMap('Secret values securely associated with this Action (replaced by each action\'s own secrets when it runs).').optional(),
  configuration: stringMap('The configuration of this action (non-secret values), by name.').optional(),
}).describe('The credentials-exchange event: the client credentials grant request an access token is being issued for.')

export const API_AUDIENCE = 'https://api.example.com'
export const M2M_CLIENT_ID = 'Zq4Lr8XkD2mWb7NcV1sHtY5pJ0aFeG3u'
const GRANTED = ['read:reports', 'read:users']

export function createDefaultEvent(): Record<string, any> {
  return {
    accessToken: { customClaims: {}, scope: [...GRANTED] },
    client: { client_id: M2M_CLIENT_ID, name: 'My M2M App', metadata: { trusted: 'true', partner_id: 'northwind', tier: 'gold' } },
    request: {
      ip: '203.0.113.42',
      method: 'POST',
      hostname: 'acme-dev.us.auth0.com',
      language: 'en',
      user_agent: 'node-fetch/1.0 (+https://github.com/bitinn/node-fetch)',
      body: { grant_type: 'client_credentials', client_id: M2M_CLIENT_ID, audience: API_AUDIENCE, scope: GRANTED.join(' ') },
      geoip: {
        cityName: 'Ashburn', continentCode: 'NA', countryCode: 'US', countryCode3: 'USA', countryName: 'United States of America',
        latitude: 39.0438, longitude: -77.4874, subdivisionCode: 'VA', subdivisionName: 'Virginia', timeZone: 'America/New_York',
      },
    },
    resource_server: { identifier: API_AUDIENCE },
    tenant: { id: 'acme-dev' },
    transaction: { requested_scopes: [...GRANTED] },
    secrets: {},
  }
}

export const EVENT_PRESETS: EventPreset[] = [
  preset('untrusted-client', 'Untrusted client', 'An M2M application whose metadata does not mark it trusted ("trusted": "false"), with no partner id.', (event) => {
    const client = part(event, 'client')
    Object.assign(client, { client_id: 'Hn2Wq7Ty5Ub8Rc1Xe4Kd9Lm3Pa6Vs0Gj', name: 'Legacy Cron Job', metadata: { trusted: 'false' } })
    const body = part(part(event, 'request'), 'body')
    body.client_id = client.client_id
  }),

  preset('other-audience', 'Another API', 'The token is asked for an API the actions do not expect: https://billing.example.com.', (event) => {
    const audience = 'https://billing.example.com'
    part(event, 'resource_server').identifier = audience
    part(part(event, 'request'), 'body').audience = audience
    part(event, 'accessToken').scope = ['read:invoices']
    part(event, 'transaction').requested_scopes = ['read:invoices']
    part(part(event, 'request'), 'body').scope = 'read:invoices'
  }),

  preset('write-scopes', 'Asks for write access', 'The application asks for (and its client grant has) write and delete scopes besides the read ones.', (event) => {
    const scopes = ['read:reports', 'read:users', 'write:users', 'delete:users']
    part(event, 'transaction').requested_scopes = scopes
    part(event, 'accessToken').scope = scopes
    part(part(event, 'request'), 'body').scope = scopes.join(' ')
  }),

  preset('europe', 'Request from Europe', 'The token request comes from Frankfurt, Germany (continent EU).', (event) => {
    const request = part(event, 'request')
    request.ip = '18.184.0.10'
    request.geoip = {
      cityName: 'Frankfurt am Main', continentCode: 'EU', countryCode: 'DE', countryCode3: 'DEU', countryName: 'Germany',
      latitude: 50.1109, longitude: 8.6821, subdivisionCode: 'HE', subdivisionName: 'Hesse', timeZone: 'Europe/Berlin',
    }
  }),

  preset('organization', 'For an organization', 'The client asks for a token for the organization acme-corp (machine-to-machine access for organizations).', (event) => {
    event.organization = { id: 'org_4hQw8NcV1sHtY5pJ', name: 'acme-corp', display_name: 'Acme Corp', metadata: { plan: 'enterprise' } }
    part(part(event, 'request'), 'body').organization = 'org_4hQw8NcV1sHtY5pJ'
  }),
]
