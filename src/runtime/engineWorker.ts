/**
 * The browser's engine worker. It runs inside the sandbox document (public/sandbox.html), which starts one
 * per run from a Blob of this bundle and terminates it when the run ends: one realm per run, whatever the
 * action code did to it. It answers one request, with progress in batches, as plain messages.
 */
import { hardenGlobals } from './hardenGlobals.ts'
import { createProgressBatcher } from './progressBatcher.ts'
import { serveEngineRequest } from './serveEngineRequest.ts'
import type { EngineWorkerMessage, SandboxRunRequest } from './workerProtocol.ts'

const bindGlobalFetch = hardenGlobals()
const post = (message: EngineWorkerMessage) => self.postMessage(message)
// As in Node, a rejection nobody handles crashes the worker: rethrown, it reaches the sandbox as an `error` event.
self.addEventListener('unhandledrejection', (event) => { throw event.reason })

self.addEventListener('message', async function serve(event: MessageEvent<SandboxRunRequest>) {
  if (event.data?.type !== 'run') return
  self.removeEventListener('message', serve)
  const progress = createProgressBatcher((events) => post({ type: 'progress', events }))
  const result = await serveEngineRequest(event.data.request, progress.push, bindGlobalFetch)
  progress.finish()
  post({ type: 'result', result })
})
