/**
 * The post-login trigger's rules: deny, a failing api call, a redirect, an MFA challenge or a form stop or suspend the
 * flow after the current action; metadata is written in one update at the end (or before the user leaves); tokens (or
 * a SAML response) are built and signed after the last action.
 */
import type { ContinueRequest } from '../../engine/actionRunner.ts'
import { flushMetadata, metadataAsStarted, metadataCopy, queuedAt, queuedView, unqueueMetadata, type Metadata, type QueuedView } from '../../engine/runState.ts'
import { lazyProperty } from '../../engine/lazy.ts'
import { cloneJson } from '../../engine/serialize.ts'
import { issueTokens } from '../../engine/tokens.ts'
import type { RunControl, TriggerRules } from '../../engine/trigger.ts'
import type { JsonObject, JsonValue, MfaFactor, RunResult } from '../../engine/types.ts'
import { postLoginNamespaces, type HandlerLocal } from './api/context.ts'
import { canRedirect } from './api/redirectApi.ts'
import { initialScopes, type Suspension, type Transaction } from './transaction.ts'
import { postLoginWarning } from './warnings.ts'

type Run = RunControl<Transaction>

/** What the next action's event shows of what earlier actions did, taken as it starts (see eventPart). */
interface EventView {
  stored: Metadata
  pending: QueuedView
  /** The event's own metadata is what the action sees (metadataAsStarted). */
  metadataAsStarted: boolean
  request: JsonObject | null
  mfaMethods: JsonObject[]
  prompt: JsonObject | null
  transactionMetadata: JsonObject
  sessionMetadata: JsonObject | undefined
  refreshTokenMetadata: JsonObject | undefined
}

const shallowCopy = (value: JsonObject | undefined) => value && { ...value }

function eventView(tx: Transaction): EventView {
  const pending = queuedView(tx)
  // Stored metadata is replaced by a write, never changed in place: a reference holds.
  return {
    stored: tx.managementApi?.eventMetadata ?? tx.user,
    pending,
    metadataAsStarted: metadataAsStarted(tx, pending),
    request: tx.request,
    mfaMethods: tx.mfaMethods.slice(),
    prompt: tx.prompt,
    transactionMetadata: { ...tx.transactionMetadata },
    // The session api changes these in place.
    sessionMetadata: shallowCopy(tx.session?.metadata as JsonObject | undefined),
    refreshTokenMetadata: shallowCopy(tx.refreshToken?.metadata as JsonObject | undefined),
  }
}

function eventPart(key: string, original: any, view: EventView): unknown {
  switch (key) {
    case 'user':
      if (typeof original === 'object' && original !== null) {
        // Later actions see the metadata queued by earlier ones (lazy-migration note: "the metadata becomes
        // available in the event.user object during the next action"); the running action's copy never changes.
        // Built on first read too: copying all queued metadata into every later event would grow with actions squared.
        for (const field of ['app_metadata', 'user_metadata'] as const) {
          const value = original[field]
          if (value !== undefined && view.metadataAsStarted) continue
          if (value === undefined || (typeof value === 'object' && value !== null && !Array.isArray(value))) {
            lazyProperty(original, field, () => metadataCopy(view.stored[field], queuedAt(view.pending, field)))
          }
        }
      }
      return original
    case 'request': return view.request ? cloneJson(view.request) : original
    case 'authentication':
      if (!view.mfaMethods.length) return original
      return { ...(original ?? {}), methods: [...(original?.methods ?? []), ...cloneJson(view.mfaMethods)] }
    case 'prompt': return view.prompt ? cloneJson(view.prompt) : original
    case 'transaction': return original ? Object.assign(original, { metadata: { ...view.transactionMetadata } }) : original
    case 'session': return original && view.sessionMetadata ? Object.assign(original, { metadata: cloneJson(view.sessionMetadata) }) : original
    case 'refresh_token': return original && view.refreshTokenMetadata ? Object.assign(original, { metadata: cloneJson(view.refreshTokenMetadata) }) : original
    default: return original
  }
}

function eventExtraKeys(view: EventView): string[] {
  return [...(view.mfaMethods.length ? ['authentication'] : []), ...(view.prompt ? ['prompt'] : [])]
}

function afterAction(run: Run, index: number, outcome: { event: Record<string, any>; local: HandlerLocal }): Promise<RunResult> | null {
  const tx = run.state
  const result = run.actions[index]
  if (tx.primaryUser !== null && outcome.local.primaryUserBefore === null) {
    // "userMetadata set in the same Action is discarded" when the primary user changes (post-login API object).
    for (const key of outcome.local.userMetadataKeys) unqueueMetadata(tx, 'user_metadata', key)
  }
  if (tx.failure) {
    // An api call that failed the login (the fifth MFA command) does so even when the action caught its error.
    result.error = { name: 'Error', message: tx.failure }
    run.endAction(index, 'failed')
    return run.stop('failed', { code: 'access_denied', description: tx.failure, action: result.name })
  }
  if (tx.denial) {
    run.endAction(index, 'denied')
    // A deny still applies the metadata changes that were requested.
    const write = flushMetadata(tx, 'end')
    if (write) run.record('profile.update', write)
    return run.stop('denied', { code: tx.denial.code, description: tx.denial.description, action: tx.denial.action })
  }
  const suspension = outcome.local.suspension
  if (!suspension) { run.endAction(index, 'ok'); return null }
  const event = outcome.event
  if (!canRedirect(event)) {
    // "prompt=none" (and token-endpoint protocols) cannot show the user anything (Redirect with Actions).
    result.error = { name: 'Error', message: 'This login cannot interact with the user (prompt=none or a non-interactive protocol), so it cannot be redirected or challenged.' }
    run.endAction(index, 'failed')
    const code = event.request?.query?.prompt === 'none' ? 'interaction_required' : 'access_denied'
    return run.stop('failed', { code, description: result.error.message, action: result.name })
  }
  let factors: MfaFactor[] = []
  if (suspension.kind === 'challenge') {
    factors = qualifyingFactors(suspension, event)
    if (!factors.length) {
      const satisfied = satisfiedFactors(event)
      if (suspension.challengeKind === 'challenge' && suspension.requested.some((factor) => satisfied.has(factor.type))) {
        run.endAction(index, 'ok')
        return null
      }
      const types = suspension.requested.map((factor) => factor.type).join(', ')
      const message = suspension.challengeKind === 'challenge'
        ? `MFA challenge failed: the user is not enrolled in any of the requested factors (${types}).`
        : `MFA enrollment failed: the user is already enrolled in every requested factor (${types}).`
      result.error = { name: 'Error', message }
      run.endAction(index, 'failed')
      return run.stop('failed', { code: 'access_denied', description: message, action: result.name })
    }
  }
  run.endAction(index, 'suspended')
  return suspend(run, index, suspension, factors)
}

function satisfiedFactors(event: Record<string, any>): Set<string> {
  const methods: { name?: string; type?: string }[] = event.authentication?.methods ?? []
  return new Set(methods.filter((method) => method.name === 'mfa' && method.type).map((method) => method.type!))
}

/** Auth0 ignores factors already satisfied in this transaction, not enrolled (challenge) or already enrolled (enroll). */
function qualifyingFactors(suspension: Extract<Suspension, { kind: 'challenge' }>, event: Record<string, any>): MfaFactor[] {
  const enrolled = new Set<string>((event.user?.enrolledFactors ?? []).map((factor: { type: string }) => factor.type))
  // "Enroll and Challenge Email Authenticators": when email is used as a factor, every user with a verified
  // email can use it to complete MFA, so it counts as enrolled (but brings no recovery code).
  const usable = new Set(enrolled)
  if (event.user?.email_verified === true && typeof event.user.email === 'string' && event.user.email) usable.add('email')
  const satisfied = satisfiedFactors(event)
  if (suspension.challengeKind === 'enroll') return suspension.requested.filter((factor) => !usable.has(factor.type))
  return suspension.requested.filter((factor) =>
    !satisfied.has(factor.type) && (factor.type === 'recovery-code' ? enrolled.size > 0 : usable.has(factor.type)))
}

async function suspend(run: Run, index: number, suspension: Suspension, factors: MfaFactor[]): Promise<RunResult> {
  const action = run.actions[index]
  // Pending metadata is written before the user is sent away (Redirect with Actions).
  const write = flushMetadata(run.state, 'before-redirect')
  if (write) run.record('profile.update', write)
  const state = run.randomId()
  const result = run.result('suspended')
  const owner = { action: action.name, actionId: action.id }
  if (suspension.kind === 'redirect') {
    const url = new URL(suspension.url)
    url.searchParams.set('state', state)
    result.redirect = { url: url.href, state, ...owner }
    run.record('redirect', { url: url.href })
  } else if (suspension.kind === 'prompt') {
    result.prompt = { id: suspension.id, fields: suspension.fields, vars: suspension.vars, ...owner }
    run.record('prompt.render', { id: suspension.id })
  } else {
    result.challenge = { kind: suspension.challengeKind, method: suspension.method, factors, requested: suspension.requested, ...owner }
    run.record(`mfa.${suspension.challengeKind}`, { factors: factors.map((factor) => factor.type) })
  }
  const subject = String((run.doc.event as Record<string, any>).user?.user_id ?? '')
  result.resume = { state, kind: suspension.kind, actionIndex: index, subject, transaction: cloneJson(run.state) as unknown as JsonObject }
  return run.finish(result)
}

async function complete(run: Run): Promise<RunResult> {
  const write = flushMetadata(run.state, 'end')
  if (write) run.record('profile.update', write)
  return issue(run)
}

async function issue(run: Run): Promise<RunResult> {
  const event = run.eventFor({})
  const original = run.doc.event as Record<string, any>
  // A SAML login gets a SAML response built from api.samlResponse, never OIDC tokens (post-login API object:
  // "api.samlResponse: modify the SAML Response for a SAML login").
  if (original.transaction?.protocol === 'samlp') return issueSaml(run, event)
  const requestedScopes = initialScopes(original)
  const key = run.signingKey()
  const tokens = await issueTokens({
    event,
    authorizeRequest: (run.doc.event as Record<string, any>).request ?? {},
    subject: run.state.primaryUser ?? event.user?.user_id,
    requestedScopes,
    scopes: run.state.scopes,
    idTokenClaims: run.state.idTokenClaims,
    accessTokenClaims: run.state.accessTokenClaims,
    // OIDC issues an ID token only for an `openid` request; addScope/removeScope are "direct access token
    // changes" ("Handling Scopes in Actions"), so they never add or remove the ID token.
    issueIdToken: requestedScopes.includes('openid'),
    now: run.now(),
    key,
    defer: run.options.deferSigning,
  })
  run.state.warnings.push(...tokens.warnings)
  if (tokens.error) return run.stop('failed', { code: 'access_denied', description: tokens.error })
  const result = run.result('completed')
  if (run.state.mfa) {
    result.mfa = { required: run.state.mfa.provider !== 'none', ...run.state.mfa }
    run.record('mfa.required', result.mfa)
  }
  result.idToken = tokens.idToken
  result.accessToken = tokens.accessToken
  result.jwks = { keys: [key.publicJwk as JsonObject] }
  run.record('tokens.issued', { scope: tokens.accessToken.scope, idTokenClaims: tokens.idToken ? Object.keys(tokens.idToken.customClaims) : null, accessTokenClaims: Object.keys(tokens.accessToken.customClaims) })
  return run.finish(result)
}

function issueSaml(run: Run, event: Record<string, any>): Promise<RunResult> {
  const user = event.user ?? {}
  const subject = String(run.state.primaryUser ?? user.user_id ?? '')
  // Auth0's default SAML2 Web App mappings, then the attributes the actions set.
  const defaults: Record<string, string> = {
    'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier': 'user_id',
    'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress': 'email',
    'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name': 'name',
    'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname': 'given_name',
    'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname': 'family_name',
  }
  const attributes: JsonObject = {}
  for (const [attribute, field] of Object.entries(defaults)) {
    const value = field === 'user_id' ? subject : user[field]
    if (value !== undefined && value !== null) attributes[attribute] = value as JsonValue
  }
  Object.assign(attributes, cloneJson(run.state.saml?.attributes ?? {}))
  for (const [token, claims] of [['idToken', run.state.idTokenClaims], ['accessToken', run.state.accessTokenClaims]] as const) {
    if (Object.keys(claims).length) run.state.warnings.push(postLoginWarning('saml-login-no-token', { token }))
  }
  const result = run.result('completed')
  if (run.state.mfa) {
    result.mfa = { required: run.state.mfa.provider !== 'none', ...run.state.mfa }
    run.record('mfa.required', result.mfa)
  }
  result.samlResponse = { subject, attributes, configuration: cloneJson(run.state.saml?.configuration ?? {}) as JsonObject }
  run.record('saml.response', { subject, attributes: Object.keys(attributes) })
  return run.finish(result)
}

async function resume(run: Run, previous: RunResult, request: ContinueRequest): Promise<RunResult> {
  const resume = previous.resume!
  run.state.suspendedKind = resume.kind
  const index = resume.actionIndex
  const suspended = run.actions[index]
  run.record('flow.continue', { query: request.query ?? {}, body: request.body ?? {}, ...(request.mfa ? { mfa: request.mfa } : {}) })
  const reject = (message: string) => {
    suspended.status = 'failed'
    suspended.error = { name: 'Error', message }
    return run.stop('failed', { code: 'invalid_request', description: message, action: suspended.name })
  }
  const state = request.query?.state ?? request.body?.state
  // A missing or wrong state fails with invalid_request (Redirect with Actions).
  if (state === undefined || state === null || state === '') return reject('The /continue request has no state parameter.')
  if (state !== resume.state) return reject('The state parameter of the /continue request does not match the suspended login.')
  if (resume.kind === 'challenge') {
    const offered = previous.challenge?.factors.map((factor) => factor.type) ?? []
    const type = request.mfa?.type
    if (!type || !offered.includes(type)) {
      return reject(`The user did not complete one of the offered factors (${offered.join(', ')}).`)
    }
    run.state.mfaMethods.push({ name: 'mfa', type, timestamp: new Date(run.now()).toISOString() })
  }
  if (resume.kind === 'prompt') {
    run.state.prompt = { id: previous.prompt!.id, fields: request.prompt?.fields ?? {}, vars: previous.prompt!.vars }
  }
  const original = (run.doc.event as Record<string, any>).request ?? {}
  const body = request.body ?? {}
  run.state.request = { ...cloneJson(original), method: Object.keys(body).length ? 'POST' : 'GET', query: request.query ?? {}, body }
  suspended.status = 'pending'
  return run.execute(index, 'continue')
}

export const postLoginRules: TriggerRules<Transaction, HandlerLocal> = {
  createLocal: (tx) => ({ suspension: null, rendered: false, userMetadataKeys: [], primaryUserBefore: tx.primaryUser }),
  namespaces: postLoginNamespaces,
  eventView,
  eventPart,
  eventExtraKeys,
  // After an MFA challenge the continue handler is optional: the flow goes on to the next action.
  handlerOptional: (phase, tx) => phase === 'continue' && tx.suspendedKind === 'challenge',
  // An uncaught error fails the login with access_denied and the error's message (Auth0 support: "Troubleshooting
  // the access denied error"). UNVERIFIED whether queued metadata is written then; we don't.
  failure: (kind, message) => kind === 'timeout'
    ? { code: 'access_denied', description: 'Request to Webtask exceeded allowed execution time' }
    : { code: 'access_denied', description: message },
  afterAction,
  complete,
  resume,
}
