/**
 * Objects whose properties are built on first read: an action's event and the parts of it that cost to copy. A
 * property reads like a plain one (`Object.keys`, spread, `JSON.stringify`, `structuredClone` all see its value) and
 * becomes one when read or set; `settle` builds what is left, for what shows accessors as such (console.log).
 */
const LAZY = new WeakSet<object>()

export function lazyProperty(target: object, key: string, build: () => unknown) {
  const settle = (value: unknown) => Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true })
  Object.defineProperty(target, key, {
    get() { const value = build(); settle(value); return value },
    set(value) { settle(value) },
    enumerable: true,
    configurable: true,
  })
  LAZY.add(target)
}

/** Whether `target[key]` is a lazy property not built yet (so it holds what its builder makes, unread). */
export function unbuilt(target: object, key: string): boolean {
  return LAZY.has(target) && typeof Object.getOwnPropertyDescriptor(target, key)?.get === 'function'
}

/** Builds every lazy property of `value` and of the lazy objects they hold. */
export function settle(value: unknown) {
  if (typeof value !== 'object' || value === null || !LAZY.has(value)) return
  LAZY.delete(value)
  for (const key of Object.keys(value)) settle((value as Record<string, unknown>)[key])
}
