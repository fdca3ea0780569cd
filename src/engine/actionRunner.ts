/**
 * The action runner, the same for every trigger: the enabled actions run in order, each in its own module scope
 * (compile, `require`, console, HTTP, the run's clock and randomness), under one time limit for the run, and every
 * `api` call, console line and HTTP exchange lands on the timeline. What the event and `api` are, and what Auth0
 * does with what the actions asked for, are the trigger's rules (engine/trigger.ts, src/triggers/<id>/).
 */
import { Buffer } from './modules/nodeBuffer.ts'
import type { JWK } from 'jose'
import { createApiMaker, type Api } from './api/apiObject.ts'
import type { ApiContext } from './api/context.ts'
import { CacheState, type CacheStore } from './cache.ts'
import { actionFileName, callerLocation, checkHandler, compileAction, instantiate, toActionError, type ModuleScope } from './compile.ts'
import { createCryptoGlobal, createDateClass, createEntropy, createMath, randomId, type Entropy } from './determinism.ts'
import type { FlowAction, FlowDocument } from './flowDocument.ts'
import { createHttpClient } from './http.ts'
import { createManagementApi } from './managementApi.ts'
import { DEFAULT_TIME_LIMIT_MS, STEP_LIMIT } from './limits.ts'
import { createBuiltinModules } from './modules/nodeBuiltins.ts'
import { createProcess } from './modules/nodeProcess.ts'
import { builtinName, ENGINE_BUILTINS, moduleError, NODE_BUILTINS } from './modules/registry.ts'
import type { NodeShimHost, NodeShims } from './modules/shims/index.ts'
import type { Statement } from './statementMarks.ts'
import type { AxiosStatic } from 'axios'
import { fileSystemOf, ModuleLoader } from './packages/loader.ts'
import type { ModuleFiles } from './packages/moduleFiles.ts'
import { lazyObjects, lazyProperty, settle } from './lazy.ts'
import { formatLog } from './nodeInspect.ts'
import { recordEntry, recordRunEvent, startRunLog, type ProgressEvent, type RunEvent, type RunLog } from './runEvents.ts'
import type { RunState } from './runState.ts'
import { cloneJson, toJson } from './serialize.ts'
import { getSigningKey, type SignRs256, type SigningKey } from './tokens.ts'
import type { HandlerOutcome, RunControl, TriggerDefinition, TriggerRules } from './trigger.ts'
import { runWarning, warnStepsDropped } from './warnings.ts'
import type {
  ActionResult, ActionStatus, JsonObject, JsonValue, LogEntry, Phase, RunError, RunResult,
  RunStatus, Step, TimelineEntry, TimelineKind,
} from './types.ts'

export { DEFAULT_TIME_LIMIT_MS }
/** Node's console methods an action has, and the level each logs at. */
const CONSOLE_LEVELS: Record<string, LogEntry['level']> = {
  log: 'log', info: 'info', warn: 'warn', error: 'error', debug: 'debug', trace: 'debug', dir: 'log', table: 'log',
}
const CONSOLE_METHODS = Object.entries(CONSOLE_LEVELS)
/** Auth0 keeps a 256 KiB log buffer per action. */
const LOG_LIMIT_BYTES = 256 * 1024
const TIMEOUT = Symbol('timeout')
/** One empty file set, so the loader's file system made of it is made once (fileSystemOf caches by the set). */
const NO_PACKAGES: ModuleFiles = {}

export type { ProgressEvent }

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
  /** Leaves the tokens unsigned, to be signed off the run's critical path with `signTokens` (tokens.ts). */
  deferSigning?: boolean
  /** Records every statement the actions run, in order (`RunResult.steps`): only then are statement marks compiled in. */
  steps?: boolean
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
  /** The event the action was given. */
  event?: object
  /** Its console. */
  console?: object
  /** Whether its event's lazy parts are built (console.log shows accessors as such). */
  settled?: boolean
}

function resolveNow(now: RunOptions['now']): number | undefined {
  if (now === undefined) return undefined
  const ms = typeof now === 'number' ? now : Date.parse(now)
  if (!Number.isFinite(ms)) throw new Error(`Invalid "now": ${String(now)}`)
  return ms
}

class Run<State extends RunState, Local> implements RunControl<State> {
  readonly now: () => number
  readonly entropy: Entropy
  readonly state: State
  /** The actions' phases, statuses and console output, and the timeline: folded from the run's events (runEvents.ts). */
  private readonly log: RunLog
  readonly timeline: TimelineEntry[]
  readonly actions: ActionResult[]
  readonly http: RunResult['http']
  readonly cache: CacheState
  readonly limitMs: number
  private readonly rules: TriggerRules<State, Local>
  /** Each top-level part of the document's event as JSON, parsed for an action when it first reads the part. */
  private readonly eventParts: Record<string, string>
  private readonly makeEvent: ReturnType<typeof lazyObjects>
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
  private stepsDropped = false
  private timer: ReturnType<typeof setTimeout> | undefined
  /** Whether the run passed its time limit; `interrupt` ends the wait for the handler running then. */
  private expired = false
  private interrupt: (() => void) | null = null

  constructor(readonly trigger: TriggerDefinition<State>, rules: TriggerRules<State, Local>, readonly doc: FlowDocument, readonly options: RunOptions, previous: RunResult | null) {
    this.rules = rules
    const fixedNow = resolveNow(options.now)
    this.now = fixedNow === undefined ? Date.now : () => fixedNow
    this.entropy = createEntropy(options.seed)
    this.dateClass = fixedNow === undefined ? Date : createDateClass(this.now)
    this.math = options.seed === undefined ? Math : createMath(this.entropy)
    this.crypto = createCryptoGlobal(this.entropy, () => this.emulatedSubtle())
    this.eventParts = {}
    for (const [key, value] of Object.entries(doc.event)) if (value !== undefined) this.eventParts[key] = JSON.stringify(value)
    this.makeEvent = lazyObjects([...Object.keys(this.eventParts), ...('secrets' in this.eventParts ? [] : ['secrets'])])
    this.limitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS
    this.timer = setTimeout(() => { this.expired = true; this.interrupt?.() }, this.limitMs)
    this.log = startRunLog(doc, previous?.resume ? previous : null, options.steps === true)
    this.timeline = this.log.timeline
    this.actions = this.log.actions
    if (previous?.resume) {
      this.state = cloneJson(previous.resume.transaction) as unknown as State
      this.http = cloneJson(previous.http)
      this.cache = new CacheState(previous.cache, this.now)
    } else {
      this.state = trigger.state.create(doc.event)
      this.http = []
      this.cache = new CacheState({}, this.now)
    }
    this.apiContext = {
      tx: this.state, event: {}, action: { id: '', name: '' }, phase: 'execute', now: this.now, entropy: this.entropy,
      cache: this.cache, local: this.rules.createLocal(this.state), api: null,
    }
    this.makeApi = createApiMaker(this.rules.namespaces(this.apiContext), () => this.apiContext.api, (call, name, args, callee, api) => {
      const frame = this.current
      if (!frame || api !== this.apiContext.api) throw new Error('This action is no longer running: the flow has moved on.')
      return this.push('api', call, args, frame, this.callerLine(frame, callee, name))
    }, (entry) => this.emitEntry(entry))
  }

  async loadCache(seed: Record<string, RunResult['cache'][string]>) {
    const stored = this.options.cacheStore ? await this.options.cacheStore.load() : {}
    for (const [key, record] of Object.entries({ ...seed, ...stored })) {
      if (record.expires_at > this.now()) this.cache.set(key, record.value, { expires_at: record.expires_at })
    }
  }

  // ---- timeline -------------------------------------------------------------------------------------

  /**
   * A timeline entry, emitted at once, except an api call's: that one is emitted once the call returned or threw
   * (see createApiMaker), with what it returned. An entry's `seq` is its place in the stream.
   */
  private push(kind: TimelineKind, call: string, args: unknown[], frame: Frame | null, line?: number): TimelineEntry {
    const copied: JsonValue[] = new Array(args.length)
    for (let i = 0; i < args.length; i++) copied[i] = toJson(args[i])
    // Whole literals: a property added afterwards costs every entry a second allocation (a quarter of an api call's cost).
    const entry: TimelineEntry = !frame
      ? { seq: -1, kind, call, args: copied }
      : line === undefined
        ? { seq: -1, kind, call, args: copied, action: frame.name, actionId: frame.id, phase: frame.phase }
        : { seq: -1, kind, call, args: copied, action: frame.name, actionId: frame.id, phase: frame.phase, line }
    if (kind !== 'api') this.emitEntry(entry)
    return entry
  }

  private emit(event: RunEvent) {
    recordRunEvent(this.log, event)
    this.options.onProgress?.(event)
  }

  /** An entry's event, which only a listener needs as an object: the engine folds the entry itself (recordEntry). */
  private emitEntry(entry: TimelineEntry) {
    entry.seq = this.timeline.length
    recordEntry(this.log, entry)
    this.options.onProgress?.({ type: 'timeline', entry })
  }

  record(call: string, ...args: unknown[]) {
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

  /** A statement of the running action begins (its step mark ran). */
  private step(frame: Frame, statement: Statement) {
    // A callback of an action that ended runs no step of the flow's.
    if (this.current !== frame) return
    const steps = this.log.steps!
    if (steps.length < STEP_LIMIT) {
      const step: Step = { actionId: frame.id, phase: frame.phase, ...statement, at: this.timeline.length }
      // Folded here, like an entry (emitEntry): the event object is only for a listener.
      steps.push(step)
      this.options.onProgress?.({ type: 'step', step })
    } else if (!this.stepsDropped) {
      this.stepsDropped = true
      warnStepsDropped(this.state.warnings)
    }
  }

  private guard(frame: Frame) {
    // An action abandoned at the time limit may still be running; the run is over for it.
    if (this.closed || this.current !== frame) throw new Error('This action is no longer running: the flow has moved on.')
  }

  private readonly apiContext: ApiContext<State, Local> & { api: Api | null }
  private readonly makeApi: () => Api

  // ---- what an action sees ----------------------------------------------------------------------------

  /**
   * The event an action sees: a fresh copy of the document's event, each part changed by the trigger's rules from a
   * view of the run taken now (so the action's event never changes), and each part built only when first read.
   */
  eventFor(secrets: FlowAction['secrets']): Record<string, any> {
    const view = this.rules.eventView(this.state)
    const part = (key: string) => (key in this.eventParts ? JSON.parse(this.eventParts[key]) : undefined)
    const event = this.makeEvent((key) => key === 'secrets' ? { ...part(key), ...secrets } : this.rules.eventPart(key, part(key), view))
    for (const key of this.rules.eventExtraKeys?.(view) ?? []) {
      if (!(key in event)) lazyProperty(event, key, () => this.rules.eventPart(key, undefined, view))
    }
    return event
  }

  /** An action's console, its own, so a line logged after the action ended is refused rather than given to another. */
  private consoleFor(frame: Frame): ModuleScope['console'] {
    if (frame.console) return frame.console as ModuleScope['console']
    const console: Record<string, (...args: unknown[]) => void> = {}
    for (const [name, level] of CONSOLE_METHODS) {
      const log = (...args: unknown[]) => this.consoleLine(frame, level, log, name, args)
      console[name] = log
    }
    frame.console = console
    return console as ModuleScope['console']
  }

  private consoleLine(frame: Frame, level: LogEntry['level'], callee: Function, name: string, args: unknown[]) {
    this.guard(frame)
    const line = this.callerLine(frame, callee, name)
    if (!frame.settled) { frame.settled = true; settle(frame.event) }
    const message = formatLog(...args)
    frame.logBytes += message.length
    if (frame.logBytes > LOG_LIMIT_BYTES) {
      if (!frame.result.droppedLogs) this.state.warnings.push(runWarning('console-output-dropped', { action: frame.name }))
      frame.result.droppedLogs = (frame.result.droppedLogs ?? 0) + 1
      return
    }
    this.push('console', `console.${level}`, [message], frame, line)
  }

  private httpFor(frame: Frame) {
    const standIn = createManagementApi({
      tx: this.state, event: this.doc.event, mocks: this.doc.mocks.managementApi, now: this.now, action: frame.name,
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
  private scopeFor(frame: Frame, action: FlowAction, statements: Statement[] | undefined): { scope: ModuleScope; module: { exports: unknown; require: (name: string) => unknown } } {
    let http: ReturnType<typeof createHttpClient> | null = null
    const client = () => (http ??= this.httpFor(frame))
    const fetch = ((input: RequestInfo | URL, init?: RequestInit) => client().fetch(input, init)) as typeof globalThis.fetch
    frame.fetch = fetch
    const globals = {
      console: this.consoleFor(frame), fetch, Date: this.dateClass, Math: this.math, crypto: this.crypto,
      process: this.process, Buffer, ...IMMEDIATE, markCallSite: this.markCallSite,
      markStep: statements && ((id: number) => this.step(frame, statements[id])),
    }
    const provided = new Map<string, unknown>()
    let shims: NodeShims | null = null
    const loader: ModuleLoader = new ModuleLoader({
      fs: fileSystemOf(this.options.packages ?? NO_PACKAGES),
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

  private async runHandler(index: number, phase: Phase): Promise<HandlerOutcome<Local>> {
    const action = this.doc.actions[index]
    const frame: Frame = { index, id: action.id, name: action.name, phase, fileName: actionFileName(index, action.id), result: this.actions[index], logBytes: 0 }
    for (const log of frame.result.logs) frame.logBytes += log.message.length
    this.current = frame
    this.markName = null
    this.emit({ type: 'action', index, id: action.id, name: action.name, phase, status: 'running' })
    this.record(phase === 'execute' ? 'action.start' : 'action.continue')
    const compiled = compileAction(action.code, frame.fileName, this.log.steps !== null)
    if (!compiled.ok) return { error: compiled.error }

    const event = this.eventFor(action.secrets)
    frame.event = event
    const ctx = this.apiContext
    const local = this.rules.createLocal(this.state)
    Object.assign(ctx, { event, action: { id: action.id, name: action.name }, phase, local })
    const api = this.makeApi()
    ctx.api = api
    const handlerName = phase === 'execute' ? this.trigger.handlers.execute : this.trigger.handlers.continue!
    const started = performance.now()
    try {
      const { scope, module } = this.scopeFor(frame, action, compiled.statements)
      const exports = instantiate(compiled, scope, module)
      const optional = exports[handlerName] === undefined && (this.rules.handlerOptional?.(phase, this.state) ?? false)
      if (!optional) {
        const handler = checkHandler(exports, handlerName)
        if (handler instanceof Error) return { error: { name: 'Error', message: handler.message } }
        if (await this.untilSettledOrExpired(handler(event, api)) === TIMEOUT) return { timeout: true }
      }
    } catch (error) {
      return { error: toActionError(error, compiled) }
    } finally {
      frame.result.durationMs += Math.round((performance.now() - started) * 100) / 100
    }
    return { event, local }
  }

  /** The handler's promise, raced against the run's one time limit (a race per action would pile up on one timer). */
  private untilSettledOrExpired(handled: Promise<unknown>): Promise<null | typeof TIMEOUT> {
    return new Promise((resolve, reject) => {
      this.interrupt = () => resolve(TIMEOUT)
      if (this.expired) resolve(TIMEOUT)
      handled.then(() => resolve(null), reject)
    })
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
    }
    this.current = null
    return this.rules.complete(this)
  }

  endAction(index: number, status: ActionStatus) {
    const result = this.actions[index]
    this.record('action.end', { status })
    this.emit({ type: 'action', index, id: result.id, name: result.name, phase: result.phases.at(-1)!, status })
  }

  /** An uncaught error or the time limit ends the run as the trigger says; otherwise the trigger's rules settle the action. */
  private afterAction(index: number, outcome: HandlerOutcome<Local>): Promise<RunResult> | null {
    const result = this.actions[index]
    if (outcome.timeout) {
      result.error = { name: 'TimeoutError', message: `The flow passed its time limit of ${this.limitMs / 1000} s while this action was running: an endless loop, or a promise that never settles?` }
      this.endAction(index, 'failed')
      return this.stop('failed', { ...this.rules.failure('timeout', result.error.message), timeout: true, action: result.name })
    }
    if (outcome.error) {
      result.error = outcome.error
      this.endAction(index, 'failed')
      const { line, column } = outcome.error
      return this.stop('failed', { ...this.rules.failure('error', outcome.error.message), action: result.name, ...(line ? { line, column } : {}) })
    }
    return this.rules.afterAction(this, index, { event: outcome.event!, local: outcome.local! })
  }

  randomId(): string {
    return randomId(this.entropy)
  }

  signingKey(): SigningKey {
    return getSigningKey(this.options.signingKey, this.options.signRs256)
  }

  async stop(status: RunStatus, error: RunError): Promise<RunResult> {
    for (const action of this.actions) if (action.status === 'pending') action.status = 'skipped'
    this.current = null
    const result = this.result(status)
    result.error = error
    return this.finish(result)
  }

  result(status: RunStatus): RunResult {
    return this.trigger.state.result(this.doc.event, this.state, status, { actions: this.actions, timeline: this.timeline, http: this.http, cache: {} })
  }

  async finish(result: RunResult): Promise<RunResult> {
    this.current = null
    this.record('flow.end', { status: result.status, ...(result.error ? { error: result.error.code } : {}) })
    this.closed = true
    clearTimeout(this.timer)
    this.options.bindGlobalFetch?.(null)
    result.cache = this.cache.snapshot()
    if (this.log.steps) result.steps = this.log.steps
    await this.options.cacheStore?.save(result.cache)
    // The run is over and nothing mutates its state any more, so the result can share it.
    return result
  }
}

/** Runs the flow's enabled actions in order against its event, by the rules of its trigger. */
export async function runActions<State extends RunState, Local>(
  trigger: TriggerDefinition<State>, rules: TriggerRules<State, Local>, doc: FlowDocument, options: RunOptions = {},
): Promise<RunResult> {
  const run = new Run(trigger, rules, doc, options, null)
  await run.loadCache(doc.cache ?? {})
  return run.execute(0, 'execute')
}

/** Resumes a suspended run with the `/continue` request, by the rules of its trigger. */
export async function continueActions<State extends RunState, Local>(
  trigger: TriggerDefinition<State>, rules: TriggerRules<State, Local>, doc: FlowDocument, previous: RunResult, request: ContinueRequest, options: RunOptions = {},
): Promise<RunResult> {
  if (previous.status !== 'suspended' || !previous.resume) throw new Error('Only a suspended run can be continued.')
  if (!rules.resume) throw new Error(`A ${trigger.id} run cannot be continued.`)
  const index = previous.resume.actionIndex
  if (doc.actions[index]?.id !== previous.actions[index]?.id || doc.actions.length !== previous.actions.length) {
    throw new Error('The flow changed since this run was suspended; run it again.')
  }
  const run = new Run(trigger, rules, doc, options, previous)
  await run.loadCache({})
  return rules.resume(run, previous, request)
}
