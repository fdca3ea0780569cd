/**
 * Runs flows in a Node `worker_threads` worker (`nodeWorker.ts`), under the runner's hard time limit:
 * the CLI, the bench and the runtime tests use it.
 */
import { Worker } from 'node:worker_threads'
import type { RunResult } from '../engine/index.ts'
import { createSupervisedRunner, type EngineWorker, type Runner } from './supervisedRunner.ts'
import { WORKER_READY, type NodeWorkerMessage, type NodeWorkerRequest, type ProgressListener } from './workerProtocol.ts'

const WORKER_URL = new URL('./nodeWorker.ts', import.meta.url).href
/**
 * `execArgv: ['--import', 'tsx']` does not load a `.ts` worker on Node 20 (nodejs/node#47747,
 * privatenumber/tsx#354), so a small script registers tsx inside the worker, then imports it.
 */
const BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL)}) })`
/** A memory blow-up in action code ends the worker (a crash result), not the process. */
const HEAP_LIMIT_MB = 256

function spawnNodeWorker(onCrash: (detail: string) => void): EngineWorker {
  const worker = new Worker(BOOTSTRAP, { eval: true, execArgv: [], name: 'actions-engine', resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB } })
  // An idle worker must not keep the process alive; a call in progress keeps it alive with its timer.
  worker.unref()
  const pending = new Map<number, { resolve: (result: RunResult) => void; onProgress: ProgressListener }>()
  let nextId = 1
  let markReady: () => void
  const ready = new Promise<void>((resolve) => { markReady = resolve })
  worker.on('message', (message: NodeWorkerMessage) => {
    if (message.type === WORKER_READY) return markReady()
    const call = pending.get(message.id)
    if (!call) return
    if (message.type === 'progress') return call.onProgress(message.event)
    pending.delete(message.id)
    call.resolve(message.result)
  })
  worker.on('error', (error) => onCrash(String(error)))
  worker.on('exit', (code) => onCrash(`the worker exited with code ${code}.`))
  return {
    ready,
    serve: (request, onProgress) => new Promise((resolve) => {
      const id = nextId++
      pending.set(id, { resolve, onProgress })
      worker.postMessage({ id, request } satisfies NodeWorkerRequest)
    }),
    terminate: async () => {
      pending.clear()
      await worker.terminate()
    },
  }
}

/**
 * The worker is reused from call to call, so timing `run()` of a flow without actions measures the
 * worker's round trip (the bench does).
 */
export function createNodeRunner(): Runner {
  return createSupervisedRunner(spawnNodeWorker)
}
