/** The Node engine worker (a `worker_threads` worker started by `nodeRunner.ts`). */
import { parentPort } from 'node:worker_threads'
import { hardenGlobals } from './hardenGlobals.ts'
import { serveEngineRequest } from './serveEngineRequest.ts'
import { WORKER_READY, type NodeWorkerMessage, type NodeWorkerRequest } from './workerProtocol.ts'

const port = parentPort
if (!port) throw new Error('nodeWorker.ts runs as a worker thread: start it with createNodeRunner().')
const bindGlobalFetch = hardenGlobals()
const post = (message: NodeWorkerMessage) => port.postMessage(message)

port.on('message', async ({ id, request }: NodeWorkerRequest) => {
  const result = await serveEngineRequest(request, (event) => post({ type: 'progress', id, event }), bindGlobalFetch)
  post({ type: 'result', id, result })
})
post({ type: WORKER_READY })
