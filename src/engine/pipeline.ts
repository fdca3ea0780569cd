/**
 * The post-login trigger: enabled actions run in order against one transaction; `api` calls queue
 * changes; deny, a throw, a redirect, a challenge or a form stop or suspend the flow after the current
 * action; metadata is written in one update at the end (or before the user leaves); tokens are built and
 * signed after the last action.
 */
import { Buffer } from './modules/nodeBuffer.ts'
import type { JWK } from 'jose'
import { createApiMaker, type Api } from './api/createApi.ts'
import type { ApiContext } from './api/context.ts'
import { canRedirect } from './api/redirectApi.ts'
import { CacheState, type CacheStore } from './cache.ts'
import { actionFileName, callerLocation, checkHandler, compileAction, instantiate, toActionError, type ModuleScope } from './compile.ts'
import { createCryptoGlobal, createDateClass, createEntropy, createMath, randomId, type Entropy } from './determinism.ts'
import type { FlowAction, FlowDocument } from './flowDocument.ts'
import { createHttpClient } from './http.ts'
import { createManagementApi, linkWarning } from './managementApi.ts'
import { DEFAULT_TIME_LIMIT_MS } from './limits.ts'
import { createBuiltinModules } from './modules/nodeBuiltins.ts'
import { createProcess } from './modules/nodeProcess.ts'
import { builtinName, ENGINE_BUILTINS, moduleError, NODE_BUILTINS } from './modules/registry.ts'
import type { NodeShimHost, NodeShims } from './modules/shims/index.ts'
import type { AxiosStatic } from 'axios'
import { fileSystemOf, ModuleLoader } from './packages/loader.ts'
import type { ModuleFiles } from './packages/moduleFiles.ts'
import { formatLog } from './nodeInspect.ts'
import { cloneJson, toJson } from './serialize.ts'
import { transactionResult } from './result.ts'
import { getSigningKey, issueTokens, type SignRs256 } from './tokens.ts'
import { createTransaction, initialScopes, metadataForEvent, flushMetadata, type Suspension, type Transaction } from './transaction.ts'
import type {
  ActionError, ActionResult, ActionStatus, JsonObject, JsonValue, LogEntry, MfaFactor, Phase, RunError, RunResult,
  RunStatus, TimelineEntry, TimelineKind,
} from './types.ts'

export { DEFAULT_TIME_LIMIT_MS }
/** Auth0 keeps a 256 KiB log buffer per action. */
const LOG_LIMIT_BYTES = 256 * 1024
const TIMEOUT = Symbol('timeout')

export type ProgressEvent =
  | { type: 'action'; index: number; id: string; name: string; phase: Phase; status: 'running' | ActionStatus }
  | { type: 'timeline'; entry: TimelineEntry }

export interface RunOptions {
  /** Fixes the clock: action code's `Date`, token `iat`/`exp`, cache expiry. */
  now?: number | string
  /** Fixes `Math.random`, `crypto.randomUUID`, `randomBytes` and the redirect `state`. */
  seed?: number
  /** The whole run's limit (Auth0: 20 s per trigger execution, counted again after a redirect). */
  timeLimitMs?: number
  cacheStore?: CacheStore
  /** RS256 private JWK to sign tokens with; otherwise a key generated once per process. */
  signingKey?: JWK
  onProgress?: (event: ProgressEvent) => void
  /** Lets a runtime route the global `fetch` to the running action's mocks. */
  bindGlobalFetch?: (fetch: typeof globalThis.fetch | null) => void
  /** The npm packages the runtime loaded for this run, each evaluated when an action first requires it. */
  libraries?: Libraries
  /** The files of the actions' declared npm dependencies (and theirs), which `require` loads (packages/moduleFiles.ts). */
  packages?: ModuleFiles
  /** A faster RS256 signer, where the runtime has one (the CLI's host); the same signatures as the engine's. */
  signRs256?: SignRs256
}

/** What a library of Node code gets from the engine when it is evaluated: its `buffer` and `util`, the run's `process`. */
export interface LibraryHost {
  require: (name: string) => unknown
  process: Record<string, unknown>
}

/** Loaders of the code the engine offers but does not carry (axios is a sixth of the engine's size). */
export interface Libraries {
  axios?: () => AxiosStatic
  /** Node's modules beyond the engine's own (modules/shims), for npm packages: evaluated once per realm. */
  nodeShims?: (host: LibraryHost) => { createNodeShims: (host: NodeShimHost) => NodeShims; createSubtle: () => SubtleCrypto }
}

const IMMEDIATE = {
  setImmediate: (globalThis.setImmediate as unknown as ModuleScope['setImmediate'] | undefined)
    ?? ((callback: (...args: unknown[]) => void, ...args: unknown[]) => setTimeout(callback, 0, ...args)),
  clearImmediate: (globalThis.clearImmediate as unknown as ModuleScope['clearImmediate'] | undefined)
    ?? ((handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>)),
}

/** The `/continue` request that resumes a suspended run. */
export interface ContinueRequest {
  query?: Record<string, JsonValue>
  body?: Record<string, JsonValue>
  /** The factor the user completed, for a suspended challenge or enrollment. */
  mfa?: { type: string }
  /** The submitted form, for a suspended `api.prompt.render`. */
  prompt?: { fields?: JsonObject }
}

interface Frame {
  index: number
  id: string
  name: string
  phase: Phase
  fileName: string
  result: ActionResult
  logBytes: number
  fetch?: typeof globalThis.fetch
}

type Outcome = { error?: ActionError; timeout?: boolean; suspension?: Suspension | null; event?: Record<string, any> }

function resolveNow(now: RunOptions['now']): number | undefined {
  if (now === undefined) return undefined
  const ms = typeof now === 'number' ? now : Date.parse(now)
  if (!Number.isFinite(ms)) throw new Error(`Invalid "now": ${String(now)}`)
  return ms
}

class Run {
  readonly now: () => number
  readonly entropy: Entropy
  readonly tx: Transaction
  readonly timeline: TimelineEntry[]
  readonly actions: ActionResult[]
  readonly http: RunResult['http']
  readonly cache: CacheState
  readonly limitMs: number
  private readonly eventJson: string
  private readonly dateClass: DateConstructor
  private readonly math: Math
  /** Node's globals are shared by every module of the process, so by every action of the run. */
  private readonly crypto: Crypto
  private readonly process = createProcess((stream, text) => this.writeOutput(stream, text))
  private builtins: ReturnType<typeof createBuiltinModules> | null = null
  private current: Frame | null = null
  private closed = false
  private markLine = 0
  private markName: string | null = null
  /** What the run being continued was waiting for. */
  private suspendedKind: 'redirect' | 'challenge' | 'prompt' | null = null
  private timer: ReturnType<typeof setTimeout> | undefined
  private deadline: Promise<typeof TIMEOUT>

  constructor(readonly doc: FlowDocument, readonly options: RunOptions, previous: RunResult | null) {
    const fixedNow = resolveNow(options.now)
    this.now = fixedNow === undefined ? Date.now : () => fixedNow
    this.entropy = createEntropy(options.seed)
    this.dateClass = fixedNow === undefined ? Date : createDateClass(this.now)
    this.math = options.seed === undefined ? Math : createMath(this.entropy)
    this.crypto = createCryptoGlobal(this.entropy, () => this.emulatedSubtle())
    this.eventJson = JSON.stringify(doc.event)
    this.limitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS
    this.deadline = new Promise((resolve) => { this.timer = setTimeout(() => resolve(TIMEOUT), this.limitMs) })
    if (previous?.resume) {
      this.tx = cloneJson(previous.resume.transaction) as unknown as Transaction
      this.timeline = cloneJson(previous.timeline)
      this.actions = cloneJson(previous.actions)
      this.http = cloneJson(previous.http)
      this.cache = new CacheState(previous.cache, this.now)
    } else {
      this.tx = createTransaction(doc.event)
      this.timeline = []
      this.actions = doc.actions.map((action) => ({ id: action.id, name: action.name, status: 'pending', durationMs: 0, logs: [], phases: [] }))
      this.http = []
      this.cache = new CacheState({}, this.now)
    }
    this.apiContext = {
      tx: this.tx, event: {}, action: { id: '', name: '' }, phase: 'execute', now: this.now, entropy: this.entropy,
      cache: this.cache, local: { suspension: null, rendered: false, userMetadataKeys: [] }, api: null,
    }
    this.makeApi = createApiMaker(this.apiContext, (call, name, args, callee, api) => {
      const frame = this.current
      if (!frame || api !== this.apiContext.api) throw new Error('This action is no longer running: the flow has moved on.')
      return this.push('api', call, args, frame, this.callerLine(frame, callee, name))
    })
  }

  async loadCache(seed: Record<string, RunResult['cache'][string]>) {
    const stored = this.options.cacheStore ? await this.options.cacheStore.load() : {}
    for (const [key, record] of Object.entries({ ...seed, ...stored })) {
      if (record.expires_at > this.now()) this.cache.set(key, record.value, { expires_at: record.expires_at })
    }
  }

  // ---- timeline -------------------------------------------------------------------------------------

  private push(kind: TimelineKind, call: string, args: unknown[], frame: Frame | null, line?: number): TimelineEntry {
    const copied: JsonValue[] = new Array(args.length)
    for (let i = 0; i < args.length; i++) copied[i] = toJson(args[i])
    const entry: TimelineEntry = frame
      ? { seq: this.timeline.length, kind, call, args: copied, action: frame.name, actionId: frame.id, phase: frame.phase }
      : { seq: this.timeline.length, kind, call, args: copied }
    if (line !== undefined) entry.line = line
    this.timeline.push(entry)
    this.options.onProgress?.({ type: 'timeline', entry })
    return entry
  }

  private engine(call: string, ...args: unknown[]) {
    this.push('engine', call, args, this.current)
  }

  /** The line of the call just made by the action: from its call-site mark, or else from the stack. */
  private callerLine(frame: Frame, callee: Function, names: string | readonly string[]): number | undefined {
    const marked = this.markName
    if (marked !== null && (typeof names === 'string' ? marked === names : names.includes(marked))) {
      this.markName = null
      return this.markLine
    }
    return callerLocation(frame.fileName, callee)?.line
  }

  private markCallSite = (line: number, name: string, value: unknown) => {
    this.markLine = line
    this.markName = name
    return value
  }

  private guard(frame: Frame) {
    // An action abandoned at the time limit may still be running; the run is over for it.
    if (this.closed || this.current !== frame) throw new Error('This action is no longer running: the flow has moved on.')
  }

  private readonly apiContext: ApiContext & { api: Api | null }
  private readonly makeApi: () => Api

  // ---- what an action sees ----------------------------------------------------------------------------

  private eventFor(secrets: FlowAction['secrets']): Record<string, any> {
    const event = JSON.parse(this.eventJson)
    const tx = this.tx
    if (typeof event.user === 'object' && event.user !== null) {
      // Later actions see the metadata queued by earlier ones (lazy-migration note: "the metadata becomes
      // available in the event.user object during the next action"); the running action's copy never changes.
      const metadata = metadataForEvent(tx)
      for (const field of ['app_metadata', 'user_metadata'] as const) {
        const original = event.user[field]
        if (original === undefined || (typeof original === 'object' && original !== null && !Array.isArray(original))) {
          event.user[field] = metadata[field]
        }
      }
    }
    event.secrets = { ...(event.secrets ?? {}), ...secrets }
    if (tx.request) event.request = cloneJson(tx.request)
    if (tx.mfaMethods.length) {
      event.authentication ??= { methods: [] }
      event.authentication.methods = [...(event.authentication.methods ?? []), ...cloneJson(tx.mfaMethods)]
    }
    if (tx.prompt) event.prompt = cloneJson(tx.prompt)
    if (event.transaction) event.transaction.metadata = { ...tx.transactionMetadata }
    if (event.session && tx.session?.metadata) event.session.metadata = cloneJson(tx.session.metadata)
    if (event.refresh_token && tx.refreshToken?.metadata) event.refresh_token.metadata = cloneJson(tx.refreshToken.metadata)
    return event
  }

  private consoleFor(frame: Frame): ModuleScope['console'] {
    const run = this
    const write = (name: string, level: LogEntry['level']) => function log(...args: unknown[]) {
      run.guard(frame)
      const line = run.callerLine(frame, log, name)
      const message = formatLog(...args)
      frame.logBytes += message.length
      if (frame.logBytes > LOG_LIMIT_BYTES) {
        if (!frame.result.droppedLogs) run.tx.warnings.push(`${frame.name}: console output past 256 KiB was dropped, as Auth0 does.`)
        frame.result.droppedLogs = (frame.result.droppedLogs ?? 0) + 1
        return
      }
      frame.result.logs.push({ level, message, phase: frame.phase, ...(line === undefined ? {} : { line }) })
      run.push('console', `console.${level}`, [message], frame, line)
    }
    return {
      log: write('log', 'log'), info: write('info', 'info'), warn: write('warn', 'warn'), error: write('error', 'error'),
      debug: write('debug', 'debug'), trace: write('trace', 'debug'), dir: write('dir', 'log'), table: write('table', 'log'),
    }
  }

  private httpFor(frame: Frame) {
    const standIn = createManagementApi({
      tx: this.tx, event: this.doc.event, mocks: this.doc.mocks.managementApi, now: this.now, action: frame.name,
    })
    return createHttpClient(this.doc.mocks.http, {
      callerLine: (callee, names) => this.callerLine(frame, callee, names),
      record: (exchange, line) => {
        this.guard(frame)
        this.http.push({ action: frame.name, phase: frame.phase, ...exchange })
        const { headers, body, status, mock, standIn: answeredBy } = exchange
        this.push('http', `${exchange.method} ${exchange.url}`, [{ headers, body, status, mock, ...(answeredBy ? { standIn: answeredBy } : {}) }], frame, line)
      },
    }, standIn)
  }

  private library(name: 'axios'): AxiosStatic {
    const load = this.options.libraries?.[name]
    if (!load) throw moduleError(`Cannot find module '${name}'\nThe playground loads ${name} for a run when an action's code names it.`)
    return load()
  }

  /** `process.stdout.write` and `process.stderr.write` (as Node's `debug` logs) are the running action's console output. */
  private writeOutput(stream: 'stdout' | 'stderr', text: string) {
    const frame = this.current
    if (!frame || this.closed) return
    const line = text.endsWith('\n') ? text.slice(0, -1) : text
    this.consoleFor(frame)[stream === 'stdout' ? 'log' : 'error'](line)
  }

  /** WebCrypto where the realm has none (the browser's sandbox): the Node shims' subset, when the run has them. */
  private emulatedSubtle(): SubtleCrypto | undefined {
    return (this.subtle ??= this.options.libraries?.nodeShims?.({ require: (name) => this.engineBuiltin(name), process: this.process }).createSubtle())
  }
  private subtle: SubtleCrypto | undefined

  /** The engine's own built-ins (modules/registry.ts ENGINE_BUILTINS), made once per run. */
  private engineBuiltin(name: string): unknown {
    const builtins = (this.builtins ??= createBuiltinModules(this.entropy, () => this.emulatedSubtle()))
    if (name === 'sys') return builtins.util
    if (name === 'util/types') return (builtins.util as { types: unknown }).types
    if (name === 'process') return this.process
    return (builtins as Record<string, unknown>)[name]
  }

  private nodeShims(host: NodeShimHost): NodeShims {
    const library = this.options.libraries?.nodeShims
    if (!library) {
      return (name) => {
        throw moduleError(`Cannot find module '${name}'\nThe playground loads Node's ${name} module for a run whose actions have npm dependencies or require it by name.`)
      }
    }
    return library({ require: (name) => this.engineBuiltin(name), process: this.process }).createNodeShims(host)
  }

  /**
   * The running action's globals and its module: a `require` of its own (packages/loader.ts), which loads the run's
   * package files, Node's built-ins and axios, and only the packages the action declares.
   */
  private scopeFor(frame: Frame, action: FlowAction): { scope: ModuleScope; module: { exports: unknown; require: (name: string) => unknown } } {
    let http: ReturnType<typeof createHttpClient> | null = null
    const client = () => (http ??= this.httpFor(frame))
    const fetch = ((input: RequestInfo | URL, init?: RequestInit) => client().fetch(input, init)) as typeof globalThis.fetch
    frame.fetch = fetch
    const globals = {
      console: this.consoleFor(frame), fetch, Date: this.dateClass, Math: this.math, crypto: this.crypto,
      process: this.process, Buffer, ...IMMEDIATE, markCallSite: this.markCallSite,
    }
    const provided = new Map<string, unknown>()
    let shims: NodeShims | null = null
    const loader: ModuleLoader = new ModuleLoader({
      fs: fileSystemOf(this.options.packages ?? {}),
      mocks: this.doc.mocks.modules,
      scope: globals,
      builtin: (name) => {
        if (provided.has(name)) return provided.get(name)
        let value: unknown
        if (name === 'axios') value = client().axios(this.library('axios'))
        else if (name === 'console') value = globals.console
        else if (name === 'module') value = { builtinModules: [...NODE_BUILTINS], isBuiltin: (request: string) => builtinName(request) !== null, createRequire: (from: string | URL) => loader.requireAt(from) }
        else if (ENGINE_BUILTINS.includes(name)) value = this.engineBuiltin(name)
        else value = (shims ??= this.nodeShims({ fetch, ...IMMEDIATE }))(name)
        if (value === undefined) throw moduleError(`Cannot find module '${name}'`)
        provided.set(name, value)
        return value
      },
    })
    const module = loader.actionModule(`/${frame.fileName}`, action.dependencies)
    return { scope: { ...globals, require: module.require }, module }
  }

  // ---- running actions --------------------------------------------------------------------------------

  private async runHandler(index: number, phase: Phase): Promise<Outcome> {
    const action = this.doc.actions[index]
    const frame: Frame = { index, id: action.id, name: action.name, phase, fileName: actionFileName(index, action.id), result: this.actions[index], logBytes: 0 }
    for (const log of frame.result.logs) frame.logBytes += log.message.length
    this.current = frame
    this.markName = null
    frame.result.phases.push(phase)
    this.options.onProgress?.({ type: 'action', index, id: action.id, name: action.name, phase, status: 'running' })
    this.engine(phase === 'execute' ? 'action.start' : 'action.continue')
    const compiled = compileAction(action.code, frame.fileName)
    if (!compiled.ok) return { error: compiled.error }

    const event = this.eventFor(action.secrets)
    const ctx = this.apiContext
    Object.assign(ctx, { event, action: { id: action.id, name: action.name }, phase, local: { suspension: null, rendered: false, userMetadataKeys: [] } })
    const api = this.makeApi()
    ctx.api = api
    const primaryUserBefore = this.tx.primaryUser
    const handlerName = phase === 'execute' ? 'onExecutePostLogin' : 'onContinuePostLogin'
    const started = performance.now()
    try {
      const { scope, module } = this.scopeFor(frame, action)
      const exports = instantiate(compiled, scope, module)
      // After an MFA challenge the continue handler is optional: the flow goes on to the next action.
      const optional = phase === 'continue' && this.suspendedKind === 'challenge' && exports.onContinuePostLogin === undefined
      if (!optional) {
        const handler = checkHandler(exports, handlerName)
        if (handler instanceof Error) return { error: { name: 'Error', message: handler.message } }
        const settled = await Promise.race([handler(event, api).then(() => null), this.deadline])
        if (settled === TIMEOUT) return { timeout: true }
      }
    } catch (error) {
      return { error: toActionError(error, compiled) }
    } finally {
      frame.result.durationMs += Math.round((performance.now() - started) * 100) / 100
    }
    if (primaryUserBefore === null && this.tx.primaryUser !== null) {
      // "userMetadata set in the same Action is discarded" when the primary user changes (post-login API object).
      for (const key of ctx.local.userMetadataKeys) delete this.tx.pending.user_metadata[key]
    }
    return { suspension: ctx.local.suspension, event }
  }

  async execute(start: number, firstPhase: Phase): Promise<RunResult> {
    this.options.bindGlobalFetch?.(((input: RequestInfo | URL, init?: RequestInit) => {
      const fetch = this.closed ? undefined : this.current?.fetch
      return fetch ? fetch(input, init) : Promise.reject(new TypeError('fetch is only available while an action runs.'))
    }) as typeof globalThis.fetch)
    for (let index = start; index < this.doc.actions.length; index++) {
      const action = this.doc.actions[index]
      const result = this.actions[index]
      if (!action.enabled) { result.status = 'disabled'; continue }
      const phase = index === start ? firstPhase : 'execute'
      const outcome = await this.runHandler(index, phase)
      const stop = this.afterAction(index, outcome)
      if (stop) return stop
      this.options.onProgress?.({ type: 'action', index, id: action.id, name: action.name, phase, status: result.status })
    }
    this.current = null
    const write = flushMetadata(this.tx, 'end')
    if (write) this.engine('profile.update', write)
    return this.issue()
  }

  /** Settles an action's status; returns the final result when the flow stops or suspends here. */
  private afterAction(index: number, outcome: Outcome): Promise<RunResult> | null {
    const result = this.actions[index]
    const end = (status: ActionStatus) => {
      result.status = status
      this.engine('action.end', { status })
      this.options.onProgress?.({ type: 'action', index, id: result.id, name: result.name, phase: result.phases.at(-1)!, status })
    }
    if (outcome.timeout) {
      result.error = { name: 'TimeoutError', message: `The flow passed its time limit of ${this.limitMs / 1000} s while this action was running: an endless loop, or a promise that never settles?` }
      end('failed')
      return this.stop('failed', { code: 'access_denied', description: 'Request to Webtask exceeded allowed execution time', timeout: true, action: result.name })
    }
    if (outcome.error) {
      // An uncaught error fails the login with access_denied and the error's message (Auth0 support:
      // "Troubleshooting the access denied error"). UNVERIFIED whether queued metadata is written then; we don't.
      result.error = outcome.error
      end('failed')
      const { line, column } = outcome.error
      return this.stop('failed', { code: 'access_denied', description: outcome.error.message, action: result.name, ...(line ? { line, column } : {}) })
    }
    if (this.tx.failure) {
      // An api call that failed the login (the fifth MFA command) does so even when the action caught its error.
      result.error = { name: 'Error', message: this.tx.failure }
      end('failed')
      return this.stop('failed', { code: 'access_denied', description: this.tx.failure, action: result.name })
    }
    if (this.tx.denial) {
      end('denied')
      // A deny still applies the metadata changes that were requested.
      const write = flushMetadata(this.tx, 'end')
      if (write) this.engine('profile.update', write)
      return this.stop('denied', { code: this.tx.denial.code, description: this.tx.denial.description, action: this.tx.denial.action })
    }
    const suspension = outcome.suspension
    if (!suspension) { end('ok'); return null }
    const event = outcome.event!
    if (!canRedirect(event)) {
      // "prompt=none" (and token-endpoint protocols) cannot show the user anything (Redirect with Actions).
      result.error = { name: 'Error', message: 'This login cannot interact with the user (prompt=none or a non-interactive protocol), so it cannot be redirected or challenged.' }
      end('failed')
      const code = event.request?.query?.prompt === 'none' ? 'interaction_required' : 'access_denied'
      return this.stop('failed', { code, description: result.error.message, action: result.name })
    }
    let factors: MfaFactor[] = []
    if (suspension.kind === 'challenge') {
      factors = this.qualifyingFactors(suspension, event)
      if (!factors.length) {
        const satisfied = this.satisfiedFactors(event)
        if (suspension.challengeKind === 'challenge' && suspension.requested.some((factor) => satisfied.has(factor.type))) {
          end('ok')
          return null
        }
        const types = suspension.requested.map((factor) => factor.type).join(', ')
        const message = suspension.challengeKind === 'challenge'
          ? `MFA challenge failed: the user is not enrolled in any of the requested factors (${types}).`
          : `MFA enrollment failed: the user is already enrolled in every requested factor (${types}).`
        result.error = { name: 'Error', message }
        end('failed')
        return this.stop('failed', { code: 'access_denied', description: message, action: result.name })
      }
    }
    end('suspended')
    return this.suspend(index, suspension, factors)
  }

  private satisfiedFactors(event: Record<string, any>): Set<string> {
    const methods: { name?: string; type?: string }[] = event.authentication?.methods ?? []
    return new Set(methods.filter((method) => method.name === 'mfa' && method.type).map((method) => method.type!))
  }

  /** Auth0 ignores factors already satisfied in this transaction, not enrolled (challenge) or already enrolled (enroll). */
  private qualifyingFactors(suspension: Extract<Suspension, { kind: 'challenge' }>, event: Record<string, any>): MfaFactor[] {
    const enrolled = new Set<string>((event.user?.enrolledFactors ?? []).map((factor: { type: string }) => factor.type))
    // "Enroll and Challenge Email Authenticators": when email is used as a factor, every user with a verified
    // email can use it to complete MFA, so it counts as enrolled (but brings no recovery code).
    const usable = new Set(enrolled)
    if (event.user?.email_verified === true && typeof event.user.email === 'string' && event.user.email) usable.add('email')
    const satisfied = this.satisfiedFactors(event)
    if (suspension.challengeKind === 'enroll') return suspension.requested.filter((factor) => !usable.has(factor.type))
    return suspension.requested.filter((factor) =>
      !satisfied.has(factor.type) && (factor.type === 'recovery-code' ? enrolled.size > 0 : usable.has(factor.type)))
  }

  private async suspend(index: number, suspension: Suspension, factors: MfaFactor[]): Promise<RunResult> {
    const action = this.actions[index]
    // Pending metadata is written before the user is sent away (Redirect with Actions).
    const write = flushMetadata(this.tx, 'before-redirect')
    if (write) this.engine('profile.update', write)
    const state = randomId(this.entropy)
    const result = this.base('suspended')
    const owner = { action: action.name, actionId: action.id }
    if (suspension.kind === 'redirect') {
      const url = new URL(suspension.url)
      url.searchParams.set('state', state)
      result.redirect = { url: url.href, state, ...owner }
      this.engine('redirect', { url: url.href })
    } else if (suspension.kind === 'prompt') {
      result.prompt = { id: suspension.id, fields: suspension.fields, vars: suspension.vars, ...owner }
      this.engine('prompt.render', { id: suspension.id })
    } else {
      result.challenge = { kind: suspension.challengeKind, method: suspension.method, factors, requested: suspension.requested, ...owner }
      this.engine(`mfa.${suspension.challengeKind}`, { factors: factors.map((factor) => factor.type) })
    }
    const subject = String((this.doc.event as Record<string, any>).user?.user_id ?? '')
    result.resume = { state, kind: suspension.kind, actionIndex: index, subject, transaction: cloneJson(this.tx) as unknown as JsonObject }
    return this.finish(result)
  }

  private async stop(status: RunStatus, error: RunError): Promise<RunResult> {
    for (const action of this.actions) if (action.status === 'pending') action.status = 'skipped'
    this.current = null
    const result = this.base(status)
    result.error = error
    return this.finish(result)
  }

  private async issue(): Promise<RunResult> {
    const event = this.eventFor({})
    const original = this.doc.event as Record<string, any>
    // A SAML login gets a SAML response built from api.samlResponse, never OIDC tokens (post-login API object:
    // "api.samlResponse: modify the SAML Response for a SAML login").
    if (original.transaction?.protocol === 'samlp') return this.issueSaml(event)
    const requestedScopes = initialScopes(original)
    const key = getSigningKey(this.options.signingKey, this.options.signRs256)
    const tokens = await issueTokens({
      event,
      authorizeRequest: (this.doc.event as Record<string, any>).request ?? {},
      subject: this.tx.primaryUser ?? event.user?.user_id,
      requestedScopes,
      scopes: this.tx.scopes,
      idTokenClaims: this.tx.idTokenClaims,
      accessTokenClaims: this.tx.accessTokenClaims,
      // OIDC issues an ID token only for an `openid` request; addScope/removeScope are "direct access token
      // changes" ("Handling Scopes in Actions"), so they never add or remove the ID token.
      issueIdToken: requestedScopes.includes('openid'),
      now: this.now(),
      key,
    })
    this.tx.warnings.push(...tokens.warnings)
    if (tokens.error) return this.stop('failed', { code: 'access_denied', description: tokens.error })
    const result = this.base('completed')
    if (this.tx.mfa) {
      result.mfa = { required: this.tx.mfa.provider !== 'none', ...this.tx.mfa }
      this.engine('mfa.required', result.mfa)
    }
    result.idToken = tokens.idToken
    result.accessToken = tokens.accessToken
    result.jwks = { keys: [key.publicJwk as JsonObject] }
    this.engine('tokens.issued', { scope: tokens.accessToken.scope, idTokenClaims: tokens.idToken ? Object.keys(tokens.idToken.customClaims) : null, accessTokenClaims: Object.keys(tokens.accessToken.customClaims) })
    return this.finish(result)
  }

  private issueSaml(event: Record<string, any>): Promise<RunResult> {
    const user = event.user ?? {}
    const subject = String(this.tx.primaryUser ?? user.user_id ?? '')
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
    Object.assign(attributes, cloneJson(this.tx.saml?.attributes ?? {}))
    for (const [target, claims] of [['ID token', this.tx.idTokenClaims], ['access token', this.tx.accessTokenClaims]] as const) {
      if (Object.keys(claims).length) this.tx.warnings.push(`This is a SAML login: Auth0 issues no ${target}, so its custom claims are not delivered.`)
    }
    const result = this.base('completed')
    if (this.tx.mfa) {
      result.mfa = { required: this.tx.mfa.provider !== 'none', ...this.tx.mfa }
      this.engine('mfa.required', result.mfa)
    }
    result.samlResponse = { subject, attributes, configuration: cloneJson(this.tx.saml?.configuration ?? {}) as JsonObject }
    this.engine('saml.response', { subject, attributes: Object.keys(attributes) })
    return this.finish(result)
  }

  private base(status: RunStatus): RunResult {
    if (status !== 'suspended') {
      const warning = linkWarning(this.tx)
      if (warning && !this.tx.warnings.includes(warning)) this.tx.warnings.push(warning)
    }
    return transactionResult(this.doc.event, this.tx, status, { actions: this.actions, timeline: this.timeline, http: this.http, cache: {} })
  }

  private async finish(result: RunResult): Promise<RunResult> {
    this.current = null
    this.engine('flow.end', { status: result.status, ...(result.error ? { error: result.error.code } : {}) })
    this.closed = true
    clearTimeout(this.timer)
    this.options.bindGlobalFetch?.(null)
    result.cache = this.cache.snapshot()
    await this.options.cacheStore?.save(result.cache)
    // The run is over and nothing mutates its state any more, so the result can share it.
    return result
  }

  // ---- continuing -----------------------------------------------------------------------------------

  async resume(previous: RunResult, request: ContinueRequest): Promise<RunResult> {
    const resume = previous.resume!
    this.suspendedKind = resume.kind
    const index = resume.actionIndex
    const suspended = this.actions[index]
    this.engine('flow.continue', { query: request.query ?? {}, body: request.body ?? {}, ...(request.mfa ? { mfa: request.mfa } : {}) })
    const reject = (message: string) => {
      suspended.status = 'failed'
      suspended.error = { name: 'Error', message }
      return this.stop('failed', { code: 'invalid_request', description: message, action: suspended.name })
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
      this.tx.mfaMethods.push({ name: 'mfa', type, timestamp: new Date(this.now()).toISOString() })
    }
    if (resume.kind === 'prompt') {
      this.tx.prompt = { id: previous.prompt!.id, fields: request.prompt?.fields ?? {}, vars: previous.prompt!.vars }
    }
    const original = (this.doc.event as Record<string, any>).request ?? {}
    const body = request.body ?? {}
    this.tx.request = { ...cloneJson(original), method: Object.keys(body).length ? 'POST' : 'GET', query: request.query ?? {}, body }
    suspended.status = 'pending'
    return this.execute(index, 'continue')
  }
}

/** Runs the flow's enabled actions in order against its event. */
export async function runFlow(doc: FlowDocument, options: RunOptions = {}): Promise<RunResult> {
  const run = new Run(doc, options, null)
  await run.loadCache(doc.cache ?? {})
  return run.execute(0, 'execute')
}

/** Resumes a suspended run with the `/continue` request: `onContinuePostLogin` of the suspending action, then the rest. */
export async function continueFlow(doc: FlowDocument, previous: RunResult, request: ContinueRequest, options: RunOptions = {}): Promise<RunResult> {
  if (previous.status !== 'suspended' || !previous.resume) throw new Error('Only a suspended run can be continued.')
  const index = previous.resume.actionIndex
  if (doc.actions[index]?.id !== previous.actions[index]?.id || doc.actions.length !== previous.actions.length) {
    throw new Error('The flow changed since this run was suspended; run it again.')
  }
  const run = new Run(doc, options, previous)
  await run.loadCache({})
  return run.resume(previous, request)
}
