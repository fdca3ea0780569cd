/**
 * The pre-user-registration event: its one description (a zod schema; the editor's JSON Schema is generated from it
 * and types.d.ts.txt says the same), the default event and the presets. Fields follow Auth0's "Actions Triggers:
 * pre-user-registration - Event Object" (https://auth0.com/docs/customize/actions/explore-triggers/signup-and-login-triggers/pre-user-registration-trigger/pre-user-registration-event-object).
 * Objects are loose, as Auth0 adds fields over time.
 */
import * as z from 'zod'
import type { EventPreset } from '../../engine/trigger.ts'
import type { FlowEvent } from '../../engine/flowDocument.ts'
import { part, preset } from '../presets.ts'

const text = (description: string) => z.string().describe(description)
const optionalText = (description: string) => z.string().optional().describe(description)
const stringMap = (description: string) => z.record(z.string(), z.string()).describe(description)
const anyMap = (description: string) => z.record(z.string(), z.unknown()).describe(description)
const optionalAnyMap = (description: string) => z.record(z.string(), z.unknown()).optional().describe(description)
const optionalStringMap = (description: string) => z.record(z.string(), z.string()).optional().describe(description)

const geoip = z.looseObject({
  cityName: optionalText('City.'),
  continentCode: optionalText('Continent code: AF, AN, AS, EU, NA, OC or SA.'),
  countryCode: optionalText('ISO 3166-1 alpha-2 country code, e.g. US.'),
  countryCode3: optionalText('ISO 3166-1 alpha-3 country code, e.g. USA.'),
  countryName: optionalText('Country name.'),
  latitude: z.number().optional().describe('Latitude.'),
  longitude: z.number().optional().describe('Longitude.'),
  subdivisionCode: optionalText('Subdivision (state, region) code.'),
  subdivisionName: optionalText('Subdivision name.'),
  timeZone: optionalText('IANA time zone, e.g. Europe/Berlin.'),
}).describe('Where the IP address of the request is.')

const user = z.looseObject({
  email: optionalText('Email address the user signs up with (database and email passwordless connections).'),
  phone_number: optionalText('Phone number the user signs up with (SMS passwordless, or a database connection that collects it).'),
  username: optionalText('Username (database connections that require one).'),
  name: optionalText('Full name.'),
  nickname: optionalText('Nickname.'),
  given_name: optionalText('Given name.'),
  family_name: optionalText('Family name.'),
  picture: optionalText('URL of the picture.'),
  app_metadata: optionalAnyMap('Data the user cannot edit, as sent with the signup. Changed with api.user.setAppMetadata.'),
  user_metadata: optionalAnyMap('Data the user may edit, as sent with the signup (user_metadata of /dbconnections/signup). Changed with api.user.setUserMetadata.'),
}).describe('The user who is attempting to register; not created yet, so no user_id.')

const request = z.looseObject({
  ip: text('IP address the request came from.'),
  method: text('HTTP method of the request, e.g. POST.'),
  hostname: optionalText('Host name of the tenant (or custom domain).'),
  language: optionalText('Language the browser asked for, e.g. en.'),
  user_agent: optionalText('User-Agent header of the request.'),
  body: anyMap('Body of the signup POST request, with the fields of the signup form (custom prompt fields such as ulp-*).'),
  geoip,
}).describe('The HTTP request that started the signup.')

const transaction = z.looseObject({
  acr_values: z.array(z.string()).describe('ACR values of the authorization request.'),
  locale: text('Locale of the login pages, from the browser\'s language and the tenant\'s settings.'),
  login_hint: optionalText('The login_hint parameter.'),
  prompt: z.array(z.string()).optional().describe('The prompt values of the authorization request.'),
  protocol: optionalText('How the transaction started, e.g. oidc-basic-profile.'),
  redirect_uri: optionalText('Where the application receives the result.'),
  requested_scopes: z.array(z.string()).describe('Scopes the application asked for.'),
  response_mode: optionalText('Response mode, e.g. query.'),
  response_type: z.array(z.string()).optional().describe('Response types, e.g. ["code"].'),
  state: optionalText('The state parameter.'),
  ui_locales: z.array(z.string()).describe('The ui_locales parameter.'),
})

export const PRE_USER_REGISTRATION_EVENT = z.looseObject({
  user,
  connection: z.looseObject({
    id: text('Connection id.'),
    name: text('Connection name, e.g. Username-Password-Authentication.'),
    strategy: text('Connection type: auth0 (database), email or sms (passwordless).'),
    metadata: optionalStringMap('Connection metadata.'),
  }).describe('The connection the user signs up with: a database or passwordless connection.'),
  client: z.looseObject({
    client_id: text('Client id.'),
    name: text('Application name.'),
    metadata: stringMap('Application metadata.'),
  }).optional().describe('The application the user signs up from.'),
  request,
  tenant: z.looseObject({ id: text('Tenant name.') }).describe('The tenant.'),
  transaction: transaction.optional().describe('The transaction the signup is part of (absent for signups through the Authentication API alone).'),
  authentication: z.looseObject({
    riskAssessment: optionalAnyMap('Risk assessment of the signup (Bot Detection, Akamai supplemental signals).'),
  }).optional().describe('Authentication details gathered during the signup.'),
  custom_domain: z.looseObject({
    domain: text('The custom domain.'),
    domain_metadata: optionalStringMap('Custom domain metadata.'),
  }).optional().describe('The custom domain the request came through.'),
  security_context: z.looseObject({
    ja3: optionalText('JA3 TLS fingerprint.'),
    ja4: optionalText('JA4 TLS fingerprint.'),
  }).optional().describe('TLS fingerprints of the client (when the tenant is behind Cloudflare).'),
  secrets: stringMap('Replaced by each action\'s own secrets when it runs.'),
}).describe('Details about the user and the context in which they are signing up.')

export const DEFAULT_CLIENT_ID = 'gmOWNgklfRm4tyl5YYnl3JDSJy19h1bR'

/** A signup on the Universal Login page of "My SPA" with email and password. */
export function createDefaultEvent(): FlowEvent {
  return {
    tenant: { id: 'acme-dev' },
    client: { client_id: DEFAULT_CLIENT_ID, name: 'My SPA', metadata: { tier: 'gold' } },
    connection: { id: 'con_fpe5kj482KO1eOzQ', name: 'Username-Password-Authentication', strategy: 'auth0', metadata: {} },
    user: {
      email: 'jane.doe@example.org',
      name: 'jane.doe@example.org',
      nickname: 'jane.doe',
      picture: 'https://s.gravatar.com/avatar/6a1b2c3d4e5f60718293a4b5c6d7e8f9?s=480&r=pg&d=https%3A%2F%2Fcdn.auth0.com%2Favatars%2Fja.png',
      app_metadata: {},
      user_metadata: {},
    },
    request: {
      ip: '13.33.86.47',
      method: 'POST',
      hostname: 'acme-dev.us.auth0.com',
      language: 'en',
      user_agent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
      body: { email: 'jane.doe@example.org', state: 'hKFo2SBYdUo3cVB0WGxIRnZ6S3NrR2JfR1hwM2pNeHZ6OHFfR6Fur3VuaXZlcnNhbC1sb2dpbqN0aWTZIDE4' },
      geoip: {
        cityName: 'Bellevue',
        continentCode: 'NA',
        countryCode: 'US',
        countryCode3: 'USA',
        countryName: 'United States of America',
        latitude: 47.61793,
        longitude: -122.19584,
        subdivisionCode: 'WA',
        subdivisionName: 'Washington',
        timeZone: 'America/Los_Angeles',
      },
    },
    transaction: {
      acr_values: [],
      locale: 'en',
      protocol: 'oidc-basic-profile',
      prompt: [],
      redirect_uri: 'https://app.example.com/callback',
      requested_scopes: ['openid', 'profile', 'email'],
      response_mode: 'query',
      response_type: ['code'],
      state: 'AABBccddEEFFGGTTasrs',
      ui_locales: ['en'],
    },
    secrets: {},
  }
}

export const EVENT_PRESETS: EventPreset[] = [
  preset('disposable-email', 'Disposable email', 'Someone signs up with a throwaway mailinator.com address.', (event) => {
    Object.assign(part(event, 'user'), { email: 'qwerty123@mailinator.com', name: 'qwerty123@mailinator.com', nickname: 'qwerty123' })
    part(part(event, 'request'), 'body').email = 'qwerty123@mailinator.com'
  }),

  preset('passwordless-email', 'Passwordless signup (email)', 'A first login with an email code creates the user in the "email" passwordless connection.', (event) => {
    event.connection = { id: 'con_Pw9sLe3mK2tQx7Ra', name: 'email', strategy: 'email', metadata: {} }
    const user = part(event, 'user')
    Object.assign(user, { email: 'sam.lee@example.org', name: 'sam.lee@example.org', nickname: 'sam.lee' })
    delete user.username
    delete user.phone_number
    part(event, 'request').body = { connection: 'email', email: 'sam.lee@example.org', send: 'code' }
  }),

  preset('passwordless-sms', 'Passwordless signup (SMS)', 'A first login with an SMS code creates the user in the "sms" passwordless connection: a phone number, no email.', (event) => {
    event.connection = { id: 'con_Sm4rT8vNq1Lw6XyZ', name: 'sms', strategy: 'sms', metadata: {} }
    const user = part(event, 'user')
    for (const key of ['email', 'username', 'name', 'nickname', 'picture']) delete user[key]
    user.phone_number = '+14255550123'
    part(event, 'request').body = { connection: 'sms', phone_number: '+14255550123', send: 'code' }
  }),

  preset('blocked-country', 'Signup from a blocked country', 'The signup comes from Pyongyang, North Korea (KP), in Korean.', (event) => {
    const request = part(event, 'request')
    Object.assign(request, { ip: '175.45.176.3', language: 'ko' })
    request.geoip = {
      cityName: 'Pyongyang',
      continentCode: 'AS',
      countryCode: 'KP',
      countryCode3: 'PRK',
      countryName: 'North Korea',
      latitude: 39.0339,
      longitude: 125.7543,
      subdivisionCode: '01',
      subdivisionName: 'Pyongyang',
      timeZone: 'Asia/Pyongyang',
    }
  }),

  preset('custom-signup-fields', 'Custom signup fields', 'The signup prompt has custom fields (Signup Prompt Customization): ulp-first-name and ulp-invite-code in the request body.', (event) => {
    Object.assign(part(part(event, 'request'), 'body'), { 'ulp-first-name': 'Jane', 'ulp-invite-code': 'ACME-2026-7F3K' })
  }),

  preset('username-signup', 'Database signup with a username', 'A database connection that requires a username as well as the email.', (event) => {
    const user = part(event, 'user')
    user.username = 'janedoe'
    part(part(event, 'request'), 'body').username = 'janedoe'
  }),
]
