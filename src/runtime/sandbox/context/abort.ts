/**
 * Inside the sandbox's context: `Event`, `EventTarget`, `AbortController` and `AbortSignal` (with `timeout`
 * and `any`), the subset of the DOM's that Node has and npm packages use to cancel requests (auth0's SDK
 * aborts its fetches with them). Timers are the context's own.
 */
import { DOMException } from './encoding.ts'
import { timerGlobals } from './timers.ts'

type Listener = ((event: Event) => void) | { handleEvent(event: Event): void }

export class Event {
  readonly type: string
  target: EventTarget | null = null
  constructor(type: string) {
    this.type = String(type)
  }
}

export class EventTarget {
  readonly #listeners = new Map<string, Set<Listener>>()

  addEventListener(type: string, listener: Listener | null, options?: { once?: boolean; signal?: AbortSignal } | boolean) {
    if (!listener) return
    const once = typeof options === 'object' && options?.once
    const signal = typeof options === 'object' ? options?.signal : undefined
    if (signal?.aborted) return
    const registered: Listener = once ? (event) => { this.removeEventListener(type, registered); call(listener, event) } : listener
    let set = this.#listeners.get(type)
    if (!set) this.#listeners.set(type, set = new Set())
    set.add(registered)
    signal?.addEventListener('abort', () => this.removeEventListener(type, registered), { once: true })
  }

  removeEventListener(type: string, listener: Listener | null) {
    if (listener) this.#listeners.get(type)?.delete(listener)
  }

  dispatchEvent(event: Event): boolean {
    event.target = this
    for (const listener of [...(this.#listeners.get(event.type) ?? [])]) call(listener, event)
    return true
  }
}

function call(listener: Listener, event: Event) {
  if (typeof listener === 'function') listener.call(event.target, event)
  else listener.handleEvent(event)
}

export class AbortSignal extends EventTarget {
  aborted = false
  reason: unknown = undefined
  onabort: ((event: Event) => void) | null = null

  throwIfAborted() {
    if (this.aborted) throw this.reason
  }

  static abort(reason?: unknown): AbortSignal {
    const controller = new AbortController()
    controller.abort(reason)
    return controller.signal
  }

  static timeout(ms: number): AbortSignal {
    const controller = new AbortController()
    timerGlobals.setTimeout(() => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), ms).unref()
    return controller.signal
  }

  static any(signals: Iterable<AbortSignal>): AbortSignal {
    const controller = new AbortController()
    for (const signal of signals) {
      if (signal.aborted) { controller.abort(signal.reason); break }
      signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true, signal: controller.signal })
    }
    return controller.signal
  }
}

export class AbortController {
  readonly signal = new AbortSignal()

  abort(reason: unknown = new DOMException('This operation was aborted', 'AbortError')) {
    const signal = this.signal
    if (signal.aborted) return
    signal.aborted = true
    signal.reason = reason
    const event = new Event('abort')
    signal.onabort?.call(signal, event)
    signal.dispatchEvent(event)
  }
}
