/**
 * Inside the sandbox's context, before the engine's modules run: the Web and Node globals the engine and
 * action code use. A `vm` context starts with JavaScript's own globals only; these are all built here,
 * so every object action code can reach belongs to the context. Not provided: `Request`, `FormData`,
 * `Blob`, streams and `WebSocket` (and no `process`, `require` or
 * `Buffer` globals: the engine hands action code its own).
 */
import { AbortController, AbortSignal, Event, EventTarget } from './abort.ts'
import { DOMException, TextDecoder, TextEncoder, atob, btoa } from './encoding.ts'
import { Headers, Response } from './fetchTypes.ts'
import { callHost } from './hostCall.ts'
import { structuredClone } from './structuredClone.ts'
import { timerGlobals } from './timers.ts'
import { reportUncaught } from './uncaught.ts'
import { URL, URLSearchParams } from './url.ts'
import { CryptoKey, crypto } from './webCrypto.ts'

function queueMicrotask(callback: () => void): void {
  if (typeof callback !== 'function') throw new TypeError('The "callback" argument must be of type function.')
  void Promise.resolve().then(() => {
    try {
      callback()
    } catch (error) {
      reportUncaught(error)
    }
  })
}

const performance = { now: () => callHost('now') as number, timeOrigin: Date.now() }

/**
 * `Error.prepareStackTrace` is always a function here. Where the context's is not, Node formats the
 * context's errors with the host's own, and a host formatter in sloppy mode (as source-map tools install)
 * would be reachable as `getter.caller` from an error's own getters: the host's `Function`, its `process`.
 */
function keepStackFormattingInside() {
  const errorText = Error.prototype.toString
  const format = (error: Error, sites: unknown[]) =>
    sites.length ? `${errorText.call(error)}\n    at ${sites.join('\n    at ')}` : errorText.call(error)
  let formatter: unknown = format
  Object.defineProperty(Error, 'prepareStackTrace', {
    get: () => (typeof formatter === 'function' ? formatter : format),
    set: (value: unknown) => { formatter = value },
    enumerable: false,
    configurable: false,
  })
}
keepStackFormattingInside()

const globals = {
  ...timerGlobals, queueMicrotask, structuredClone, performance,
  TextEncoder, TextDecoder, atob, btoa, DOMException, URL, URLSearchParams, Headers, Response, crypto, CryptoKey,
  Event, EventTarget, AbortController, AbortSignal,
}
for (const [name, value] of Object.entries(globals)) {
  Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false })
}
