/**
 * The post-login event, described once: a zod schema whose every field carries its description. The event
 * editor's JSON Schema is generated from it (`eventJsonSchema`), documents are checked with it (eventCheck.ts) and
 * the editor's types (types.d.ts.txt) are checked against it (src/triggers/eventTypes.test.ts). Objects are loose:
 * Auth0 adds fields over time.
 */
import * as z from 'zod'
import { anyObject, array, boolean, geoip, integer, isoDate, object, string, stringMap, strings } from '../eventFields.ts'

const device = object('The device it was created on and last used from.', {
  initial_ip: string('IP address at creation.'),
  initial_asn: string('Autonomous system number at creation.'),
  initial_user_agent: string('User agent at creation.'),
  last_ip: string('IP address of the last use.'),
  last_asn: string('Autonomous system number of the last use.'),
  last_user_agent: string('User agent of the last use.'),
})

const user = object('The user that is logging in.', {
  user_id: string('The user id, e.g. auth0|5f7c8ec7c33c6c004bbafe82.'),
  email: string('Email address.'),
  email_verified: boolean('Whether the email address is verified.'),
  name: string('Full name.'),
  nickname: string('Nickname.'),
  given_name: string('Given name.'),
  family_name: string('Family name.'),
  username: string('Username (database connections).'),
  phone_number: string('Phone number.'),
  phone_verified: boolean('Whether the phone number is verified.'),
  picture: string('URL of the picture.'),
  created_at: isoDate('When the user was created'),
  updated_at: isoDate('When the user was last updated'),
  last_password_reset: isoDate('When the password was last reset'),
  app_metadata: anyObject('Data the user cannot edit (roles, plans, flags). Changed with api.user.setAppMetadata.'),
  user_metadata: anyObject('Data the user may edit (preferences). Changed with api.user.setUserMetadata.'),
  multifactor: strings('MFA providers the user has enrolled with (legacy).'),
  enrolledFactors: array('MFA factors the user has enrolled.', object('An enrolled factor.', {
      type: string('Factor type.', { examples: ['otp', 'push-notification', 'phone', 'email', 'webauthn-platform', 'webauthn-roaming', 'recovery-code'] }),
      options: anyObject('Factor options.'),
    }, ['type'])),
  identities: array('Identities linked to the user.', object('A linked identity.', {
      connection: string('Connection name, e.g. google-oauth2.'),
      provider: string('Provider, e.g. auth0, google-oauth2, samlp.'),
      isSocial: boolean('Whether the identity comes from a social provider.'),
      user_id: string('The user id at the provider.'),
      user_name: string('The user name at the provider.'),
      profileData: anyObject('The profile the provider returned.'),
    }, ['connection', 'provider', 'user_id'])),
}, ['user_id'])

const request = object('The HTTP request that started the transaction.', {
  ip: string('IP address of the request.'),
  asn: string('Autonomous system number of the IP address, e.g. AS16509.'),
  method: string('HTTP method.', { examples: ['GET', 'POST'] }),
  hostname: string('Host name of the tenant (or custom domain).'),
  language: string('Language the browser asked for.'),
  user_agent: string('User agent.'),
  query: anyObject('Query string parameters (client_id, scope, audience, prompt, ...).'),
  body: anyObject('Body of a POST request (grant_type, ...).'),
  geoip: geoip('Where the IP address is.'),
})

const transaction = object('The login transaction.', {
  id: string('Transaction id.'),
  protocol: string('How the login started.', {
    examples: ['oidc-basic-profile', 'oidc-implicit-profile', 'oidc-hybrid-profile', 'oauth2-refresh-token', 'oauth2-resource-owner', 'oauth2-password', 'oauth2-device-code', 'oauth2-token-exchange', 'samlp', 'wsfed'],
  }),
  requested_scopes: strings('Scopes the application asked for.'),
  acr_values: strings('Requested ACR values.'),
  prompt: strings('The prompt values, e.g. ["none"] for silent authentication.'),
  response_type: strings('Response types, e.g. ["code"].'),
  response_mode: string('Response mode.', { examples: ['query', 'fragment', 'form_post', 'web_message'] }),
  redirect_uri: string('Where the application receives the result.'),
  state: string('The state parameter.'),
  login_hint: string('The login_hint parameter.'),
  linking_id: string('Linking id.'),
  locale: string('Locale of the login pages.'),
  ui_locales: strings('The ui_locales parameter.'),
  metadata: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).describe('Values shared by the actions of this transaction (api.transaction.setMetadata).'),
})

const session = object('The user\'s session.', {
  id: string('Session id.'),
  created_at: isoDate('When the session was created'),
  updated_at: isoDate('When the session was last updated'),
  authenticated_at: isoDate('When the user last authenticated'),
  expires_at: isoDate('Absolute expiry'),
  idle_expires_at: isoDate('Inactivity expiry'),
  last_interacted_at: isoDate('Last interaction'),
  device,
  clients: array('Applications using the session.', object('An application.', { client_id: string('Client id.') })),
  cookie: object('The session cookie.', { mode: string('Cookie mode.', { enum: ['persistent', 'non-persistent'] }) }),
  metadata: stringMap('Session metadata (api.session.setMetadata).'),
})

const refreshToken = object('The refresh token being exchanged (transaction.protocol oauth2-refresh-token).', {
  id: string('Refresh token id.'),
  client_id: string('The application it was issued to.'),
  created_at: isoDate('When it was issued'),
  expires_at: isoDate('Absolute expiry'),
  idle_expires_at: isoDate('Inactivity expiry'),
  last_exchanged_at: isoDate('Last exchange'),
  device,
  resource_servers: array('APIs and scopes the token grants.', object('An API.', { audience: string('API identifier.'), scopes: string('Space-separated scopes.') })),
  rotating: boolean('Whether the token rotates.'),
  session_id: string('The session it belongs to.'),
  metadata: stringMap('Refresh token metadata (api.refreshToken.setMetadata).'),
})

export const POST_LOGIN_EVENT = object('Details about the user and the context in which they are logging in.', {
  user,
  client: object('The application the user is logging in to.', {
    client_id: string('Client id.'),
    name: string('Application name.'),
    metadata: stringMap('Application metadata.'),
  }),
  connection: object('The connection used to authenticate.', {
    id: string('Connection id.'),
    name: string('Connection name.'),
    strategy: string('Connection strategy.', { examples: ['auth0', 'google-oauth2', 'samlp', 'waad', 'oidc', 'sms', 'email'] }),
    metadata: stringMap('Connection metadata.'),
  }),
  request,
  transaction,
  authorization: object('RBAC information.', { roles: strings('The user\'s roles.') }),
  authentication: object('How the user authenticated in this session.', {
    methods: array('Completed authentication methods.', object('A method.', {
        name: string('Method.', { examples: ['pwd', 'passkey', 'federated', 'email', 'sms', 'phone_number', 'mfa'] }),
        timestamp: isoDate('When it was completed'),
        type: string('For mfa: the factor used.'),
      }, ['name', 'timestamp'])),
    riskAssessment: object('Adaptive MFA risk assessment.', {
      confidence: string('Overall confidence that the login is legitimate.', { enum: ['low', 'medium', 'high', 'neutral'] }),
      version: string('Version of the assessment.'),
      assessments: anyObject('The individual assessments (NewDevice, ImpossibleTravel, UntrustedIP, …).'),
    }, ['confidence', 'version', 'assessments']),
  }),
  organization: object('The organization the user is logging in to.', {
    id: string('Organization id.'),
    name: string('Organization name.'),
    display_name: string('Display name.'),
    metadata: stringMap('Organization metadata.'),
  }),
  resource_server: object('The API the access token is for, when an audience was requested.', { identifier: string('API identifier (audience).') }),
  stats: object('Statistics.', { logins_count: integer('How many times the user has logged in, this login included.') }),
  tenant: object('The tenant.', { id: string('Tenant name.') }),
  session,
  refresh_token: refreshToken,
  prompt: object('After api.prompt.render: the submitted form.', { id: string('Prompt id.'), fields: anyObject('Submitted fields.'), vars: anyObject('Variables.') }),
  custom_domain: object('The custom domain the request came through.', { domain: string('Domain.'), domain_metadata: stringMap('Domain metadata.') }),
  security_context: object('TLS fingerprints of the client.', { ja3: string('JA3 fingerprint.'), ja4: string('JA4 fingerprint.') }),
  secrets: stringMap('Replaced by each action\'s own secrets when it runs.'),
  configuration: stringMap('Action configuration values.'),
})
