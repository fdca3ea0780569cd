/**
 * Example pre-user-registration flows for the gallery, the CLI's tests and `npm run examples`: each document
 * carries flow tests that say what Auth0 does with the signup (flowTests.ts).
 */
import { uniqueActionId } from '../../engine/actionIds.ts'
import type { FlowAction, FlowDocument, HttpMock } from '../../engine/flowDocument.ts'
import type { FlowTest } from '../../engine/flowTests.ts'
import type { ActionSpec, ExampleFlow } from '../content.ts'
import { createDefaultEvent } from './event.ts'
import { checkInviteList, defaultMetadata, denyByCountry, denyDisposableEmail, INVITE_MOCKS, INVITES_URL, validateSignupField } from './templates.ts'

function actionsOf(specs: ActionSpec[]): FlowAction[] {
  const actions: FlowAction[] = []
  for (const spec of specs) {
    actions.push({
      id: uniqueActionId(spec.name, actions.map((action) => action.id)),
      name: spec.name,
      code: spec.code,
      enabled: spec.enabled ?? true,
      secrets: { ...spec.secrets },
      ...(spec.dependencies ? { dependencies: spec.dependencies.map((item) => ({ ...item })) } : {}),
    })
  }
  return actions
}

function flow(name: string, specs: ActionSpec[], tests: FlowTest[], options: { event?: (event: Record<string, any>) => void; mocks?: HttpMock[] } = {}): FlowDocument {
  const event = createDefaultEvent() as Record<string, any>
  options.event?.(event)
  return { version: 1, trigger: 'pre-user-registration', name, actions: actionsOf(specs), event, mocks: { http: options.mocks ?? [] }, tests }
}

const NO_TOKENS = { idToken: null, accessToken: null, jwks: null, resume: null }
const NOT_CREATED = { profileUpdates: { count: 0, writes: { $equals: [] } } }
const DISPOSABLE_MESSAGE = 'Please sign up with a permanent email address.'

/** The invitation service, and an address whose lookup fails (the service is down for it). */
const INVITE_SERVICE: HttpMock[] = [
  { method: 'GET', url: `${INVITES_URL}?email=ops%40acme.example`, status: 503, body: { error: 'unavailable' }, headers: {} },
  ...INVITE_MOCKS,
]

export const EXAMPLES: ExampleFlow[] = [
  {
    slug: 'signup-default-plan',
    title: 'A signup creates the user with metadata',
    teaches: 'Metadata set by several actions is written once, when the user is created after the last action; later actions see what earlier ones set.',
    watchFor: [
      'The disposable-email check lets this address through.',
      'The second action sets app_metadata and user_metadata: nothing is written yet.',
      'One write after the last action: the user is created with the metadata (profile update “creation”). No tokens: this trigger issues none.',
    ],
    document: flow('A signup creates the user with metadata', [denyDisposableEmail, defaultMetadata], [
      {
        name: 'creates the user with a free plan, once',
        expect: {
          status: 'completed',
          error: { $absent: true },
          actions: [{ status: 'ok' }, { status: 'ok' }],
          user: { app_metadata: { $equals: { plan: 'free', signup_client: 'My SPA' } }, user_metadata: { $equals: { locale: 'en' } } },
          profileUpdates: { count: 1, writes: [{ when: 'creation', app_metadata: { plan: 'free' } }] },
          ...NO_TOKENS,
        },
      },
      {
        name: 'a passwordless user is created without the metadata',
        event: { connection: { id: 'con_Pw9sLe3mK2tQx7Ra', name: 'email', strategy: 'email' } },
        expect: {
          status: 'completed',
          user: { app_metadata: { $equals: {} }, user_metadata: { $equals: {} } },
          profileUpdates: { count: 1, writes: [{ when: 'creation', app_metadata: { $equals: {} } }] },
          warnings: [{ code: 'passwordless-metadata-ignored', strategy: 'email' }],
        },
      },
      {
        name: 'keeps the user_metadata the signup sent',
        event: { user: { user_metadata: { newsletter: true } } },
        expect: { user: { user_metadata: { $equals: { newsletter: true, locale: 'en' } } } },
      },
    ]),
  },
  {
    slug: 'deny-disposable-email',
    title: 'Deny disposable email addresses',
    teaches: 'api.access.deny(reason, userMessage) fails the signup after the action: the reason reaches the logs and the application, the message the signup page; no user is created.',
    watchFor: [
      'The email\'s domain is mailinator.com: api.access.deny is called with a reason and a message for the user.',
      'The second action is skipped.',
      'No user is created: no profile write at all.',
    ],
    document: flow('Deny disposable email addresses', [denyDisposableEmail, defaultMetadata], [
      {
        name: 'denies a mailinator.com signup with a message for the user',
        expect: {
          status: 'denied',
          error: { code: 'extensibility_error', description: 'disposable_email_domain: mailinator.com', userMessage: DISPOSABLE_MESSAGE, action: 'Deny disposable email domains' },
          actions: [{ status: 'denied' }, { status: 'skipped' }],
          ...NOT_CREATED,
          ...NO_TOKENS,
        },
      },
      {
        name: 'lets a permanent address sign up',
        event: { user: { email: 'jane.doe@example.org' } },
        expect: { status: 'completed', error: { $absent: true }, profileUpdates: { count: 1 } },
      },
    ], { event: (event) => { event.user.email = 'qwerty123@mailinator.com' } }),
  },
  {
    slug: 'require-first-name',
    title: 'Validate a custom signup field',
    teaches: 'A custom field of the signup prompt arrives in event.request.body; api.validation.error rejects the signup with its code and a message the prompt shows.',
    document: flow('Validate a custom signup field', [validateSignupField, denyByCountry], [
      {
        name: 'rejects a signup without a first name',
        expect: {
          status: 'denied',
          error: { code: 'invalid_payload', description: 'Missing first name', userMessage: 'Missing first name' },
          actions: [{ status: 'denied' }, { status: 'skipped' }],
          ...NOT_CREATED,
        },
      },
      {
        name: 'stores the first name in user_metadata',
        event: { request: { body: { 'ulp-first-name': '  Jane ' } } },
        expect: { status: 'completed', user: { user_metadata: { first_name: 'Jane' } }, profileUpdates: { writes: [{ when: 'creation', user_metadata: { first_name: 'Jane' } }] } },
      },
      {
        name: 'denies a signup from a blocked country in the user\'s language',
        event: { request: { language: 'es', body: { 'ulp-first-name': 'Ana' }, geoip: { countryCode: 'CU', countryName: 'Cuba', continentCode: 'NA' } } },
        expect: {
          status: 'denied',
          error: { code: 'extensibility_error', description: 'signup_blocked_country: CU', userMessage: 'El registro no está disponible en tu país.' },
          actions: [{ status: 'ok' }, { status: 'denied' }],
          ...NOT_CREATED,
        },
      },
    ]),
  },
  {
    slug: 'invite-only-signup',
    title: 'Sign up by invitation only',
    teaches: 'An invitation service answered by HTTP mocks: an invited user is created with who invited them, anyone else is denied, and an action that throws fails the signup.',
    document: flow('Sign up by invitation only', [checkInviteList, defaultMetadata], [
      {
        name: 'creates an invited user with the inviter and team',
        expect: {
          status: 'completed',
          user: { app_metadata: { $equals: { invited_by: 'admin@acme.example', team: 'design', plan: 'free', signup_client: 'My SPA' } } },
          http: [{ method: 'GET', status: 200 }],
        },
      },
      {
        name: 'denies an address without an invitation',
        event: { user: { email: 'mallory@example.net' } },
        expect: {
          status: 'denied',
          error: { code: 'extensibility_error', description: 'not_invited', userMessage: { $contains: 'by invitation only' } },
          http: [{ status: 404 }],
          ...NOT_CREATED,
        },
      },
      {
        name: 'fails the signup when the invitation service is down',
        event: { user: { email: 'ops@acme.example' } },
        expect: {
          status: 'failed',
          error: { code: 'extensibility_error', description: 'The invitation service answered 503', action: 'Sign up by invitation only', userMessage: { $absent: true } },
          actions: [{ status: 'failed', error: { message: 'The invitation service answered 503' } }, { status: 'skipped' }],
          ...NOT_CREATED,
        },
      },
    ], { mocks: INVITE_SERVICE }),
  },
]
