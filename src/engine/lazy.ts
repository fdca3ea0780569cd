/**
 * Objects whose properties are built on first read: an action's event and the parts of it that cost to copy. A
 * property reads like a plain one (`Object.keys`, spread, `JSON.stringify`, `structuredClone` all see its value) and
 * becomes one when read or set; `settle` builds what is left, for what shows accessors as such (console.log).
 */

/** Marks the getters made here, so `unbuilt` and `settle` tell them from an accessor an action defined. */
const LAZY = Symbol('lazy')

type Getter = (() => unknown) & { [LAZY]?: true }

function define(target: object, key: string, value: unknown) {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true })
}

function marked<T extends Getter>(getter: T): T {
  getter[LAZY] = true
  return getter
}

export function lazyProperty(target: object, key: string, build: () => unknown) {
  Object.defineProperty(target, key, {
    get: marked(() => { const value = build(); define(target, key, value); return value }),
    set(value) { define(target, key, value) },
    enumerable: true,
    configurable: true,
  })
}

/**
 * A maker of objects with the same lazy keys, each object built by its own `build(key)`. The getters are made once
 * here and shared, which costs an object far less than a getter of its own per key.
 */
export function lazyObjects(keys: readonly string[]): (build: (key: string) => unknown) => Record<string, unknown> {
  // Each object holds its builder under a hidden key, found through the prototype chain too (a getter reached through
  // `Object.create(event).user` builds from the object that holds it). Not a WeakMap: a collector of young objects
  // keeps alive whatever an old WeakMap's entries hold, so every event a run made outlived its run.
  const BUILD = Symbol('build')
  const descriptors: PropertyDescriptorMap = {}
  for (const key of keys) {
    descriptors[key] = {
      get: marked(function (this: { [BUILD]?: (key: string) => unknown }) {
        const build = this[BUILD]
        if (typeof build !== 'function') throw new TypeError('Illegal invocation')
        const value = build(key)
        define(this, key, value)
        return value
      }),
      set(this: object, value: unknown) { define(this, key, value) },
      enumerable: true,
      configurable: true,
    }
  }
  return (build) => {
    const object: Record<string, unknown> = {}
    Object.defineProperties(object, descriptors)
    Object.defineProperty(object, BUILD, { value: build })
    return object
  }
}

/** Whether `target[key]` is a lazy property not built yet (so it holds what its builder makes, unread). */
export function unbuilt(target: object, key: string): boolean {
  const getter = Object.getOwnPropertyDescriptor(target, key)?.get as Getter | undefined
  return getter?.[LAZY] === true
}

/**
 * Builds every lazy property of `value` and of the objects it holds (it walks the whole value: once per action).
 * An accessor the action defined itself is left alone, as console.log leaves it.
 */
export function settle(value: unknown, seen = new Set<object>()) {
  if (typeof value !== 'object' || value === null || seen.has(value)) return
  seen.add(value)
  for (const key of Object.keys(value)) {
    const getter = Object.getOwnPropertyDescriptor(value, key)?.get as Getter | undefined
    if (getter === undefined || getter[LAZY] === true) settle((value as Record<string, unknown>)[key], seen)
  }
}
