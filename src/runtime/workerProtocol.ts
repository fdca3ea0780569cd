/** What the host and the engine workers (browser and Node) send each other. */
import type { ContinueRequest, FlowDocument, ProgressEvent, RunOptions, RunResult } from '../engine/index.ts'

/** The run options that can cross to a worker: plain data, no callbacks or stores. */
export type WorkerRunOptions = Omit<RunOptions, 'onProgress' | 'bindGlobalFetch' | 'cacheStore'>

export type EngineRequest =
  | { kind: 'run'; doc: FlowDocument; options: WorkerRunOptions }
  | { kind: 'continue'; doc: FlowDocument; previous: RunResult; request: ContinueRequest; options: WorkerRunOptions }

export type ProgressListener = (event: ProgressEvent) => void

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
