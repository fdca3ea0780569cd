/**
 * Example flows: the Login-trigger examples of Auth0's documentation, plus flows that show ordering and
 * failures. The gallery, the tests and the flow files under `flows/` (written by `npm run examples`) use them.
 */
import { createDefaultEvent } from '../engine/defaultEvent.ts'
import type { FlowDocument } from '../engine/flowDocument.ts'
import { EXAMPLE_TESTS } from './exampleTests.ts'
import {
  addScopeForAudience, auditLog, denyApiAudience, denyEmailDomain, downtimeRedirect, endlessLoop, favoriteColorRedirect, LEGACY_MOCK,
  lazyMigration, mfaForContinent, planClaims, rolesIntoTokens, setUserMetadata, skipMfaAfterPasskey, throwingAction, weekdaysOnly,
  actionsFromSpecs, type ActionSpec,
} from './templates.ts'

export interface Example {
  slug: string
  title: string
  teaches: string
  document: FlowDocument
}

function flow(name: string, actions: ActionSpec[], changeEvent: (event: Record<string, any>) => void = () => {}, extra: Partial<FlowDocument> = {}): FlowDocument {
  const event = createDefaultEvent() as Record<string, any>
  changeEvent(event)
  return { version: 1, trigger: 'post-login', name, actions: actionsFromSpecs(actions), event, mocks: { http: [] }, ...extra }
}

const newUserOnly = (event: Record<string, any>) => {
  event.user.user_metadata = {}
}

export const EXAMPLES: Example[] = [
  { slug: 'starter', title: 'A starter Login flow', teaches: 'Actions run in order: this one records the login, adds roles as claims, then denies example.com users of My SPA, so its first run is denied.', document: flow('A starter Login flow', [auditLog, rolesIntoTokens, denyEmailDomain]) },
  { slug: 'deny-email-domain', title: 'Deny by email domain and app', teaches: 'api.access.deny stops the login and sends the reason to the app as error_description.', document: flow('Deny by email domain and app', [denyEmailDomain]) },
  { slug: 'weekdays-only', title: 'Weekdays only', teaches: 'Actions can gate on time; fix the clock to try a Saturday.', document: flow('Weekdays only', [weekdaysOnly]) },
  { slug: 'deny-api-audience', title: 'Deny an API audience', teaches: 'event.resource_server is set when the app asks for an audience.', document: flow('Deny an API audience', [denyApiAudience]) },
  { slug: 'roles-into-tokens', title: 'Roles into both tokens', teaches: 'Namespaced custom claims appear in the ID token and the access token.', document: flow('Roles into both tokens', [rolesIntoTokens]) },
  { slug: 'set-user-metadata', title: 'Set user metadata', teaches: 'Metadata changes are written in one profile update after the last action.', document: flow('Set user metadata', [setUserMetadata]) },
  { slug: 'mfa-for-continent', title: 'MFA for one continent', teaches: 'api.multifactor.enable is deferred to the end of the flow.', document: flow('MFA for one continent', [mfaForContinent]) },
  {
    slug: 'skip-mfa-after-passkey', title: 'Skip MFA after a passkey', teaches: 'A later action can switch MFA off again with "none".',
    document: flow('Skip MFA after a passkey', [mfaForContinent, skipMfaAfterPasskey], (event) => { event.authentication.methods = [{ name: 'passkey', timestamp: '2026-05-01T12:00:00.000Z' }] }),
  },
  { slug: 'favorite-color-redirect', title: 'Favorite color redirect', teaches: 'sendUserTo suspends the flow; /continue resumes it in onContinuePostLogin of the same action.', document: flow('Favorite color redirect', [favoriteColorRedirect, auditLog], newUserOnly) },
  { slug: 'add-scope-for-audience', title: 'Add a scope for an audience', teaches: "addScope changes the access token's scope claim.", document: flow('Add a scope for an audience', [addScopeForAudience]) },
  { slug: 'downtime-redirect', title: 'Downtime page', teaches: 'A redirect without onContinuePostLogin cannot finish the login.', document: flow('Downtime page', [downtimeRedirect]) },
  {
    slug: 'lazy-migration', title: 'Lazy migration: fetch legacy metadata', teaches: "require('axios') answers from the flow's HTTP mocks.",
    document: flow('Lazy migration: fetch legacy metadata', [lazyMigration, planClaims], () => {}, {
      mocks: { http: [LEGACY_MOCK] },
    }),
  },
  { slug: 'deny-skips-later-actions', title: 'A deny skips later actions', teaches: 'After a deny, later actions do not run but metadata already queued is written.', document: flow('A deny skips later actions', [auditLog, denyEmailDomain, rolesIntoTokens]) },
  { slug: 'metadata-batched', title: 'Metadata from two actions, one write', teaches: 'setAppMetadata calls from several actions become a single profile update.', document: flow('Metadata from two actions, one write', [auditLog, planClaims]) },
  { slug: 'roles-after-redirect', title: 'Roles added after a redirect', teaches: 'Actions after the redirecting one run after /continue and can still add claims.', document: flow('Roles added after a redirect', [favoriteColorRedirect, rolesIntoTokens], newUserOnly) },
  { slug: 'throw-fails-login', title: 'An error fails the login', teaches: 'An uncaught error fails the login with access_denied and the error message.', document: flow('An error fails the login', [throwingAction, rolesIntoTokens]) },
  { slug: 'endless-loop', title: 'An endless loop hits the time limit', teaches: 'A flow has 20 seconds; past that Auth0 fails the login.', document: flow('An endless loop hits the time limit', [endlessLoop]) },
]

export function findExample(slug: string): Example | undefined {
  return EXAMPLES.find((example) => example.slug === slug)
}

// Each example's document carries its tests (exampleTests.ts), which `actions-playground test` runs.
for (const example of EXAMPLES) {
  const tests = EXAMPLE_TESTS[example.slug]
  if (tests) example.document.tests = structuredClone(tests)
}
