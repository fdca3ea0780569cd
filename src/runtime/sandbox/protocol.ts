/**
 * What the sandbox's host and the code inside its `vm` context say to each other. Only strings and numbers
 * cross: the context calls one host function, `(op, payload) => reply`, with JSON text, and the host
 * calls the context's entry points (`ContextEntry`) with JSON text. No object of either realm ever
 * reaches the other.
 */

/** What the context asks of the host. */
export type HostOp =
  | 'now' | 'randomBytes' | 'randomUUID'
  | 'timer.set' | 'timer.clear'
  | 'url.parse' | 'url.set'
  | 'subtle' | 'rs256'
  | 'progress' | 'done' | 'crash'

/** The host's answer to a call: a JSON value, or the name, message and code of the error to throw. */
export type Reply = { ok: unknown } | { error: BridgeError }
export interface BridgeError { name: string; message: string; code?: string }

/** The host function the bundle is handed when it is evaluated (see `context/hostCall.ts`). */
export type HostCall = (op: HostOp, payload: string) => string

/** Created by the bundle inside the context; the host calls these and nothing else. */
export interface ContextEntry {
  /** Runs one engine request (`EngineRequest` as JSON); reports through the `progress`, `done` and `crash` ops. */
  serve(requestJson: string): void
  fireTimer(id: number): void
  /** Ends an asynchronous host call (`subtle`) with its `Reply` as JSON. */
  settle(id: number, replyJson: string): void
  /** A thrown or rejected value of the context as text, e.g. for an unhandled rejection. */
  describe(value: unknown): string
}

export interface TimerRequest { id: number; ms: number; repeat: boolean }

/** The parts of a WHATWG URL, as the host's `URL` parses them. */
export interface UrlParts {
  href: string; origin: string; protocol: string; username: string; password: string
  host: string; hostname: string; port: string; pathname: string; search: string; hash: string
}
export const URL_SETTERS = ['href', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash'] as const
export type UrlSetter = (typeof URL_SETTERS)[number]

/**
 * WebCrypto arguments and results cross as JSON with bytes and keys tagged: `{ $bytes: [n, …] }` for an
 * ArrayBuffer, `{ $uint8: [n, …] }` for a Uint8Array (or any other view, going in), `{ $key: id, … }` for a
 * CryptoKey, which stays in the host's key table. Anything else is plain JSON.
 */
export type SubtleMethod =
  | 'encrypt' | 'decrypt' | 'sign' | 'verify' | 'digest' | 'generateKey' | 'deriveKey' | 'deriveBits'
  | 'importKey' | 'exportKey' | 'wrapKey' | 'unwrapKey'
export const SUBTLE_METHODS: readonly SubtleMethod[] = [
  'encrypt', 'decrypt', 'sign', 'verify', 'digest', 'generateKey', 'deriveKey', 'deriveBits', 'importKey', 'exportKey', 'wrapKey', 'unwrapKey',
]
/** The `subtle` op starts the call; the host answers later through `ContextEntry.settle(id, …)`. */
export interface SubtleCall { id: number; method: SubtleMethod; args: unknown[] }
export interface KeyDescriptor { $key: number; type: string; extractable: boolean; algorithm: unknown; usages: string[] }
