/** Shapes of a run's result: plain JSON, identical from the browser worker, the Node worker and the CLI. */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }
export type JsonObject = { [key: string]: JsonValue }

export type RunStatus = 'completed' | 'denied' | 'failed' | 'suspended'
/** `pending`: not reached yet because the flow is suspended before it. */
export type ActionStatus = 'ok' | 'denied' | 'failed' | 'skipped' | 'suspended' | 'disabled' | 'pending'
export type Phase = 'execute' | 'continue'

export interface RunError {
  /** What the application receives as `error`, e.g. `access_denied`, `invalid_request`, `interaction_required`. */
  code: string
  /** What the application receives as `error_description`. */
  description: string
  /** Set when the run hit its time limit. */
  timeout?: boolean
  /**
   * What the user is shown, when the trigger has a message for the user besides the description (pre-user-registration:
   * `api.access.deny(reason, userMessage)`'s userMessage, or `api.validation.error`'s message, on the signup page).
   */
  userMessage?: string
  action?: string
  line?: number
  column?: number
}

export interface LogEntry {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug'
  message: string
  phase: Phase
  line?: number
}

export interface ActionError {
  name: string
  message: string
  line?: number
  column?: number
}

export interface ActionResult {
  id: string
  name: string
  status: ActionStatus
  durationMs: number
  logs: LogEntry[]
  /** Console lines past Auth0's 256 KiB per action, not kept. */
  droppedLogs?: number
  error?: ActionError
  /** Phases this action ran in, in order. */
  phases: Phase[]
}

export type TimelineKind = 'api' | 'console' | 'http' | 'engine'

export interface TimelineEntry {
  seq: number
  kind: TimelineKind
  /** Action name; absent for engine entries that belong to the whole flow. */
  action?: string
  actionId?: string
  phase?: Phase
  /** `api.user.setAppMetadata` for api calls; `console.log`, `GET https://…`, `action.start`, `tokens.issued`, … otherwise. */
  call: string
  args: JsonValue[]
  line?: number
  /** The value the call returned, when it returned something other than `api`. */
  returned?: JsonValue
  /** The error the call threw. */
  error?: string
}

/** What kind of statement a step ran: a branch, a loop, a jump, or a plain statement. */
export type StatementKind =
  | 'expression' | 'declaration' | 'if' | 'switch' | 'loop' | 'return' | 'throw' | 'try' | 'break' | 'continue' | 'other'

/** The first and last lines of the statements of an `if`'s branches (none for an empty branch). */
export interface IfBranches {
  then?: [number, number]
  else?: [number, number]
}

/** One statement of an action's code, as it began to run (`RunOptions.steps`). */
export interface Step {
  actionId: string
  phase: Phase
  /** Where the statement is in the action's code: 1-based line and column, and the line it ends on. */
  line: number
  column: number
  endLine: number
  kind: StatementKind
  /** The timeline's length when the statement began: the entries whose `seq` is `at` or more, and below the next step's `at`, happened in it. */
  at: number
  /** An `if`'s branches: the next step of its action shows which one ran. */
  branches?: IfBranches
  /** A statement outside every function of the action: it runs when the action's module is loaded. */
  topLevel?: true
}

export interface MetadataChanges {
  app_metadata: JsonObject
  user_metadata: JsonObject
}

export interface ProfileUpdate extends MetadataChanges {
  /**
   * `end`: the trigger's single write after the last action; `before-redirect`: written before the user left;
   * `management-api`: an action's own `PATCH /api/v2/users/{id}`, written when the Management API stand-in answered it;
   * `creation`: the user created after the last pre-user-registration action, with its whole metadata as created
   * (what the signup sent and the actions set), not only the changes.
   */
  when: 'end' | 'before-redirect' | 'management-api' | 'creation'
  /** The action that sent the Management API request (`management-api` writes only). */
  action?: string
}

export interface IssuedToken {
  /** `null` when Auth0 would issue an opaque access token (no audience), or while the token is `unsigned`. */
  jwt: string | null
  claims: JsonObject | null
  customClaims: JsonObject
  /** Set when the run left the signature for later (`RunOptions.deferSigning`): `signTokens` adds the `jwt`. */
  unsigned?: true
}

export interface AccessTokenResult extends IssuedToken {
  scope: string
  audience: string | null
}

export interface HttpExchange {
  action: string
  phase: Phase
  method: string
  url: string
  headers: Record<string, string>
  body: JsonValue
  /** Index of the mock in `document.mocks.http` that answered; `null` when none matched. */
  mock: number | null
  /** Set when no mock matched and the playground's stand-in answered (managementApi.ts). */
  standIn?: 'management-api'
  status: number | null
  response: JsonValue
}

/** What an action changed through the Management API stand-in, besides the metadata writes in `profileUpdates`. */
export type ManagementApiChange =
  | { kind: 'user.update'; action: string; user_id: string; fields: JsonObject }
  | { kind: 'roles.assign'; action: string; user_id: string; roles: { id: string; name: string }[] }
  | { kind: 'identities.link'; action: string; user_id: string; linked: string; identities: JsonObject[] }

export interface MfaFactor {
  type: string
  options?: JsonObject
}

export interface PendingChallenge {
  kind: 'challenge' | 'enroll'
  method: string
  action: string
  actionId: string
  /** Factors the user can complete, after Auth0's filtering. */
  factors: MfaFactor[]
  requested: MfaFactor[]
}

export interface PendingPrompt {
  id: string
  fields: JsonObject
  vars: JsonObject
  action: string
  actionId: string
}

export interface RedirectInfo {
  url: string
  action: string
  actionId: string
  state: string
}

export interface SamlChanges {
  attributes: JsonObject
  configuration: JsonObject
}

/** What a SAML application receives instead of tokens (`event.transaction.protocol === 'samlp'`). */
export interface SamlResponse {
  /** The NameIdentifier subject (the user id, or the primary user set by the actions). */
  subject: string
  /** Auth0's default SAML attribute mappings from the user profile, then the actions' `setAttribute` changes. */
  attributes: JsonObject
  /** The `api.samlResponse.set*` settings (audience, recipient, lifetimeInSeconds, …). */
  configuration: JsonObject
}

export interface CacheRecord {
  value: string
  expires_at: number
}

/** Everything a suspended run needs to be continued later; opaque to callers. */
export interface ResumeState {
  state: string
  kind: 'redirect' | 'challenge' | 'prompt'
  actionIndex: number
  /** The user's id: the `sub` a session token sent back to /continue must carry. */
  subject: string
  transaction: JsonObject
}

export interface RunResult {
  status: RunStatus
  error?: RunError
  actions: ActionResult[]
  timeline: TimelineEntry[]
  user: MetadataChanges
  profileUpdates: { count: number; writes: ProfileUpdate[] }
  idToken: IssuedToken | null
  accessToken: AccessTokenResult | null
  jwks: { keys: JsonObject[] } | null
  mfa: { required: boolean; provider: string; options: JsonObject; action: string } | null
  authentication: {
    methods: JsonObject[]
    recordedMethods: string[]
    primaryUser: string | null
  }
  saml: SamlChanges | null
  /** Set instead of the tokens when a SAML login completed. */
  samlResponse: SamlResponse | null
  session: JsonObject | null
  refreshToken: JsonObject | null
  transactionMetadata: JsonObject
  cache: Record<string, CacheRecord>
  redirect: RedirectInfo | null
  challenge: PendingChallenge | null
  prompt: PendingPrompt | null
  http: HttpExchange[]
  /** Present when the Management API stand-in answered a request: the changes it made, in order. */
  managementApi?: { changes: ManagementApiChange[] }
  warnings: RunWarning[]
  resume: ResumeState | null
  /** Every statement the actions ran, in order, across a suspension too: set when the run was asked to step. */
  steps?: Step[]
}

/** The token a claim was set on, as the result names it. */
export type TokenField = 'idToken' | 'accessToken'

/** A custom claim Auth0 drops, and why (tokens.ts `filterCustomClaims`). */
export type DroppedClaim =
  | { claim: string; reason: 'restricted' | 'auth0-namespace' | 'auth0-api-not-namespaced' }
  | { claim: string; reason: 'scope-not-requested'; scope: string }

/**
 * Every code a run can warn with, and the values its warnings carry. Each code's message is built in one place: the
 * engine's in warnings.ts, a trigger's in its folder's warnings.ts.
 */
export interface RunWarningValues {
  'claim-dropped': DroppedClaim & { token: TokenField }
  'opaque-access-token': {}
  'no-id-token': {}
  'console-output-dropped': { action: string }
  /** Stepping records at most `limit` statements a run. */
  'steps-dropped': { limit: number }
  /** The `user_id` of each user the mocks list twice; null for a user without one. */
  'management-api-users-ignored': { ignored: (string | null)[] }
  'management-api-unknown-roles': { roles: string[] }
  'linked-without-primary-user': { into: string }
  // post-login
  'saml-login-no-token': { token: TokenField }
  'record-method-outside-continue': { action: string }
  'saml-deprecated-algorithm': { action: string; setter: string; algorithm: string; replacement: string }
  // pre-user-registration
  'passwordless-metadata-ignored': { action: string; strategy: string }
  'connection-not-run': { strategy: string }
  // credentials-exchange
  'target-scope-dropped': { scope: string }
}

/** A warning about the run: its code, the values it is about and its English message, `{ code, ...values, message }`. */
export type RunWarning = { [Code in keyof RunWarningValues]: { code: Code; message: string } & RunWarningValues[Code] }[keyof RunWarningValues]

/** What the external site sends back to `/continue` (a continue file, a flow test's `continue`). */
export interface ContinueSpec {
  query?: Record<string, JsonValue>
  body?: Record<string, JsonValue>
  /** Signed as the external site would: HS256 with `sub`, `iat`, `exp` and the redirect's `state`. */
  sessionToken?: { payload?: JsonObject; secret: string; parameter?: string; expiresInSeconds?: number }
  /** Overrides the `state` sent back; `null` leaves it out. */
  state?: string | null
  mfa?: { type: string }
  prompt?: { fields?: JsonObject }
}

/** One expectation that did not hold. `actual` is left out when the value is absent. */
export interface Mismatch {
  /** Where in the result, e.g. `idToken.claims["https://my-app.example.com/roles"][0]`; `(result)` for the whole result. */
  path: string
  expected: JsonValue
  actual?: JsonValue
  message: string
}

export type FlowTestStatus = 'passed' | 'failed' | 'error'

export interface FlowTestResult {
  name: string
  /** `failed`: an expectation did not hold; `error`: the test could not be carried out (e.g. its continue request cannot be made). */
  status: FlowTestStatus
  mismatches: Mismatch[]
  /** Why the test is an `error`. */
  error?: string
  /** The status of the run the expectations were matched against (after `continue`, if any). */
  outcome?: RunStatus
  /** That run's result. */
  result?: RunResult
  durationMs: number
}

export interface FlowTestReport {
  /** The flow document's name. */
  flow: string
  tests: FlowTestResult[]
  passed: number
  failed: number
  errors: number
}
