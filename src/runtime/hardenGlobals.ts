/**
 * Takes the ways out of an engine worker's global scope before any action code runs: network, storage
 * shared with the page, other threads. Action code reaches HTTP only through `fetch` and axios, which
 * the engine answers from the flow's HTTP mocks.
 */

export const BLOCKED_GLOBALS = [
  'XMLHttpRequest', 'WebSocket', 'WebSocketStream', 'EventSource', 'WebTransport', 'RTCPeerConnection',
  'webkitRTCPeerConnection', 'importScripts', 'FontFace', 'fonts', 'indexedDB', 'caches', 'Worker',
  'SharedWorker', 'BroadcastChannel',
]
/** `navigator.storage` opens the origin's private file system, shared with the page. */
const BLOCKED_NAVIGATOR = ['storage', 'serviceWorker']

function unavailable(name: string): ReferenceError {
  return new ReferenceError(
    `${name} is not available in the Actions Playground: actions reach the network only through fetch or axios, answered from the flow's HTTP mocks.`)
}

/**
 * Deletes `name` from `target` and every object on its prototype chain: an own-property delete alone
 * leaves `Object.getPrototypeOf(self).fetch` and the like reachable (eligrey/jsandbox#10).
 * Returns whether it was there at all.
 */
function removeAlongChain(target: object, name: string): boolean {
  let found = false
  for (let holder: object | null = target; holder; holder = Object.getPrototypeOf(holder)) {
    if (!Object.hasOwn(holder, name)) continue
    found = true
    if (!Reflect.deleteProperty(holder, name)) throw new Error(`Cannot remove ${name} from the engine worker's global scope.`)
  }
  return found
}

function block(target: object, name: string, label: string) {
  if (!removeAlongChain(target, name)) return
  Object.defineProperty(target, name, { get: () => { throw unavailable(label) }, enumerable: false, configurable: false })
}

/**
 * Hardens the worker's global scope and installs a global `fetch` that answers from the running
 * flow's mocks. Returns the `bindGlobalFetch` to hand to the engine in `RunOptions`.
 */
export function hardenGlobals(): (fetch: typeof globalThis.fetch | null) => void {
  for (const name of BLOCKED_GLOBALS) block(globalThis, name, name)
  if (typeof navigator === 'object' && navigator !== null) {
    for (const name of BLOCKED_NAVIGATOR) block(navigator, name, `navigator.${name}`)
  }

  let bound: typeof globalThis.fetch | null = null
  const fetch = (input: RequestInfo | URL, init?: RequestInit) => bound
    ? bound(input, init)
    : Promise.reject(new TypeError("fetch is not available outside a running action in the Actions Playground: it answers from the flow's HTTP mocks."))
  removeAlongChain(globalThis, 'fetch')
  Object.defineProperty(globalThis, 'fetch', { value: fetch, writable: false, enumerable: true, configurable: false })
  return (next) => { bound = next }
}
