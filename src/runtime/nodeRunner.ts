/**
 * Runs flows in the sandbox process (`sandbox/sandboxProcess.ts`; its layers and threat model are at the
 * top of `sandbox/sandboxHost.ts`), under the runner's hard time limit: the CLI, the bench and the runtime
 * tests use it. One process serves every run of a runner, each in a fresh `vm` context; it is killed at
 * the time limit and replaced after a crash.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import type { Socket } from 'node:net'
import type { RunResult } from '../engine/types.ts'
import { contextBundleIn, libraryIn, processScriptIn, sandboxFolder } from './sandbox/bundle.ts'
import type { LibraryName } from './libraries.ts'
import { isRunResult } from './sandboxMessages.ts'
import { createSupervisedRunner, type EngineWorker, type Runner } from './supervisedRunner.ts'
import { WORKER_READY, type ProgressListener, type SandboxProcessMessage, type SandboxProcessRequest } from './workerProtocol.ts'

/** A memory blow-up in action code ends the sandbox process (a crash result), not the CLI. */
const HEAP_LIMIT_MB = 256
/** `--permission` from Node 22.13 on. */
const PERMISSION_FLAG = process.allowedNodeEnvironmentFlags.has('--permission') ? '--permission' : '--experimental-permission'

/** How the sandbox process starts (layer 2 of `sandbox/sandboxHost.ts`): nothing of the CLI's environment. */
export function sandboxProcessOptions(folder: string): { execArgv: string[]; env: NodeJS.ProcessEnv } {
  return {
    execArgv: [
      PERMISSION_FLAG, `--allow-fs-read=${folder}`,
      '--experimental-vm-modules',
      '--disallow-code-generation-from-strings',
      `--max-old-space-size=${HEAP_LIMIT_MB}`,
      '--disable-warning=ExperimentalWarning',
    ],
    env: {},
  }
}

function exitDetail(code: number | null, signal: NodeJS.Signals | null, stderr: string): string {
  if (/heap out of memory|Reached heap limit/i.test(stderr)) return `it ran out of memory (its heap is limited to ${HEAP_LIMIT_MB} MB).`
  const last = stderr.trim().split('\n').at(-1)
  return `the sandbox process ${signal ? `was killed by ${signal}` : `exited with code ${code}`}${last ? `: ${last}` : '.'}`
}

function spawnSandboxProcess(onCrash: (detail: string) => void): EngineWorker {
  const folder = sandboxFolder()
  const child: ChildProcess = fork(processScriptIn(folder), [contextBundleIn(folder)], {
    ...sandboxProcessOptions(folder),
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  })
  const stderrPipe = child.stderr as Socket
  // An idle process must not keep the CLI alive; a call in progress keeps it alive with its timer.
  child.unref()
  child.channel?.unref()
  stderrPipe.unref()
  let stderr = ''
  stderrPipe.setEncoding('utf8').on('data', (chunk: string) => { stderr = (stderr + chunk).slice(-4096) })

  const pending = new Map<number, { resolve: (result: RunResult) => void; onProgress: ProgressListener }>()
  let nextId = 1
  let markReady: () => void
  const ready = new Promise<void>((resolve) => { markReady = resolve })
  const exited = new Promise<void>((resolve) => { child.once('exit', () => resolve()).once('error', () => resolve()) })
  // Plain data, as with the browser's sandbox, and read as untrusted: it comes from where action code runs.
  child.on('message', (message: SandboxProcessMessage) => {
    if (message.type === WORKER_READY) return markReady()
    if (message.type === 'crash') return onCrash(String(message.detail).slice(0, 500))
    const call = pending.get(message.id)
    if (!call) return
    if (message.type === 'progress') return call.onProgress(message.event)
    pending.delete(message.id)
    if (isRunResult(message.result)) call.resolve(message.result)
    else onCrash('the sandbox process sent a result the CLI cannot read.')
  })
  child.on('error', (error) => onCrash(String(error)))
  child.on('exit', (code, signal) => onCrash(exitDetail(code, signal, stderr)))
  return {
    ready,
    serve: (request, onProgress) => new Promise((resolve) => {
      const id = nextId++
      pending.set(id, { resolve, onProgress })
      child.send({ id, request } satisfies SandboxProcessRequest)
    }),
    terminate: async () => {
      pending.clear()
      if (child.exitCode === null && child.signalCode === null) {
        // Kept alive until it has exited, or the CLI could end before it prints the result.
        child.ref()
        child.kill('SIGKILL')
      }
      await exited
    },
  }
}

const libraries = new Map<LibraryName, Promise<string>>()
/** The host reads a library from the sandbox's folder and sends it with a run that needs it. */
function readLibrary(name: LibraryName): Promise<string> {
  let source = libraries.get(name)
  if (!source) libraries.set(name, source = readFile(libraryIn(sandboxFolder(), name), 'utf8'))
  return source
}

/**
 * The process is reused from call to call, so timing `run()` of a flow without actions measures its
 * round trip with a fresh context (the bench does).
 */
export function createNodeRunner(): Runner {
  return createSupervisedRunner(spawnSandboxProcess, readLibrary)
}
