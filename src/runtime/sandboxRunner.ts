/**
 * Runs flows in the browser, in the sandbox document (see sandboxDocument.ts and README.md in this folder):
 * the page posts plain data to an opaque-origin iframe and reads plain data back; it exposes no function,
 * proxy or port that action code could call. The supervised runner around it adds the hard time limit.
 */
import type { RunResult } from '../engine/index.ts'
import engineWorkerUrl from './engineWorker.ts?worker&url'
import axiosUrl from 'axios/dist/browser/axios.cjs?url'
import nodeShimsUrl from 'virtual:node-shims-url'
import { ENGINE_DEV_PATH } from './sandboxDocument.ts'
import type { LibraryName } from './libraries.ts'
import { DEFAULT_PACKAGE_CDN } from './packages/cdnSetting.ts'
import { readSandboxMessage } from './sandboxMessages.ts'
import { createSupervisedRunner, type EngineWorker, type LoadPackages, type Runner } from './supervisedRunner.ts'
import type { ProgressListener, SandboxRequest } from './workerProtocol.ts'

/**
 * A run whose sandbox sends nothing (not even its heartbeat) for this long has lost its process. Generous: the
 * sandbox's main thread also relays the run's messages, and relaying a 10 MB one took over 3 s on a busy 2-core
 * machine, which a shorter wait took for a crash.
 */
const SILENCE_MS = 10_000

const texts = new Map<string, Promise<string>>()
/** Scripts for the sandbox, as text: it cannot fetch them (it has no network), so the page hands them over. */
function fetchText(url: string, what: string): Promise<string> {
  let text = texts.get(url)
  if (!text) {
    text = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${what} could not be loaded (${response.status}).`)
      return response.text()
    })
    text.catch(() => texts.delete(url))
    texts.set(url, text)
  }
  return text
}

const loadEngineSource = () => fetchText(import.meta.env.DEV ? new URL(ENGINE_DEV_PATH, document.baseURI).href : engineWorkerUrl, 'the engine')
const LIBRARY_URLS: Record<LibraryName, string> = { axios: axiosUrl, nodeShims: nodeShimsUrl }
const loadLibrary = (name: LibraryName) => fetchText(new URL(LIBRARY_URLS[name], document.baseURI).href, name)

function spawnSandbox(onCrash: (detail: string) => void): EngineWorker {
  const frame = document.createElement('iframe')
  frame.sandbox.add('allow-scripts')
  frame.src = new URL('sandbox.html', document.baseURI).href
  frame.title = 'Action sandbox'
  frame.hidden = true
  frame.tabIndex = -1
  frame.setAttribute('aria-hidden', 'true')

  const post = (message: SandboxRequest) => frame.contentWindow?.postMessage(message, '*')
  let markReady: () => void
  const ready = new Promise<void>((resolve) => { markReady = resolve })
  let run: { id: number; resolve: (result: RunResult) => void; onProgress: ProgressListener; heardAt: number } | null = null
  let nextRunId = 1

  const onMessage = (event: MessageEvent) => {
    if (event.source !== frame.contentWindow || !frame.contentWindow) return
    const message = readSandboxMessage(event.data)
    if (!message) return
    if (message.type === 'ready') return markReady()
    if (!run || message.runId !== run.id) return
    run.heardAt = performance.now()
    if (message.type === 'progress') message.events.forEach(run.onProgress)
    else if (message.type === 'result') { const { resolve } = run; run = null; resolve(message.result) }
    else if (message.type === 'crashed') onCrash(message.detail)
  }
  const watchdog = setInterval(() => {
    if (run && performance.now() - run.heardAt > SILENCE_MS) onCrash('it stopped responding; the action probably ran out of memory.')
  }, SILENCE_MS / 3)

  window.addEventListener('message', onMessage)
  frame.addEventListener('load', () => {
    loadEngineSource().then((engine) => post({ type: 'init', engine }), (error: Error) => onCrash(error.message))
  }, { once: true })
  document.body.append(frame)

  return {
    ready,
    serve: (request, onProgress) => new Promise((resolve) => {
      run = { id: nextRunId++, resolve, onProgress, heardAt: performance.now() }
      post({ type: 'run', runId: run.id, request })
    }),
    terminate: async () => {
      if (run) post({ type: 'stop', runId: run.id })
      run = null
      clearInterval(watchdog)
      window.removeEventListener('message', onMessage)
      frame.remove()
    },
  }
}

export interface SandboxRunnerOptions {
  /** The package CDN's base URL (a setting), read at each run that needs packages. */
  packageCdn?: () => string
}

/**
 * The page fetches the packages a flow's actions declare (curated offline set, package CDN, Cache Storage:
 * packages/browserPackages.ts, loaded only for such a flow) and hands their files to the sandbox with the run.
 */
function pageLoadPackages(packageCdn: () => string): LoadPackages {
  return async (doc) => {
    if (!doc.actions.some((action) => action.enabled && action.dependencies?.length)) return undefined
    const { pagePackages } = await import('./packages/browserPackages.ts')
    return pagePackages(doc, packageCdn())
  }
}

export function createSandboxRunner(options: SandboxRunnerOptions = {}): Runner {
  return createSupervisedRunner(spawnSandbox, loadLibrary, pageLoadPackages(options.packageCdn ?? (() => DEFAULT_PACKAGE_CDN)))
}
