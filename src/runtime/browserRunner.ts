/** Runs flows in the browser's engine worker (`engineWorker.ts`), under the runner's hard time limit. */
import * as Comlink from 'comlink'
import type { EngineWorkerApi } from './engineWorker.ts'
import { createSupervisedRunner, type EngineWorker, type Runner } from './supervisedRunner.ts'
import { WORKER_READY } from './workerProtocol.ts'

function spawnBrowserWorker(onCrash: (detail: string) => void): EngineWorker {
  const worker = new Worker(new URL('./engineWorker.ts', import.meta.url), { type: 'module', name: 'actions-engine' })
  const remote = Comlink.wrap<EngineWorkerApi>(worker)
  const ready = new Promise<void>((resolve) => {
    worker.addEventListener('message', function onReady(event: MessageEvent) {
      if (event.data !== WORKER_READY) return
      worker.removeEventListener('message', onReady)
      resolve()
    })
  })
  worker.addEventListener('error', (event) => {
    event.preventDefault()
    onCrash(event.message || 'the worker script failed to load.')
  })
  worker.addEventListener('messageerror', () => onCrash('a message from the worker could not be read.'))
  return {
    ready,
    serve: (request, onProgress) => request.kind === 'run'
      ? remote.run(request.doc, request.options, Comlink.proxy(onProgress))
      : remote.continue(request.doc, request.previous, request.request, request.options, Comlink.proxy(onProgress)),
    terminate: async () => {
      // Comlink never settles the calls pending on a released proxy (comlink#601); the runner's race covers them.
      remote[Comlink.releaseProxy]()
      worker.terminate()
    },
  }
}

export function createBrowserRunner(): Runner {
  return createSupervisedRunner(spawnBrowserWorker)
}
