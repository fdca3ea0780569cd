/** The browser's engine worker (a module worker driven through comlink by `browserRunner.ts`). */
import * as Comlink from 'comlink'
import type { ContinueRequest, FlowDocument, ProgressEvent, RunResult } from '../engine/index.ts'
import { hardenGlobals } from './hardenGlobals.ts'
import { serveEngineRequest } from './serveEngineRequest.ts'
import { WORKER_READY, type EngineRequest, type ProgressListener, type WorkerRunOptions } from './workerProtocol.ts'

const bindGlobalFetch = hardenGlobals()
// As in Node, a rejection nobody handles crashes the worker: rethrown, it reaches the host as an `error` event.
self.addEventListener('unhandledrejection', (event) => { throw event.reason })

async function serve(request: EngineRequest, onProgress?: ProgressListener): Promise<RunResult> {
  const listener = onProgress as Comlink.Remote<ProgressListener> | undefined
  let delivered: Promise<unknown> = Promise.resolve()
  const result = await serveEngineRequest(request, (event: ProgressEvent) => {
    if (listener) delivered = listener(event).catch(() => undefined)
  }, bindGlobalFetch)
  // Progress travels on its own port: wait until the host has had all of it before the result goes back.
  await delivered
  listener?.[Comlink.releaseProxy]()
  return result
}

const api = {
  run: (doc: FlowDocument, options: WorkerRunOptions, onProgress?: ProgressListener) =>
    serve({ kind: 'run', doc, options }, onProgress),
  continue: (doc: FlowDocument, previous: RunResult, request: ContinueRequest, options: WorkerRunOptions, onProgress?: ProgressListener) =>
    serve({ kind: 'continue', doc, previous, request, options }, onProgress),
}
export type EngineWorkerApi = typeof api

// Synchronously at the top level: a call that arrives before `expose` would never be answered (comlink#665).
Comlink.expose(api)
self.postMessage(WORKER_READY)
