/**
 * Where the CLI runs action code (the browser has its own engine worker, `../engineWorker.ts`).
 *
 * Threat model: a flow file is untrusted code, e.g. from a pull request run by `actions-playground run` in someone's
 * CI. Its actions may try anything JavaScript allows, and must not get the host's powers: environment
 * variables (CI secrets), files, child processes, sockets or HTTP other than the flow's mocks, signals and
 * exit, Node's modules (`require`, `import()`, `process.getBuiltinModule`), or any object of the host's
 * realm, from which all of those follow (`anything.constructor.constructor('return process')()`). Out of
 * scope: what an action does to its own run (it can tamper with the engine in its context and forge its
 * own result), and CPU and memory up to the time and heap limits.
 *
 * Layer 1 (this module): each run gets a fresh `vm` context in which the engine bundle
 * (`dist-node/engine-sandbox.js`, built from `context/entry.ts` by `bundle.ts`) is evaluated, so `event`,
 * `api`, results and every intrinsic action code can touch belong to the context. Host and context
 * exchange JSON text only (`protocol.ts`): the context reaches the host through one function it holds in
 * a closure, host errors cross as text, and the host calls nothing in the context but the bundle's entry
 * points. Those are strict functions, so V8 hides every host frame below them from a CallSite's
 * `getFunction()` and `getThis()`, and from a function's `caller`; the context's `Error.prepareStackTrace`
 * is always its own (`context/globals.ts`). `import()` rejects with a string; on Node 20 that needs
 * `--experimental-vm-modules`, without which Node rejects it with an error of the host's realm, so the
 * host checks it before its first run and refuses to serve otherwise. The process that embeds the host
 * must never print or inspect a value of a context (Node's `util.inspect` hands its own functions to a
 * value's custom inspector): `sandboxProcess.ts` describes unhandled rejections through the context.
 *
 * Layer 2 (`sandboxProcess.ts`, `lockDown.ts`, the options in `../nodeRunner.ts`): the contexts live in a
 * child process with an empty environment, Node's permission model (it reads only the bundle's folder; no
 * writes, children, workers, addons, inspector or WASI), no code generation from strings in its own realm,
 * and its network entry points, `process.kill` and `process.exit` patched to throw: all that code which
 * escaped layer 1 would find. The runner kills it at the time limit and replaces it after a crash or when
 * it runs out of memory.
 */
import { createPrivateKey, createSign, randomBytes, randomUUID, type JsonWebKey, type KeyObject } from 'node:crypto'
import vm from 'node:vm'
import type { RunResult } from '../../engine/types.ts'
import type { EngineRequest, ProgressListener } from '../workerProtocol.ts'
import { createKeyTable } from './hostCrypto.ts'
import {
  URL_SETTERS, type BridgeError, type ContextEntry, type HostCall, type HostOp, type SubtleCall, type TimerRequest, type UrlParts, type UrlSetter,
} from './protocol.ts'

export interface SandboxHost {
  /** Settles when the host can serve: when `import()` is known to be refused in its contexts. */
  ready: Promise<void>
  /** Runs one request in a fresh context. An error nothing in it caught goes to `onCrash`. */
  serve(request: EngineRequest, onProgress: ProgressListener): Promise<RunResult>
  /** A value thrown in the latest context (e.g. an unhandled rejection) as text, read by the context itself. */
  describe(value: unknown): string
}

type BundleFactory = (hostCall: HostCall) => ContextEntry

const BUNDLE_FILE_NAME = 'engine-sandbox.js'
const MAX_RANDOM_BYTES = 65_536

function importRefusal(specifier: string): string {
  return `import(${JSON.stringify(specifier)}) is not available in the Actions Playground: action code reaches the modules the playground provides with require().`
}

function bridgeError(error: unknown): BridgeError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) }
  const code = (error as NodeJS.ErrnoException).code
  return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}) }
}

/** `describe` is the context's own; its answer is used only if it is text. */
function describeWith(describe: ContextEntry['describe'] | null, value: unknown): string {
  let text: unknown
  try { text = describe?.(value) } catch { /* an answer that is not text */ }
  return typeof text === 'string' ? text : 'an error that cannot be described'
}

function urlParts(url: URL): UrlParts {
  const { href, origin, protocol, username, password, host, hostname, port, pathname, search, hash } = url
  return { href, origin, protocol, username, password, host, hostname, port, pathname, search, hash }
}

/**
 * Node calls this for `import()` anywhere in a context, and what it throws is the rejection. That is a
 * string: an error of the host's realm would lead back to the host (its constructor's constructor is the
 * host's `Function`), and one of the context's own is not reliable either, as V8's compilation cache may
 * hand a script of a later context the callback given with an earlier one.
 */
const rsaKeys = new Map<string, KeyObject>()
/** The token signing key as node:crypto's: the engine sends the playground's fixed key (or the run's), made once. */
function rsaKey(jwk: JsonWebKey): KeyObject {
  if (jwk?.kty !== 'RSA' || typeof jwk.n !== 'string') throw new TypeError('An RS256 signing key is an RSA private JWK.')
  let key = rsaKeys.get(jwk.n)
  if (!key) rsaKeys.set(jwk.n, key = createPrivateKey({ key: jwk, format: 'jwk' }))
  return key
}

const refuseImport = (specifier: unknown): never => {
  throw importRefusal(String(specifier))
}

function createContext(): vm.Context {
  return vm.createContext(Object.create(null), {
    name: 'actions-playground-sandbox',
    codeGeneration: { strings: true, wasm: false },
    importModuleDynamically: refuseImport,
  })
}

function compile(source: string): vm.Script {
  return new vm.Script(source, { filename: BUNDLE_FILE_NAME, importModuleDynamically: refuseImport })
}

let importCheck: Promise<void> | null = null

/** Refuses to run where `import()` in a context would reject with a host error (Node 20 without the flag). */
function checkImportRefusal(): Promise<void> {
  importCheck ??= (async () => {
    const probe = compile(`import('node:fs').then(() => 'imported', (reason) => typeof reason === 'string' ? 'refused' : 'foreign')`)
    if (await (probe.runInContext(createContext()) as Promise<string>) !== 'refused') {
      throw new Error("The sandbox needs Node's --experimental-vm-modules: without it, import() in action code fails with an error of the host's realm, a way out of the sandbox.")
    }
  })()
  return importCheck
}

/** The host's timers of one run, each firing into the context by its id. */
function createTimers(fire: (id: number) => void) {
  const timers = new Map<number, () => void>()
  const cancel = (id: number) => {
    timers.get(id)?.()
    timers.delete(id)
  }
  return {
    set({ id, ms, repeat }: TimerRequest) {
      cancel(id)
      const run = () => {
        if (!repeat) timers.delete(id)
        fire(id)
      }
      if (ms === 0) {
        const immediate = setImmediate(run)
        timers.set(id, () => clearImmediate(immediate))
      } else {
        const timer = repeat ? setInterval(run, ms) : setTimeout(run, ms)
        timers.set(id, () => clearTimeout(timer))
      }
    },
    cancel,
    cancelAll() {
      for (const id of [...timers.keys()]) cancel(id)
    },
  }
}

export function createSandboxHost(bundleSource: string, onCrash: (detail: string) => void): SandboxHost {
  let latestDescribe: ContextEntry['describe'] | null = null
  const script = compile(bundleSource)
  const ready = checkImportRefusal()

  async function serve(request: EngineRequest, onProgress: ProgressListener): Promise<RunResult> {
    await ready
    const context = createContext()
    const keys = createKeyTable()
    const timers = createTimers((id) => enter(() => fireTimer(id)))
    let finished = false
    let resolveResult!: (result: RunResult) => void
    const result = new Promise<RunResult>((resolve) => { resolveResult = resolve })

    const ops: Record<HostOp, (payload: unknown) => unknown> = {
      now: () => performance.now(),
      randomBytes: (payload) => {
        const size = Number(payload)
        if (!Number.isInteger(size) || size < 0 || size > MAX_RANDOM_BYTES) throw new RangeError('Invalid number of random bytes.')
        return [...randomBytes(size)]
      },
      randomUUID: () => randomUUID(),
      'timer.set': (timer) => timers.set(timer as TimerRequest),
      'timer.clear': (id) => timers.cancel(Number(id)),
      'url.parse': (payload) => {
        const [input, base] = payload as [string, string | null]
        return urlParts(new URL(String(input), base === null ? undefined : String(base)))
      },
      'url.set': (payload) => {
        const [href, name, value] = payload as [string, UrlSetter, string]
        if (!URL_SETTERS.includes(name)) throw new TypeError(`URL has no "${String(name)}" to set.`)
        const url = new URL(String(href))
        url[name] = String(value)
        return urlParts(url)
      },
      rs256: (payload) => {
        const { privateJwk, input } = payload as { privateJwk: JsonWebKey; input: string }
        return createSign('RSA-SHA256').update(String(input)).sign(rsaKey(privateJwk), 'base64url')
      },
      subtle: (payload) => {
        const call = payload as SubtleCall
        void keys.call(call)
          .then((value) => ({ ok: value ?? null }), (error: unknown) => ({ error: bridgeError(error) }))
          .then((reply) => { if (!finished) enter(() => settle(call.id, JSON.stringify(reply))) })
      },
      progress: (event) => onProgress(event as Parameters<ProgressListener>[0]),
      done: (value) => {
        finished = true
        timers.cancelAll()
        resolveResult(value as RunResult)
      },
      crash: (detail) => onCrash(String(detail)),
    }

    /** The context's only way to the host: JSON text in and out, host errors as text. */
    const hostCall = (op: HostOp, payload: string): string => {
      try {
        if (typeof op !== 'string' || typeof payload !== 'string' || !Object.hasOwn(ops, op)) throw new TypeError('Invalid call to the sandbox host.')
        if (finished && op !== 'crash') throw new Error('This run is over.')
        return JSON.stringify({ ok: ops[op](JSON.parse(payload)) ?? null })
      } catch (error) {
        return JSON.stringify({ error: bridgeError(error) })
      }
    }

    // The entry points are read once, before any action code runs in the context.
    const { serve: serveInContext, fireTimer, settle, describe } = (script.runInContext(context) as BundleFactory)(hostCall)
    latestDescribe = describe

    /** Calls into the context; what it throws stays a value of the context, only described as text. */
    function enter(call: () => void) {
      try {
        call()
      } catch (error) {
        onCrash(describeWith(describe, error))
      }
    }

    enter(() => serveInContext(JSON.stringify(request)))
    return result
  }

  return { ready, serve, describe: (value) => describeWith(latestDescribe, value) }
}
