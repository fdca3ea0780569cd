/**
 * The browser's engine worker. It runs inside the sandbox document (public/sandbox.html), which starts one
 * per run from a Blob of this bundle and terminates it when the run ends: one realm per run, whatever the
 * action code did to it. It answers one request, with progress in batches, as plain messages, after a warm-up run of
 * its own and the compiling of the actions the sandbox expects it to run (warmUp.ts).
 */
import { hardenGlobals } from './hardenGlobals.ts'
import { packEvents } from './packedEvents.ts'
import { createProgressBatcher } from './progressBatcher.ts'
import { serveEngineRequest } from './serveEngineRequest.ts'
import { prepareActions, warmUp } from './warmUp.ts'
import type { EngineWorkerMessage, SandboxWorkerRequest } from './workerProtocol.ts'

const bindGlobalFetch = hardenGlobals()
const post = (message: EngineWorkerMessage) => self.postMessage(message)
// As in Node, a rejection nobody handles crashes the worker: rethrown, it reaches the sandbox as an `error` event.
self.addEventListener('unhandledrejection', (event) => { throw event.reason })
// Started as the spare realm, it warms the engine and compiles the actions it is told of while it waits; the run
// waits for that (a failure is no matter: the run compiles what is missing).
let ready = warmUp().catch(() => {})

self.addEventListener('message', function prepare(event: MessageEvent<SandboxWorkerRequest>) {
  if (event.data?.type !== 'prepare') return
  self.removeEventListener('message', prepare)
  const { actions } = event.data
  ready = ready.then(() => { prepareActions(actions) }).catch(() => {})
})

self.addEventListener('message', async function serve(event: MessageEvent<SandboxWorkerRequest>) {
  if (event.data?.type !== 'run') return
  self.removeEventListener('message', serve)
  await ready
  const progress = createProgressBatcher((events) => post({ type: 'progress', events: packEvents(events) }))
  const result = await serveEngineRequest(event.data.request, progress.push, bindGlobalFetch)
  progress.finish()
  post({ type: 'result', result })
})
