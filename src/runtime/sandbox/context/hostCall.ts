/**
 * Inside the sandbox's context: the one way to the host. The bundle is wrapped in `(function (hostCall) {
 * … })` (see `../bundle.ts`), so the host's function is a parameter no code in the context can reach; only
 * the wrappers below call it, with strings, and they turn its replies into values and errors of this realm.
 */
import type { BridgeError, HostCall, HostOp, Reply } from '../protocol.ts'

declare const hostCall: HostCall

// Taken before any action code runs, which may replace the globals.
const { parse, stringify } = JSON
const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>()
let nextCall = 1

const ERROR_TYPES: Record<string, ErrorConstructor> = { TypeError, RangeError, SyntaxError }

/** An error of this realm with the host error's name, message and code. */
function toError({ name, message, code }: BridgeError): Error {
  const known = Object.hasOwn(ERROR_TYPES, name)
  const error = new (known ? ERROR_TYPES[name] : Error)(message)
  if (!known) Object.defineProperty(error, 'name', { value: name, configurable: true, writable: true })
  if (code !== undefined) Object.assign(error, { code })
  return error
}

function unwrap(reply: string): unknown {
  const parsed = parse(reply) as Reply
  if ('error' in parsed) throw toError(parsed.error)
  return parsed.ok
}

/** Calls the host synchronously with a JSON payload and returns its JSON answer. */
export function callHost(op: HostOp, payload: unknown = null): unknown {
  let reply: unknown
  try {
    reply = hostCall(op, stringify(payload) ?? 'null')
  } catch {
    // Whatever the host threw (even a stack overflow raised inside it) belongs to its realm: never rethrown.
    throw new Error(`The sandbox's host failed on "${op}".`)
  }
  if (typeof reply !== 'string') throw new Error(`The sandbox's host gave no answer to "${op}".`)
  return unwrap(reply)
}

/** Starts an asynchronous host call; `settle` ends it. */
export function callHostAsync(op: HostOp, payload: Record<string, unknown>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const id = nextCall++
    pending.set(id, { resolve, reject })
    try {
      callHost(op, { ...payload, id })
    } catch (error) {
      pending.delete(id)
      reject(error)
    }
  })
}

export function settle(id: number, reply: string): void {
  const call = pending.get(id)
  if (!call) return
  pending.delete(id)
  try {
    call.resolve(unwrap(reply))
  } catch (error) {
    call.reject(error)
  }
}
