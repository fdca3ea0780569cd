/**
 * The pre-user-registration event: its one description (a zod schema; the editor's JSON Schema is generated from it
 * and types.d.ts.txt says the same), the default event and the presets. Fields follow Auth0's "Actions Triggers:
 * pre-user-registration - Event Object" (https://auth0.com/docs/customize/actions/explore-triggers/signup-and-login-triggers/pre-user-registration-trigger/pre-user-registration-event-object).
 * Objects are loose, as Auth0 adds fields over time.
 */
import type { EventPreset } from '../../engine/trigger.ts'
import type { FlowEvent } from '../../engine/flowDocument.ts'
import { anyObject, geoip, object, string, stringMap, strings } from '../eventFields.ts'
import { part, preset, SAMPLE_GEOIP, sampleApplication } from '../presets.ts'


const user = object('The user who is attempting to register; not created yet, so no user_id.', {
  email: string('Email address the user signs up with (database and email passwordless connections).'),
  phone_number: string('Phone number the user signs up with (SMS passwordless, or a database connection that collects it).'),
  username: string('Username (database connections that require one).'),
  name: string('Full name.'),
  nickname: string('Nickname.'),
  given_name: string('Given name.'),
  family_name: string('Family name.'),
  picture: string('URL of the picture.'),
  app_metadata: anyObject('Data the user cannot edit, as sent with the signup. Changed with api.user.setAppMetadata.'),
  user_metadata: anyObject('Data the user may edit, as sent with the signup (user_metadata of /dbconnections/signup). Changed with api.user.setUserMetadata.'),
})

const request = object('The HTTP request that started the signup.', {
  ip: string('IP address the request came from.'),
  method: string('HTTP method of the request, e.g. POST.'),
  hostname: string('Host name of the tenant (or custom domain).'),
  language: string('Language the browser asked for, e.g. en.'),
  user_agent: string('User-Agent header of the request.'),
  body: anyObject('Body of the signup POST request, with the fields of the signup form (custom prompt fields such as ulp-*).'),
  geoip: geoip('Where the IP address of the request is.'),
}, ['ip', 'method', 'body', 'geoip'])

const transaction = object('The transaction the signup is part of (absent for signups through the Authentication API alone).', {
  acr_values: strings('ACR values of the authorization request.'),
  locale: string('Locale of the login pages, from the browser\'s language and the tenant\'s settings.'),
  login_hint: string('The login_hint parameter.'),
  prompt: strings('The prompt values of the authorization request.'),
  protocol: string('How the transaction started.', { examples: ['oidc-basic-profile', 'oidc-implicit-profile', 'oidc-hybrid-profile', 'samlp', 'wsfed'] }),
  redirect_uri: string('Where the application receives the result.'),
  requested_scopes: strings('Scopes the application asked for.'),
  response_mode: string('Response mode.', { examples: ['query', 'fragment', 'form_post', 'web_message'] }),
  response_type: strings('Response types, e.g. ["code"].'),
  state: string('The state parameter.'),
  ui_locales: strings('The ui_locales parameter.'),
}, ['acr_values', 'locale', 'requested_scopes', 'ui_locales'])

export const PRE_USER_REGISTRATION_EVENT = object('Details about the user and the context in which they are signing up.', {
  user,
  connection: object('The connection the user signs up with: a database or passwordless connection.', {
    id: string('Connection id.'),
    name: string('Connection name, e.g. Username-Password-Authentication.'),
    strategy: string('Connection type: auth0 (database), email or sms (passwordless).', { examples: ['auth0', 'email', 'sms'] }),
    metadata: stringMap('Connection metadata.'),
  }, ['id', 'name', 'strategy']),
  client: object('The application the user signs up from.', {
    client_id: string('Client id.'),
    name: string('Application name.'),
    metadata: stringMap('Application metadata.'),
  }, ['client_id', 'name', 'metadata']),
  request,
  tenant: object('The tenant.', { id: string('Tenant name.') }, ['id']),
  transaction,
  authentication: object('Authentication details gathered during the signup.', {
    riskAssessment: anyObject('Risk assessment of the signup (supplemental signals such as Akamai\'s).'),
  }),
  custom_domain: object('The custom domain the request came through.', { domain: string('The custom domain.'), domain_metadata: stringMap('Custom domain metadata.') }, ['domain']),
  security_context: object('TLS fingerprints of the client (when the tenant is behind Cloudflare).', { ja3: string('JA3 TLS fingerprint.'), ja4: string('JA4 TLS fingerprint.') }),
  secrets: stringMap('Replaced by each action\'s own secrets when it runs.'),
}, ['user', 'connection', 'request', 'tenant'])

/** A signup on the Universal Login page of "My SPA" with email and password. */
export function createDefaultEvent(): FlowEvent {
  return {
    ...sampleApplication(),
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
      geoip: { ...SAMPLE_GEOIP },
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
