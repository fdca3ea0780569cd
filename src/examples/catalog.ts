/**
 * Example flows: the Login-trigger examples of Auth0's documentation, flows that show ordering and
 * failures, and multi-action flows in the style teams deploy (`teamFlows.ts`). The gallery, the tests and
 * the flow files under `flows/` (written by `npm run examples`) use them.
 */
import { createDefaultEvent } from '../triggers/post-login/defaultEvent.ts'
import type { FlowDocument } from '../engine/flowDocument.ts'
import { EXAMPLE_TESTS } from './exampleTests.ts'
import { WATCH_FOR } from './watchFor.ts'
import {
  addScopeForAudience, auditLog, denyApiAudience, denyEmailDomain, downtimeRedirect, endlessLoop, favoriteColorRedirect, LEGACY_MOCK,
  lazyMigration, mfaForContinent, planClaims, rolesIntoTokens, setUserMetadata, skipMfaAfterPasskey, throwingAction, weekdaysOnly,
  actionsFromSpecs, type ActionSpec,
} from './templates.ts'
import * as pkg from './packageFlows.ts'
import * as team from './teamFlows.ts'

export interface Example {
  slug: string
  title: string
  teaches: string
  /** Key steps to watch for when it runs (watchFor.ts). */
  watchFor?: string[]
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
  ...teamExamples(),
  ...packageExamples(),
]

/** The flows of `teamFlows.ts`: what teams deploy, two to four actions each. */
function teamExamples(): Example[] {
  const example = (
    slug: string, title: string, teaches: string, actions: ActionSpec[],
    changeEvent?: (event: Record<string, any>) => void, mocks: FlowDocument['mocks']['http'] | FlowDocument['mocks'] = [],
  ): Example => ({ slug, title, teaches, document: flow(title, actions, changeEvent, { mocks: Array.isArray(mocks) ? { http: mocks } : mocks }) })
  return [
    example('legacy-migration-flag', 'Lazy migration: flag migrated users',
      'Metadata queued by one action is visible to the next actions of the same login; a legacy-service failure caught in the action leaves the login and the profile untouched.',
      [team.checkLegacyStore, team.migrationClaims], undefined, [team.LEGACY_USER_MOCK]),
    example('admin-step-up-mfa', 'Step-up MFA for the admin dashboard',
      'api.authentication.challengeWith pauses the flow after the action and offers only factors the user has enrolled; after the challenge, later actions see it in event.authentication.methods.',
      [team.adminStepUpMfa, team.adminClaims], team.adminDashboardLogin),
    example('saml-attribute-mapping', 'SAML attributes for a service provider',
      'A SAML login (transaction.protocol "samlp") gets no ID or access token: api.samlResponse sets the attributes and settings of the SAML response.',
      [team.samlAttributes, team.samlSettings], team.samlLoginToExpensePortal),
    example('partner-token-verification', 'Verify a partner\'s signed token',
      "require('crypto').verify checks an ES256 (P-256) token from the /authorize request; a bad signature or an expired token denies the login, a valid one reaches the next action through api.transaction.setMetadata.",
      [team.verifyPartnerToken, team.partnerClaims], team.partnerLogin),
    example('terms-consent-form', 'Consent to the terms in a form',
      'api.prompt.render suspends the flow on a form; onContinuePostLogin of the same action reads the answers in event.prompt.fields.',
      [team.termsConsentForm, team.termsClaim]),
    example('account-linking-by-email', 'Link accounts with the same email',
      'An action can call the Management API with a cached client-credentials token (the playground\'s stand-in answers it from the flow\'s users), redirect the user to a linking page, and make the linked account the tokens\' subject with api.authentication.setPrimaryUser.',
      [team.linkByEmail, team.identityProviderClaim], team.googleLoginWithExistingAccount, { http: [], managementApi: team.LINKING_DIRECTORY }),
    example('crm-enrichment', 'Enrich tokens from a CRM',
      'api.cache keeps the CRM token between logins (up to its lifetime, not guaranteed), and transaction metadata hands the CRM status to the next action.',
      [team.crmEnrichment, team.blockClosedAccounts], undefined, team.CRM_MOCKS),
    example('block-countries', 'Block embargoed countries',
      'event.request.geoip says where the login comes from; a deny stops the flow before later actions add their claims.',
      [team.blockCountries, team.countryClaim]),
    example('require-verified-email', 'Verified email for database logins',
      'event.connection and identities[].isSocial tell a database login from a social one, so a policy can treat them differently.',
      [team.requireVerifiedEmail, rolesIntoTokens], team.unverifiedDatabaseUser),
    example('progressive-profiling', 'Progressive profiling on the third login',
      'A redirect can wait for a later login (event.stats.logins_count), and is skipped for silent authentication (prompt=none), which cannot show a page.',
      [team.progressiveProfiling, team.profileClaims]),
    example('organization-roles', 'Organization roles, API scopes and session policy',
      'event.organization and event.authorization.roles become claims, access-token scopes for one API and a session policy; Auth0 adds org_id to the tokens itself.',
      [team.organizationClaims, team.scopesFromRoles, team.organizationSessionPolicy], team.organizationWithPolicy),
    example('risk-based-mfa', 'MFA from the risk assessment',
      'api.multifactor.enable is deferred: the later actions still run, and the MFA prompt comes after the last action.',
      [team.denyListedIp, team.adaptiveMfa, team.riskClaim], team.loginFromNewDevice),
    example('first-login-slack', 'Slack message on a first login',
      'event.stats.logins_count is 1 on the first login; a webhook failure caught in the action does not block the login.',
      [team.notifySlackOfNewUsers, team.startOnboarding], team.firstLogin, [team.SLACK_MOCK]),
  ]
}

/** The flows of `packageFlows.ts`: actions that require npm packages (their `dependencies`). */
function packageExamples(): Example[] {
  const example = (
    slug: string, title: string, teaches: string, actions: ActionSpec[],
    changeEvent?: (event: Record<string, any>) => void, mocks: FlowDocument['mocks'] = { http: [] },
  ): Example => ({ slug, title, teaches, document: flow(title, actions, changeEvent, { mocks }) })
  return [
    example('partner-jwt-jwks', 'Verify a partner JWT with jsonwebtoken and jwks-rsa',
      "An action's dependencies are npm packages it can require: jwks-rsa fetches the partner's JWKS (answered by an HTTP mock) and jsonwebtoken checks the token's signature, issuer, audience and expiry.",
      [pkg.verifyPartnerJwt], pkg.partnerLinkLogin, { http: [pkg.PARTNER_JWKS_MOCK] }),
    example('link-accounts-auth0-sdk', 'Link accounts with the auth0 SDK',
      "The auth0 package's ManagementClient gets its own token and calls the Management API, which the playground's stand-in answers from the flow's users; api.authentication.setPrimaryUser makes the older account the tokens' subject.",
      [pkg.linkWithManagementClient], team.googleLoginWithExistingAccount, { http: [], managementApi: team.LINKING_DIRECTORY }),
    example('default-role-first-login', 'A default role on the first login',
      'ManagementClient finds a role by name and assigns it (result.managementApi.changes); the role reaches this login\'s tokens only if the action adds it itself.',
      [pkg.assignDefaultRole], pkg.newSignUp, { http: [], managementApi: pkg.ROLE_DIRECTORY }),
    example('corporate-ip-range', 'Corporate network check with ipaddr.js',
      'ipaddr.js matches event.request.ip against IPv4 and IPv6 ranges (IPv4-mapped addresses too): an internal app denies outside logins, other apps get a claim.',
      [pkg.corporateNetwork]),
    example('soap-entitlements', 'Entitlements from a SOAP service',
      '@xmldom/xmldom parses a legacy SOAP response (an HTTP mock) and xpath, with namespaces, picks the active entitlements for the tokens.',
      [pkg.soapEntitlements], pkg.employeeLogin, { http: [pkg.ENTITLEMENTS_MOCK] }),
    example('debug-logging', 'Logging with debug',
      "debug.enable chooses the namespaces in code (an action has no DEBUG variable); debug's lines appear in the action's logs, on stderr as in Node.",
      [pkg.debugLogging]),
  ]
}

export function findExample(slug: string): Example | undefined {
  return EXAMPLES.find((example) => example.slug === slug)
}

// Each example's document carries its tests (exampleTests.ts), which `actions-playground test` runs; its key steps come from watchFor.ts.
for (const example of EXAMPLES) {
  const tests = EXAMPLE_TESTS[example.slug]
  if (tests) example.document.tests = structuredClone(tests)
  if (WATCH_FOR[example.slug]) example.watchFor = WATCH_FOR[example.slug]
}
