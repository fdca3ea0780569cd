/**
 * Host side of an engine worker, shared by the browser and Node runners. Every call gets a result: the
 * worker's own, or one rebuilt from its progress when the worker passes the hard time limit, is stopped
 * or dies. Then the worker is terminated and the next call starts a fresh one.
 */
import type { ContinueRequest, FlowDocument, RunResult } from '../engine/index.ts'
import type { ModuleFiles } from '../engine/packages/moduleFiles.ts'
import { DEFAULT_TIME_LIMIT_MS } from '../engine/limits.ts'
import { librarySources, type LoadLibrarySource } from './libraries.ts'
import { interruptedResult, type Interruption, type ReceivedProgress } from './interruptedResult.ts'
import type { EngineRequest, ProgressListener, WorkerRunOptions } from './workerProtocol.ts'

/** Past the engine's own limit, so an awaited promise that never settles still ends with the engine's result. */
const GRACE_MS = 500
/** How long a new worker may take to load before the call gives up on it. */
const STARTUP_LIMIT_MS = 30_000

export type RunnerOptions = WorkerRunOptions & { onProgress?: ProgressListener }

export interface Runner {
  run(doc: FlowDocument, options?: RunnerOptions): Promise<RunResult>
  continue(doc: FlowDocument, previous: RunResult, request: ContinueRequest, options?: RunnerOptions): Promise<RunResult>
  /** Ends the call in progress, if any, with a `failed` result. */
  stop(): void
  /** Stops and terminates the worker; a later call starts a new one. */
  dispose(): Promise<void>
  /** Starts a worker now if there is none, so the next call does not wait for one to load. */
  warm(): void
}

/** One live worker, as a runner sees it. `serve` may never settle if the worker hangs or dies. */
export interface EngineWorker {
  ready: Promise<void>
  serve(request: EngineRequest, onProgress: ProgressListener): Promise<RunResult>
  terminate(): Promise<void>
}

/** Starts a worker; it reports a crash (uncaught error, exit, out of memory) through `onCrash`. */
export type SpawnEngineWorker = (onCrash: (detail: string) => void) => EngineWorker

/**
 * The files of the npm packages a flow's actions declare (undefined: none), for a run whose options do not
 * bring them already. A thrown error's message becomes the run's error.
 */
export type LoadPackages = (doc: FlowDocument) => Promise<ModuleFiles | undefined>

export function createSupervisedRunner(spawn: SpawnEngineWorker, loadLibrary: LoadLibrarySource, loadPackages?: LoadPackages): Runner {
  let worker: EngineWorker | null = null
  let interrupt: ((interruption: Interruption) => void) | null = null
  let queue: Promise<unknown> = Promise.resolve()

  function discard(): Promise<void> {
    const dead = worker
    worker = null
    return dead ? dead.terminate() : Promise.resolve()
  }

  function spawnWorker(): EngineWorker {
    const spawned = spawn((detail) => {
      if (worker !== spawned) return
      void discard()
      interrupt?.({ kind: 'crashed', detail })
    })
    return spawned
  }

  async function execute(request: EngineRequest, onProgress: ProgressListener | undefined): Promise<RunResult> {
    const progress: ReceivedProgress[] = []
    const interrupted = new Promise<Interruption>((resolve) => { interrupt = resolve })
    let timer: ReturnType<typeof setTimeout> | undefined
    const limit = (ms: number, interruption: Interruption) =>
      new Promise<Interruption>((resolve) => { timer = setTimeout(() => resolve(interruption), ms) })
    // Loaded while the worker starts; a library that cannot be loaded ends the run as the worker's crash would.
    const libraries = librarySources(request.doc, loadLibrary, request.options.packages)
    libraries.catch(() => {})
    const packages = request.options.packages || !loadPackages ? Promise.resolve(undefined) : loadPackages(request.doc)
    packages.catch(() => {})
    try {
      const current = (worker ??= spawnWorker())
      const startup = await Promise.race([current.ready.then(() => null), interrupted,
        limit(STARTUP_LIMIT_MS, { kind: 'crashed', detail: `it did not start within ${STARTUP_LIMIT_MS / 1000} s.` })])
      clearTimeout(timer)
      if (startup) return await end(startup)
      request = { ...request, libraries: await libraries }
      let files: ModuleFiles | undefined
      try {
        files = await packages
      } catch (error) {
        // Nothing ran: the worker stays for the next run.
        return interruptedResult(request, progress, { kind: 'engine-error', message: error instanceof Error ? error.message : String(error) })
      }
      if (files) request = { ...request, options: { ...request.options, packages: files } }

      const limitMs = request.options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS
      const served = current.serve(request, (event) => {
        progress.push({ event, at: performance.now() })
        onProgress?.(event)
      })
      const outcome = await Promise.race([served, interrupted, limit(limitMs + GRACE_MS, { kind: 'timeout', limitMs })])
      if ('status' in outcome) {
        // Past its own limit the engine moves on, but the abandoned action may still be running.
        if (outcome.error?.timeout) await discard()
        return outcome
      }
      return await end(outcome)
    } catch (error) {
      return await end({ kind: 'crashed', detail: error instanceof Error ? error.message : String(error) })
    } finally {
      clearTimeout(timer)
      interrupt = null
    }

    async function end(interruption: Interruption): Promise<RunResult> {
      await discard()
      return interruptedResult(request, progress, interruption)
    }
  }

  function enqueue(request: EngineRequest, onProgress: ProgressListener | undefined): Promise<RunResult> {
    const result = queue.then(() => execute(request, onProgress))
    queue = result.catch(() => undefined)
    return result
  }

  const split = ({ onProgress, ...options }: RunnerOptions = {}) => ({ onProgress, options })

  return {
    run(doc, runnerOptions) {
      const { onProgress, options } = split(runnerOptions)
      return enqueue({ kind: 'run', doc, options }, onProgress)
    },
    continue(doc, previous, request, runnerOptions) {
      const { onProgress, options } = split(runnerOptions)
      return enqueue({ kind: 'continue', doc, previous, request, options }, onProgress)
    },
    stop() {
      interrupt?.({ kind: 'stopped' })
    },
    dispose() {
      interrupt?.({ kind: 'stopped' })
      return discard()
    },
    warm() {
      worker ??= spawnWorker()
    },
  }
}
