/** Inside the sandbox's context: Node's timer functions, scheduled by the host and fired through `fireTimer`. */
import type { TimerRequest } from '../protocol.ts'
import { callHost } from './hostCall.ts'
import { reportUncaught } from './uncaught.ts'

type Callback = (...args: unknown[]) => void
interface Scheduled { callback: Callback; args: unknown[]; repeat: boolean; handle: Timeout }

/** Node's largest delay; a delay outside 1 … this becomes 1 ms, as in Node. */
const TIMEOUT_MAX = 2 ** 31 - 1
const scheduled = new Map<number, Scheduled>()
let nextId = 1

/** What `setTimeout` returns in Node: an object that also converts to its id. */
class Timeout {
  #ref = true
  constructor(readonly id: number, private readonly ms: number) {}
  ref() { this.#ref = true; return this }
  unref() { this.#ref = false; return this }
  hasRef() { return this.#ref }
  refresh() {
    const timer = scheduled.get(this.id)
    if (timer) callHost('timer.set', { id: this.id, ms: this.ms, repeat: timer.repeat } satisfies TimerRequest)
    return this
  }
  [Symbol.toPrimitive]() { return this.id }
}

function delayMs(delay: unknown): number {
  const requested = Number(delay)
  return requested >= 1 && requested <= TIMEOUT_MAX ? Math.trunc(requested) : 1
}

/** `ms` 0 is `setImmediate`. */
function schedule(callback: unknown, ms: number, args: unknown[], repeat: boolean): Timeout {
  if (typeof callback !== 'function') {
    throw Object.assign(new TypeError(`The "callback" argument must be of type function. Received ${typeof callback}`), { code: 'ERR_INVALID_ARG_TYPE' })
  }
  const id = nextId++
  const handle = new Timeout(id, ms)
  scheduled.set(id, { callback: callback as Callback, args, repeat, handle })
  callHost('timer.set', { id, ms, repeat } satisfies TimerRequest)
  return handle
}

function clear(handle: unknown): void {
  const id = handle instanceof Timeout ? handle.id : Number(handle)
  if (!scheduled.delete(id)) return
  callHost('timer.clear', id)
}

export function fireTimer(id: number): void {
  const timer = scheduled.get(id)
  if (!timer) return
  if (!timer.repeat) scheduled.delete(id)
  try {
    timer.callback.apply(timer.handle, timer.args)
  } catch (error) {
    reportUncaught(error)
  }
}

export const timerGlobals = {
  setTimeout: (callback: unknown, delay?: unknown, ...args: unknown[]) => schedule(callback, delayMs(delay), args, false),
  setInterval: (callback: unknown, delay?: unknown, ...args: unknown[]) => schedule(callback, delayMs(delay), args, true),
  setImmediate: (callback: unknown, ...args: unknown[]) => schedule(callback, 0, args, false),
  clearTimeout: clear,
  clearInterval: clear,
  clearImmediate: clear,
}
