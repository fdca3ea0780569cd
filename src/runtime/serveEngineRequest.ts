/**
 * Inside an engine worker: runs one request and always returns a plain-JSON result, never a rejection, ready to
 * cross to the host: without the timeline and console output its events carried (engine/runEvents.ts), or whole
 * when the engine threw and the result was rebuilt here.
 */
import { continueFlow, runFlow, type RunOptions } from '../engine/pipeline.ts'
import { withoutStreamed } from '../engine/runEvents.ts'
import type { RunResult } from '../engine/types.ts'
import { libraryLoaders } from './libraries.ts'
import { interruptedResult } from './interruptedResult.ts'
import { ReceivedRun } from './receivedRun.ts'
import type { EngineRequest, ProgressListener } from './workerProtocol.ts'

export async function serveEngineRequest(
  request: EngineRequest,
  onProgress: ProgressListener,
  bindGlobalFetch: NonNullable<RunOptions['bindGlobalFetch']>,
  signRs256?: RunOptions['signRs256'],
): Promise<RunResult> {
  const received = new ReceivedRun(request)
  const options: RunOptions = {
    ...request.options,
    signRs256,
    bindGlobalFetch,
    libraries: libraryLoaders(request.libraries),
    onProgress: (event) => {
      received.receive(event)
      onProgress(event)
    },
  }
  try {
    return withoutStreamed(request.kind === 'run'
      ? await runFlow(request.doc, options)
      : await continueFlow(request.doc, request.previous, request.request, options))
  } catch (error) {
    bindGlobalFetch(null)
    const message = error instanceof Error ? error.message : String(error)
    return interruptedResult(request, received, { kind: 'engine-error', message })
  }
}
