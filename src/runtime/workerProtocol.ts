/** What the host and the engine workers (browser and Node) send each other. */
import type { ContinueRequest, FlowDocument, ProgressEvent, RunOptions, RunResult } from '../engine/index.ts'
import type { LibrarySources } from './libraries.ts'
import type { PackedEvents } from './packedEvents.ts'

/** The run options that can cross to a worker: plain data, no callbacks or stores. */
/** `packages` cross too: plain data, the files of the actions' npm dependencies. */
export type WorkerRunOptions = Omit<RunOptions, 'onProgress' | 'bindGlobalFetch' | 'cacheStore' | 'libraries' | 'signRs256'>

export type EngineRequest = (
  | { kind: 'run'; doc: FlowDocument; options: WorkerRunOptions }
  | { kind: 'continue'; doc: FlowDocument; previous: RunResult; request: ContinueRequest; options: WorkerRunOptions }
) & { libraries?: LibrarySources }

export type ProgressListener = (event: ProgressEvent) => void

/** The page to the sandbox document (public/sandbox.html), by `postMessage`. */
export type SandboxRequest =
  | { type: 'init'; engine: string }
  | { type: 'run'; runId: number; request: EngineRequest }
  | { type: 'stop'; runId: number }

/** What the sandbox document hands an engine worker: the actions it will likely run (the last run's), then its run. */
export type SandboxWorkerRequest =
  | { type: 'prepare'; actions: Pick<FlowDocument['actions'][number], 'id' | 'code' | 'enabled'>[] }
  | { type: 'run'; request: EngineRequest }

/** An engine worker to the sandbox document, which relays it to the page; progress crosses packed (packedEvents.ts). */
export type EngineWorkerMessage =
  | { type: 'progress'; events: PackedEvents }
  | { type: 'result'; result: RunResult }

/**
 * The sandbox document to the page, as the page reads it (sandboxMessages.ts): `ready` once the engine is loaded,
 * then per run `alive` (a heartbeat, so the page notices a sandbox whose process died), progress (unpacked from
 * what the worker sent), and a result or a crash.
 */
export type SandboxMessage =
  | { type: 'ready' }
  | { type: 'alive'; runId: number }
  | { type: 'progress'; runId: number; events: ProgressEvent[] }
  | { type: 'result'; runId: number; result: RunResult }
  | { type: 'crashed'; runId: number; detail: string }

/** Posted once by an engine worker when it can take requests. */
export const WORKER_READY = 'actions-playground:engine-worker-ready'

/** The Node runner's requests to its sandbox process (`sandbox/sandboxProcess.ts`), over IPC. */
export type SandboxProcessRequest = { id: number; request: EngineRequest }

/** What the sandbox process sends back; a `crash` is an error nothing in a run caught. */
export type SandboxProcessMessage =
  | { type: typeof WORKER_READY }
  | { type: 'progress'; id: number; event: ProgressEvent }
  | { type: 'result'; id: number; result: RunResult }
  | { type: 'crash'; detail: string }
