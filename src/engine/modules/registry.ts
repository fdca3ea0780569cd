/**
 * `require` for action code. It resolves when called, as in Node, so a module required only on a path
 * not taken never fails; unknown modules fail with Node's message and the list of what is available.
 */
/** The modules action code can require in the playground (also as `node:crypto` and so on). */
export const PLAYGROUND_MODULES = ['axios', 'buffer', 'crypto', 'querystring', 'url', 'util']

export type ModuleFactories = Record<(typeof PLAYGROUND_MODULES)[number], () => unknown>

export function createRequire(factories: ModuleFactories): (name: string) => unknown {
  const loaded = new Map<string, unknown>()
  return function require(name: string): unknown {
    const key = typeof name === 'string' ? name.replace(/^node:/, '') : String(name)
    if (loaded.has(key)) return loaded.get(key)
    const factory = Object.hasOwn(factories, key) ? factories[key] : undefined
    if (!factory) {
      const available = Object.keys(factories).sort().join(', ')
      throw moduleError(`Cannot find module '${name}'\nThe playground provides: ${available}.`)
    }
    const value = factory()
    loaded.set(key, value)
    return value
  }
}

/** Node's error for a module that cannot be found. */
export function moduleError(message: string): Error {
  return Object.assign(new Error(message), { code: 'MODULE_NOT_FOUND' })
}
