/** Inside the sandbox's context: `structuredClone` for the values actions and the engine clone. */
import { DOMException } from './encoding.ts'

function cloneValue(value: unknown, seen: Map<object, unknown>): unknown {
  if (typeof value === 'function' || typeof value === 'symbol') {
    throw new DOMException(`${String(value)} could not be cloned.`, 'DataCloneError')
  }
  if (typeof value !== 'object' || value === null) return value
  if (seen.has(value)) return seen.get(value)
  const remember = <T>(copy: T): T => { seen.set(value, copy); return copy }
  if (value instanceof Date) return remember(new Date(value.getTime()))
  if (value instanceof RegExp) return remember(new RegExp(value.source, value.flags))
  if (value instanceof ArrayBuffer) return remember(value.slice(0))
  if (ArrayBuffer.isView(value)) {
    const View = value.constructor as new (buffer: ArrayBuffer, offset: number, length: number) => ArrayBufferView
    const length = value instanceof DataView ? value.byteLength : (value as unknown as { length: number }).length
    return remember(new View(cloneValue(value.buffer, seen) as ArrayBuffer, value.byteOffset, length))
  }
  if (value instanceof Map) {
    const copy = remember(new Map())
    for (const [key, item] of value) copy.set(cloneValue(key, seen), cloneValue(item, seen))
    return copy
  }
  if (value instanceof Set) {
    const copy = remember(new Set())
    for (const item of value) copy.add(cloneValue(item, seen))
    return copy
  }
  if (value instanceof Error) {
    const copy = remember(new (value.constructor as ErrorConstructor)(value.message))
    if (value.stack !== undefined) copy.stack = value.stack
    return copy
  }
  const copy = remember(Array.isArray(value) ? new Array(value.length) : {}) as Record<string, unknown>
  for (const key of Object.keys(value)) copy[key] = cloneValue((value as Record<string, unknown>)[key], seen)
  return copy
}

export function structuredClone<T>(value: T): T {
  return cloneValue(value, new Map()) as T
}
