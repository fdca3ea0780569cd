/** Node's errors: the constructor, message and `code` Node throws, for the modules that emulate Node's. */
import { inspect } from '../nodeInspect.ts'

export function nodeError(Type: ErrorConstructor, code: string, message: string): Error {
  return Object.assign(new Type(message), { code })
}

/** The end of Node's ERR_INVALID_ARG_TYPE messages. */
export function received(value: unknown): string {
  if (value === null || value === undefined) return `Received ${value}`
  if (typeof value === 'function') return `Received function ${value.name}`
  if (typeof value === 'object') return `Received an instance of ${value.constructor?.name ?? 'Object'}`
  return `Received type ${typeof value} (${inspect(value)})`
}
