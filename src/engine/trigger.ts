/**
 * What a trigger is to the engine. The action runner (actionRunner.ts) knows how to run actions in order in a
 * sandbox scope, with a time limit, a timeline, console and HTTP; a trigger (src/triggers/<id>/) says what its
 * event and `api` are and what Auth0 does with what the actions asked for.
 */
import type * as z from 'zod'
import type { ApiContext, Namespace } from './api/context.ts'
import type { FlowDocument } from './flowDocument.ts'
import type { RunState } from './runState.ts'
import type { ActionError, ActionResult, ActionStatus, Phase, RunError, RunResult, RunStatus } from './types.ts'
import type { ContinueRequest, RunOptions } from './actionRunner.ts'
import type { SigningKey } from './tokens.ts'

/** How an action's handler call ended, as the runner saw it. */
export interface HandlerOutcome<Local> {
  error?: ActionError
  timeout?: boolean
  /** The event the action saw and its handler-call state, when it returned normally. */
  event?: Record<string, any>
  local?: Local
}

/** What the rules of a trigger may do with the run in progress. */
export interface RunControl<State extends RunState> {
  readonly doc: FlowDocument
  readonly options: RunOptions
  readonly state: State
  readonly actions: ActionResult[]
  now(): number
  /** A deterministic random id (the redirect `state`). */
  randomId(): string
  /** Records a flow-level step on the timeline: `profile.update`, `redirect`, `tokens.issued`, … */
  record(call: string, ...args: unknown[]): void
  /** Settles an action's status and records its end. */
  endAction(index: number, status: ActionStatus): void
  /** The trigger's result so far with the runner's record (actions, timeline, HTTP). */
  result(status: RunStatus): RunResult
  /** Marks the actions not reached as skipped and ends the run with an error. */
  stop(status: RunStatus, error: RunError): Promise<RunResult>
  /** Ends the run with this result. */
  finish(result: RunResult): Promise<RunResult>
  /** Runs the actions from `start` on, the first in `phase`. */
  execute(start: number, phase: Phase): Promise<RunResult>
  /** The event as the next action would see it. */
  eventFor(secrets: Record<string, string>): Record<string, any>
  /** The key the run signs tokens with (the options' key, or one made once per process). */
  signingKey(): SigningKey
}

/** What a run of a trigger keeps and how it becomes a result: light enough for the page, which rebuilds interrupted runs. */
export interface TriggerState<State extends RunState> {
  create(event: Record<string, any>): State
  /** The result for a status from the run's state and record (also used to rebuild an interrupted run). */
  result(event: Record<string, any>, state: State, status: RunStatus, record: RunRecord): RunResult
}

/** How the engine runs a trigger's actions: loaded by the engine only (src/triggers/registry.ts `RULES`), never by the page. */
export interface TriggerRules<State extends RunState, Local> {
  /** A fresh handler-call state for an action about to run. */
  createLocal(state: State): Local
  /** The `api` namespaces, built once per run over a context whose per-action fields change as actions run. */
  namespaces(ctx: ApiContext<State, Local>): Record<string, Namespace>
  /**
   * What the next action's event shows of earlier actions, taken as it starts: cheap (references and shallow copies),
   * as the costly parts are built only when read (`lazyEventKeys`).
   */
  eventView(state: State): unknown
  /** One part of an action's event: the document's part (a fresh copy, or undefined), changed by what the view holds. */
  eventPart(key: string, original: unknown, view: any): unknown
  /** Parts of the event built on first read (post-login: `user`, whose metadata grows with every action). */
  lazyEventKeys?: string[]
  /** Parts the view adds that the document's event lacks (post-login: `prompt` after a form). */
  eventExtraKeys?(view: any): string[]
  /** A handler the trigger lets an action leave out in this phase (post-login: `onContinuePostLogin` after MFA). */
  handlerOptional?(phase: Phase, state: State): boolean
  /** What an uncaught error or the time limit does to the run (Auth0: the error the application receives). */
  failure(kind: 'error' | 'timeout', message: string): Pick<RunError, 'code' | 'description'>
  /** After an action returned: settles its status; returns the final result when the flow stops or suspends here. */
  afterAction(run: RunControl<State>, index: number, outcome: Required<Pick<HandlerOutcome<Local>, 'event' | 'local'>>): Promise<RunResult> | null
  /** After the last action: the outcome of the whole flow. */
  complete(run: RunControl<State>): Promise<RunResult>
  /** Continues a suspended run; only triggers whose actions can leave the flow have it. */
  resume?(run: RunControl<State>, previous: RunResult, request: ContinueRequest): Promise<RunResult>
}

export interface RunRecord {
  actions: ActionResult[]
  timeline: RunResult['timeline']
  http: RunResult['http']
  cache: RunResult['cache']
}

/** A result view of the designer: what a trigger's outcome can show. */
export type ResultView = 'tokens' | 'id-token' | 'metadata' | 'saml' | 'redirect'

export interface EventPreset {
  id: string
  label: string
  description: string
  /** A changed deep copy of the event; never changes its argument. */
  apply(event: Record<string, unknown>): Record<string, unknown>
}

/** A trigger: one folder under src/triggers/, listed once in src/triggers/registry.ts. */
export interface TriggerDefinition<State extends RunState = any> {
  /** Auth0's trigger id, the flow document's `trigger`. */
  id: string
  /** What the designer calls it, e.g. "Login". */
  title: string
  /** When Auth0 runs it, in one sentence. */
  summary: string
  /** Auth0's documentation of the trigger. */
  docs: string
  /** The exported handler names an action defines. */
  handlers: { execute: string; continue?: string }
  event: {
    /**
     * The event's one description: checks documents (eventCheck.ts); the event editor's JSON Schema is generated from
     * it and the trigger's types.d.ts.txt is checked against it (src/triggers/eventTypes.test.ts).
     */
    schema: z.ZodType
    /** The parts every action reads as objects: a document whose event lacks them is refused. */
    objects: string[]
    create(): Record<string, any>
    presets: EventPreset[]
  }
  /** The result views that mean something for this trigger. */
  views: ResultView[]
  /** How the designer speaks of a run: what starts it and what a completed one gives, its outcome's noun. */
  words: { start: string; complete: string; outcome: string; completed: string }
  state: TriggerState<State>
}
