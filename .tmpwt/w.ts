import { parentPort } from 'node:worker_threads'
const x: number = 1
parentPort!.postMessage({ hi: x, fetch: typeof fetch, ws: typeof (globalThis as any).WebSocket, bc: typeof BroadcastChannel, es: typeof (globalThis as any).EventSource, proto: Object.getOwnPropertyNames(Object.getPrototypeOf(globalThis)).length, protoName: Object.getPrototypeOf(globalThis) === Object.prototype })
