/** What each team flow of the gallery does: one describe per example, run through the engine as the app runs it. */
import { verify } from 'node:crypto'
import { decodeJwt } from 'jose'
import { describe, expect, it } from 'vitest'
import { MemoryCacheStore } from '../engine/cache.ts'
import { prepareContinue, type ContinueSpec } from '../engine/continueRequest.ts'
import type { FlowDocument } from '../engine/flowDocument.ts'
import { continueFlow, runFlow, type RunOptions } from '../engine/pipeline.ts'
import type { RunResult } from '../engine/types.ts'
import { LIBRARIES } from '../engine/testing.ts'
import { findExample } from './catalog.ts'
import { CONTINUE_FILES } from './continueFiles.ts'
import {
  DATABASE_USER_ID, GOOGLE_USER_ID, LEGACY_API_TOKEN, PARTNER_PUBLIC_KEY, PARTNER_TOKEN, SLACK_WEBHOOK_URL,
  TERMS_FORM_ID, loginFromNorthKorea, silentLogin, unverifiedGithubUser,
} from './teamFlows.ts'

const NOW = '2026-11-23T12:00:00.000Z'
const NOW_MS = Date.parse(NOW)

/** A copy of an example's flow document, changed for one case. */
function example(slug: string, change: (doc: FlowDocument & { event: Record<string, any> }) => void = () => {}): FlowDocument {
  const doc = structuredClone(findExample(slug)!.document) as FlowDocument & { event: Record<string, any> }
  change(doc)
  return doc
}

const run = (doc: FlowDocument, options: RunOptions = {}) => runFlow(doc, { now: NOW, seed: 7, libraries: LIBRARIES, ...options })

async function resume(doc: FlowDocument, suspended: RunResult, spec: ContinueSpec): Promise<RunResult> {
  return continueFlow(doc, suspended, await prepareContinue(suspended, spec, NOW_MS), { now: NOW, libraries: LIBRARIES })
}

const statuses = (result: RunResult) => result.actions.map((action) => action.status)
const logs = (result: RunResult) => result.actions.flatMap((action) => action.logs.map((log) => log.message))
const sessionTokenOf = (result: RunResult) => decodeJwt(new URL(result.redirect!.url).searchParams.get('session_token')!)

describe('legacy-migration-flag', () => {
  it('flags a user found in the legacy store, and the next action sees the flag before it is written', async () => {
    const result = await run(example('legacy-migration-flag'))
    expect(result.status).toBe('completed')
    expect(result.http).toHaveLength(1)
    expect(result.http[0]).toMatchObject({
      method: 'GET', url: 'https://legacy.example.com/api/users?email=j%2Bsmith%40example.com', status: 200, mock: 0,
      headers: { authorization: `Bearer ${LEGACY_API_TOKEN}` },
    })
    expect(result.profileUpdates).toEqual({ count: 1, writes: [{ when: 'end', app_metadata: { migrated: true, legacy_id: 'legacy-4242', legacy_plan: 'enterprise' }, user_metadata: {} }] })
    expect(result.idToken!.claims).toMatchObject({ 'https://example.com/legacy_id': 'legacy-4242', 'https://example.com/migrated': true })
    expect(result.accessToken!.claims).toMatchObject({ 'https://example.com/plan': 'enterprise' })
  })

  it('flags a user the legacy store does not know as not migrated', async () => {
    const result = await run(example('legacy-migration-flag', (doc) => { doc.mocks.http[0].status = 404; doc.mocks.http[0].body = { error: 'not_found' } }))
    expect(result.user.app_metadata).toEqual({ plan: 'gold', migrated: false })
    expect(result.idToken!.claims).toMatchObject({ 'https://example.com/migrated': false })
    expect(result.accessToken!.claims).toMatchObject({ 'https://example.com/plan': 'gold' })
  })

  it('logs in without touching the profile while the legacy store is down', async () => {
    const result = await run(example('legacy-migration-flag', (doc) => { doc.mocks.http[0].status = 503 }))
    expect(result.status).toBe('completed')
    expect(result.profileUpdates.count).toBe(0)
    expect(logs(result)).toEqual(['Legacy lookup failed: Request failed with status code 503'])
    expect(result.idToken!.claims).toMatchObject({ 'https://example.com/migrated': false })
  })

  it('does not call the legacy store again for a flagged user', async () => {
    const result = await run(example('legacy-migration-flag', (doc) => { doc.event.user.app_metadata.migrated = true }))
    expect(result.http).toEqual([])
    expect(result.profileUpdates.count).toBe(0)
  })
})

describe('admin-step-up-mfa', () => {
  it('challenges an admin on the dashboard with the factors they enrolled, then adds the factor claim', async () => {
    const doc = example('admin-step-up-mfa')
    const suspended = await run(doc)
    expect(suspended.status).toBe('suspended')
    expect(statuses(suspended)).toEqual(['suspended', 'pending'])
    // webauthn-roaming was asked for too, but the user has no security key: it is not offered.
    expect(suspended.challenge).toMatchObject({ kind: 'challenge', method: 'challengeWith', factors: [{ type: 'otp' }, { type: 'push-notification' }] })
    expect(suspended.idToken).toBeNull()

    const done = await resume(doc, suspended, CONTINUE_FILES['admin-step-up-mfa'])
    expect(done.status).toBe('completed')
    expect(statuses(done)).toEqual(['ok', 'ok'])
    expect(done.accessToken!.claims).toMatchObject({ 'https://example.com/mfa_factor': 'otp', 'https://example.com/roles': ['admin', 'editor'] })
    expect(done.idToken!.claims).toMatchObject({ amr: ['mfa'] })
  })

  it('does not challenge on other apps, for non-admins, or when the session already passed MFA', async () => {
    const otherApp = await run(example('admin-step-up-mfa', (doc) => { doc.event.client.client_id = 'gmOWNgklfRm4tyl5YYnl3JDSJy19h1bR' }))
    const editor = await run(example('admin-step-up-mfa', (doc) => { doc.event.authorization.roles = ['editor'] }))
    const steppedUp = await run(example('admin-step-up-mfa', (doc) => {
      doc.event.authentication.methods.push({ name: 'mfa', type: 'push-notification', timestamp: '2026-11-23T11:50:00.000Z' })
    }))
    for (const result of [otherApp, editor, steppedUp]) {
      expect(result.status).toBe('completed')
      expect(result.challenge).toBeNull()
    }
    expect(otherApp.accessToken!.customClaims).not.toHaveProperty('https://example.com/mfa_factor')
    expect(steppedUp.accessToken!.customClaims).toMatchObject({ 'https://example.com/mfa_factor': 'push-notification' })
  })
})

describe('saml-attribute-mapping', () => {
  it('answers the SAML login with the attributes and settings of the actions, and no tokens', async () => {
    const result = await run(example('saml-attribute-mapping'))
    expect(result.status).toBe('completed')
    expect(result.idToken).toBeNull()
    expect(result.accessToken).toBeNull()
    expect(result.samlResponse!.subject).toBe('auth0|5f7c8ec7c33c6c004bbafe82')
    expect(result.samlResponse!.attributes).toMatchObject({
      'http://schemas.xmlsoap.org/claims/Group': ['admin', 'editor'],
      'https://expenses.example.com/claims/department': 'Finance',
      'https://expenses.example.com/claims/cost_center': 'CC-4410',
      'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress': 'j+smith@example.com',
    })
    expect(result.samlResponse!.configuration).toEqual({
      audience: 'urn:expenses.example.com:sp',
      recipient: 'https://expenses.example.com/saml/acs',
      destination: 'https://expenses.example.com/saml/acs',
      nameIdentifierFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
      lifetimeInSeconds: 300,
      signResponse: true,
    })
  })

  it('changes nothing for an OIDC login, which gets tokens', async () => {
    const result = await run(example('saml-attribute-mapping', (doc) => { doc.event.transaction.protocol = 'oidc-basic-profile' }))
    expect(result.saml).toBeNull()
    expect(result.samlResponse).toBeNull()
    expect(result.accessToken).not.toBeNull()
  })
})

describe('partner-token-verification', () => {
  const withToken = (token: string) => example('partner-token-verification', (doc) => { doc.event.request.query.partner_token = token })
  const [header, payload, signature] = PARTNER_TOKEN.split('.')
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const DENIED = { code: 'access_denied', description: 'Your partner sign-in link is invalid or has expired.', action: 'Verify the partner token' }

  it('ships a token that Node itself verifies with the shipped public key', () => {
    expect(verify('sha256', Buffer.from(`${header}.${payload}`), { key: PARTNER_PUBLIC_KEY, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'))).toBe(true)
  })

  it('adds the partner claims and scope for a valid token', async () => {
    const result = await run(example('partner-token-verification'))
    expect(result.status).toBe('completed')
    expect(result.transactionMetadata).toEqual({ partner_id: 'northwind', partner_tier: 'gold' })
    expect(result.idToken!.claims).toMatchObject({ 'https://example.com/partner': { id: 'northwind', tier: 'gold' } })
    expect(result.accessToken!.claims).toMatchObject({ 'https://example.com/partner_id': 'northwind' })
    expect(result.accessToken!.scope.split(' ')).toContain('read:partner-offers')
  })

  it('denies a tampered token, and the claims action does not run', async () => {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString())
    const result = await run(withToken(`${header}.${encode({ ...claims, partner_tier: 'platinum' })}.${signature}`))
    expect(result.status).toBe('denied')
    expect(result.error).toMatchObject(DENIED)
    expect(statuses(result)).toEqual(['denied', 'skipped'])
    expect(logs(result)).toEqual(['Refused a partner token: invalid signature'])
    expect(result.transactionMetadata).toEqual({})
  })

  it('denies an expired token and one that names its own algorithm', async () => {
    const expired = await run(example('partner-token-verification'), { now: '2036-06-01T00:00:00Z' })
    expect(expired.error).toMatchObject(DENIED)
    expect(logs(expired)).toEqual(['Refused a partner token: expired'])
    const unsigned = await run(withToken(`${encode({ alg: 'none', typ: 'JWT' })}.${payload}.`))
    expect(unsigned.error).toMatchObject(DENIED)
    expect(logs(unsigned)).toEqual(['Refused a partner token: unexpected algorithm none'])
  })

  it('leaves logins without a partner token alone', async () => {
    const result = await run(example('partner-token-verification', (doc) => { delete doc.event.request.query.partner_token }))
    expect(result.status).toBe('completed')
    expect(result.idToken!.customClaims).toEqual({})
  })
})

describe('terms-consent-form', () => {
  it('renders the form, then stores the consent from event.prompt.fields', async () => {
    const doc = example('terms-consent-form')
    const suspended = await run(doc)
    expect(suspended.status).toBe('suspended')
    expect(statuses(suspended)).toEqual(['suspended', 'pending'])
    expect(suspended.prompt).toMatchObject({
      id: TERMS_FORM_ID,
      fields: { accept_terms: false, marketing_emails: false },
      vars: { terms_version: '2026-04', terms_url: 'https://example.com/legal/terms/2026-04', previous_version: null },
    })

    const done = await resume(doc, suspended, CONTINUE_FILES['terms-consent-form'])
    expect(done.status).toBe('completed')
    expect(done.profileUpdates).toEqual({ count: 1, writes: [{ when: 'end', app_metadata: { terms_version: '2026-04', terms_accepted_at: NOW }, user_metadata: { marketing_emails: false } }] })
    expect(done.idToken!.claims).toMatchObject({ 'https://example.com/terms_version': '2026-04' })
  })

  it('takes the checkboxes as booleans or as text', async () => {
    const doc = example('terms-consent-form')
    const done = await resume(doc, await run(doc), { prompt: { fields: { accept_terms: 'true', marketing_emails: 'true' } } })
    expect(done.status).toBe('completed')
    expect(done.user.user_metadata).toMatchObject({ marketing_emails: true })
  })

  it('denies the login when the user does not accept', async () => {
    const doc = example('terms-consent-form')
    const done = await resume(doc, await run(doc), { prompt: { fields: { accept_terms: false } } })
    expect(done.status).toBe('denied')
    expect(done.error).toMatchObject({ code: 'access_denied', description: 'You need to accept the terms of service to use this application.' })
    expect(statuses(done)).toEqual(['denied', 'skipped'])
    expect(done.profileUpdates.count).toBe(0)
  })

  it('does not ask again once these terms are accepted', async () => {
    const result = await run(example('terms-consent-form', (doc) => { doc.event.user.app_metadata.terms_version = '2026-04' }))
    expect(result.status).toBe('completed')
    expect(result.prompt).toBeNull()
  })
})

describe('account-linking-by-email', () => {
  it('finds the other account with a Management API token, and redirects to the linking page', async () => {
    const result = await run(example('account-linking-by-email'))
    expect(result.status).toBe('suspended')
    expect(result.http.map((exchange) => `${exchange.method} ${exchange.url} ${exchange.status}`)).toEqual([
      'POST https://acme-dev.us.auth0.com/oauth/token 200',
      'GET https://acme-dev.us.auth0.com/api/v2/users-by-email?email=j%2Bsmith%40example.com 200',
    ])
    expect(result.http[0].body).toEqual({
      grant_type: 'client_credentials', client_id: 'Mgmt7pQ2rS9tU4vW1xY6zA3bC8dE5fG0', client_secret: 'mgmt-client-secret-9c2e',
      audience: 'https://acme-dev.us.auth0.com/api/v2/',
    })
    // No HTTP mocks: the Management API stand-in answers from the event's user and the flow's other users.
    expect(result.http.map((exchange) => [exchange.mock, exchange.standIn])).toEqual([[null, 'management-api'], [null, 'management-api']])
    const token = (result.http[0].response as { access_token: string }).access_token
    expect(result.http[1].headers.authorization).toBe(`Bearer ${token}`)
    expect(result.http[1].response).toEqual([
      expect.objectContaining({ user_id: GOOGLE_USER_ID, email_verified: true }),
      expect.objectContaining({ user_id: DATABASE_USER_ID, email_verified: true }),
    ])
    expect(result.cache['management-api-token']).toEqual({ value: token, expires_at: NOW_MS + (86_400 - 60) * 1000 })
    expect(result.redirect!.url).toMatch(/^https:\/\/accounts\.example\.com\/link\?session_token=[\w-]+\.[\w-]+\.[\w-]+&state=/)
    expect(sessionTokenOf(result)).toMatchObject({ sub: GOOGLE_USER_ID, email: 'j+smith@example.com', candidates: [DATABASE_USER_ID], exp: NOW_MS / 1000 + 600 })
  })

  it('issues the tokens for the primary account once the linking page linked them', async () => {
    const doc = example('account-linking-by-email')
    const done = await resume(doc, await run(doc), CONTINUE_FILES['account-linking-by-email'])
    expect(done.status).toBe('completed')
    expect(done.authentication.primaryUser).toBe(DATABASE_USER_ID)
    expect(done.idToken!.claims).toMatchObject({ sub: DATABASE_USER_ID, 'https://example.com/idp': 'google-oauth2' })
    expect(done.accessToken!.claims).toMatchObject({ sub: DATABASE_USER_ID })
  })

  it('remembers a refusal and keeps the Google account as the subject', async () => {
    const doc = example('account-linking-by-email')
    const done = await resume(doc, await run(doc), { sessionToken: { payload: { linked_to: null }, secret: doc.actions[0].secrets.LINKING_SECRET } })
    expect(done.user.app_metadata).toEqual({ linking_declined: true })
    expect(done.idToken!.claims).toMatchObject({ sub: GOOGLE_USER_ID })
  })

  it('logs in without linking when the Management API fails, or the email is not verified', async () => {
    // A mock of the flow answers before the stand-in: here, the token endpoint is down.
    const down = await run(example('account-linking-by-email', (doc) => {
      doc.mocks.http.push({ method: 'POST', url: 'https://acme-dev.us.auth0.com/oauth/token', status: 503, headers: {}, body: { error: 'temporarily_unavailable' } })
    }))
    expect(down.status).toBe('completed')
    expect(down.redirect).toBeNull()
    expect(down.http).toHaveLength(1)
    expect(logs(down)).toEqual(['Account lookup failed: Request failed with status code 503'])
    const unverified = await run(example('account-linking-by-email', (doc) => { doc.event.user.email_verified = false }))
    expect(unverified.status).toBe('completed')
    expect(unverified.http).toEqual([])
  })
})

describe('crm-enrichment', () => {
  it('gets a CRM token once, then reuses it from api.cache at the next login', async () => {
    const cacheStore = new MemoryCacheStore()
    const first = await run(example('crm-enrichment'), { cacheStore })
    expect(first.status).toBe('completed')
    expect(first.http.map((exchange) => `${exchange.method} ${exchange.url}`)).toEqual([
      'POST https://crm.example.com/oauth/token',
      'GET https://crm.example.com/api/v2/contacts?email=j%2Bsmith%40example.com',
    ])
    expect(first.http[0].body).toMatchObject({ grant_type: 'client_credentials', client_id: 'auth0-login-flow', scope: 'contacts:read' })
    expect(first.http[1].headers).toMatchObject({ authorization: 'Bearer crm-at-3b9d1f' })
    expect(first.cache['crm-access-token']).toEqual({ value: 'crm-at-3b9d1f', expires_at: NOW_MS + (3600 - 60) * 1000 })
    expect(first.idToken!.claims).toMatchObject({ 'https://example.com/customer': { account_id: 'acct_1187', tier: 'enterprise' } })
    expect(first.accessToken!.claims).toMatchObject({ 'https://example.com/account_id': 'acct_1187' })
    expect(first.transactionMetadata).toEqual({ crm_status: 'active' })
    expect(first.user.app_metadata).toMatchObject({ crm_contact_id: 'ct_80412' })

    const second = await run(example('crm-enrichment', (doc) => { doc.event.user.app_metadata.crm_contact_id = 'ct_80412' }), { cacheStore, now: NOW_MS + 10 * 60_000 })
    expect(second.http.map((exchange) => `${exchange.method} ${exchange.url}`)).toEqual(['GET https://crm.example.com/api/v2/contacts?email=j%2Bsmith%40example.com'])
    expect(second.profileUpdates.count).toBe(0)
  })

  it('denies a closed account in the next action', async () => {
    const result = await run(example('crm-enrichment', (doc) => { (doc.mocks.http[1].body as Record<string, unknown>).status = 'closed' }))
    expect(result.status).toBe('denied')
    expect(statuses(result)).toEqual(['ok', 'denied'])
    expect(result.error).toMatchObject({ description: 'Your account is closed. Contact support@example.com to reopen it.', action: 'Block closed CRM accounts' })
  })

  it('logs in without enrichment while the CRM is down', async () => {
    const result = await run(example('crm-enrichment', (doc) => { doc.mocks.http[1].status = 503 }))
    expect(result.status).toBe('completed')
    expect(result.idToken!.customClaims).toEqual({})
    expect(logs(result)).toEqual(['CRM enrichment skipped: the CRM answered 503'])
  })
})

describe('block-countries', () => {
  it('adds the country claim for an allowed country', async () => {
    const result = await run(example('block-countries'))
    expect(result.status).toBe('completed')
    expect(result.idToken!.claims).toMatchObject({ 'https://example.com/country': 'US' })
    expect(result.accessToken!.claims).toMatchObject({ 'https://example.com/country': 'US' })
  })

  it('denies an embargoed country before the claim action runs', async () => {
    const result = await run(example('block-countries', (doc) => loginFromNorthKorea(doc.event)))
    expect(result.status).toBe('denied')
    expect(result.error).toMatchObject({ code: 'access_denied', description: 'This service is not available in your region.' })
    expect(statuses(result)).toEqual(['denied', 'skipped'])
    expect(result.idToken).toBeNull()
  })

  it('lets a login from an unknown place through, with a warning', async () => {
    const result = await run(example('block-countries', (doc) => { doc.event.request.geoip = {} }))
    expect(result.status).toBe('completed')
    expect(logs(result)).toEqual(['No country for 13.33.86.47'])
    expect(result.idToken!.customClaims).toEqual({})
  })
})

describe('require-verified-email', () => {
  const ROLES = { 'https://my-app.example.com/roles': ['admin', 'editor'] }

  it('denies a database login with an unverified email', async () => {
    const result = await run(example('require-verified-email'))
    expect(result.status).toBe('denied')
    expect(result.error?.description).toBe('Please verify your email address with the link we sent you, then log in again.')
    expect(statuses(result)).toEqual(['denied', 'skipped'])
  })

  it('lets verified users and social logins through to the roles action', async () => {
    const verified = await run(example('require-verified-email', (doc) => { doc.event.user.email_verified = true }))
    const github = await run(example('require-verified-email', (doc) => unverifiedGithubUser(doc.event)))
    for (const result of [verified, github]) {
      expect(result.status).toBe('completed')
      expect(result.idToken!.claims).toMatchObject(ROLES)
    }
    expect(github.idToken!.claims).toMatchObject({ sub: 'github|4812907', email_verified: false })
  })
})

describe('progressive-profiling', () => {
  it('redirects for the missing fields and stores the answers from the signed token', async () => {
    const doc = example('progressive-profiling')
    const suspended = await run(doc)
    expect(suspended.status).toBe('suspended')
    expect(new URL(suspended.redirect!.url).origin + new URL(suspended.redirect!.url).pathname).toBe('https://profile.example.com/complete')
    expect(sessionTokenOf(suspended)).toMatchObject({ email: 'j+smith@example.com', missing: ['company', 'job_title'], sub: 'auth0|5f7c8ec7c33c6c004bbafe82' })

    const done = await resume(doc, suspended, CONTINUE_FILES['progressive-profiling'])
    expect(done.status).toBe('completed')
    expect(done.profileUpdates.writes).toEqual([{ when: 'end', app_metadata: {}, user_metadata: { company: 'Acme Corp', job_title: 'Platform Engineer' } }])
    expect(done.idToken!.claims).toMatchObject({ 'https://example.com/company': 'Acme Corp', 'https://example.com/job_title': 'Platform Engineer' })
  })

  it('does not redirect on the first logins, for silent authentication, or with a complete profile', async () => {
    const second = await run(example('progressive-profiling', (doc) => { doc.event.stats.logins_count = 2 }))
    const silent = await run(example('progressive-profiling', (doc) => silentLogin(doc.event)))
    const complete = await run(example('progressive-profiling', (doc) => { Object.assign(doc.event.user.user_metadata, { company: 'Initech', job_title: 'Analyst' }) }))
    for (const result of [second, silent, complete]) {
      expect(result.status).toBe('completed')
      expect(result.redirect).toBeNull()
    }
    expect(complete.idToken!.claims).toMatchObject({ 'https://example.com/company': 'Initech' })
  })
})

describe('organization-roles', () => {
  it('adds organization claims, scopes for the API and the organization\'s session policy', async () => {
    const result = await run(example('organization-roles'))
    expect(result.status).toBe('completed')
    expect(result.idToken!.claims).toMatchObject({ org_id: 'org_juG7cAQ0CymOcVpV', 'https://example.com/org_name': 'acme', 'https://example.com/roles': ['admin', 'editor'] })
    expect(result.accessToken!.claims).toMatchObject({ org_id: 'org_juG7cAQ0CymOcVpV', 'https://example.com/roles': ['admin', 'editor'] })
    expect(result.accessToken!.scope).toBe('openid profile email org:manage users:invite content:write')
    expect(result.session).toMatchObject({ idle_expires_at: NOW_MS + 30 * 60_000, cookie_mode: 'non-persistent' })
  })

  it('adds no scopes for another API and no organization claims or policy without an organization', async () => {
    const otherApi = await run(example('organization-roles', (doc) => { doc.event.resource_server.identifier = 'https://billing.example.com' }))
    expect(otherApi.accessToken!.scope).toBe('openid profile email')
    const noOrg = await run(example('organization-roles', (doc) => { delete doc.event.organization }))
    expect(noOrg.idToken!.claims).not.toHaveProperty('org_id')
    expect(noOrg.idToken!.customClaims).toEqual({})
    expect(noOrg.session).toBeNull()
  })
})

describe('risk-based-mfa', () => {
  const withRisk = (change: (risk: Record<string, any>, event: Record<string, any>) => void) =>
    example('risk-based-mfa', (doc) => change(doc.event.authentication.riskAssessment, doc.event))

  it('requires MFA at the end of the flow for a low-confidence login, after the last action ran', async () => {
    const result = await run(example('risk-based-mfa'))
    expect(result.status).toBe('completed')
    expect(statuses(result)).toEqual(['ok', 'ok', 'ok'])
    expect(result.mfa).toEqual({ required: true, provider: 'any', options: { allowRememberBrowser: false }, action: 'MFA when the risk assessment is not confident' })
    expect(result.accessToken!.claims).toMatchObject({ 'https://example.com/risk_confidence': 'low' })
  })

  it('denies a deny-listed IP address before the other actions', async () => {
    const result = await run(withRisk((risk) => {
      risk.assessments.UntrustedIP = { confidence: 'low', code: 'found_on_deny_list', details: { ip: '13.33.86.47', matches: '13.33.86.0/24', source: 'firehol', category: 'abuse' } }
    }))
    expect(result.status).toBe('denied')
    expect(statuses(result)).toEqual(['denied', 'skipped', 'skipped'])
    expect(result.mfa).toBeNull()
    expect(logs(result)).toEqual(['Denied 13.33.86.47: on the firehol deny list'])
  })

  it('does not ask for MFA on a confident login, or from a user without an authenticator', async () => {
    const confident = await run(withRisk((risk) => { risk.confidence = 'high' }))
    expect(confident.mfa).toBeNull()
    expect(confident.accessToken!.claims).toMatchObject({ 'https://example.com/risk_confidence': 'high' })
    const noMfa = await run(withRisk((_risk, event) => { event.user.multifactor = [] }))
    expect(noMfa.mfa).toBeNull()
    expect(logs(noMfa)).toEqual(['Risky login (low) by a user without MFA: auth0|5f7c8ec7c33c6c004bbafe82'])
  })
})

describe('first-login-slack', () => {
  it('posts to Slack and starts onboarding on the first login', async () => {
    const result = await run(example('first-login-slack'))
    expect(result.status).toBe('completed')
    expect(result.http).toHaveLength(1)
    expect(result.http[0]).toMatchObject({
      method: 'POST', url: SLACK_WEBHOOK_URL, status: 200, headers: { 'content-type': 'application/json' },
      body: { text: 'New user j+smith@example.com signed up with Username-Password-Authentication on My SPA' },
    })
    expect(result.user.app_metadata).toEqual({ onboarding: { status: 'pending', started_at: NOW } })
    expect(result.idToken!.claims).toMatchObject({ 'https://example.com/new_user': true })
  })

  it('logs in even when Slack fails', async () => {
    const result = await run(example('first-login-slack', (doc) => { doc.mocks.http[0].status = 500; doc.mocks.http[0].body = 'invalid_token' }))
    expect(result.status).toBe('completed')
    expect(logs(result)).toEqual(['Slack answered 500: invalid_token'])
    expect(result.idToken!.claims).toMatchObject({ 'https://example.com/new_user': true })
  })

  it('does nothing on later logins', async () => {
    const result = await run(example('first-login-slack', (doc) => { doc.event.stats.logins_count = 2 }))
    expect(result.http).toEqual([])
    expect(result.profileUpdates.count).toBe(0)
    expect(result.idToken!.customClaims).toEqual({})
  })
})
