/**
 * A module the page loads on first use instead of with its first JavaScript (the example flows, the problem
 * checks): `load()` starts it once, `current()` is the module or null, and `use()` renders a component again when
 * it arrives (and starts loading it). A load that fails can be tried again.
 */
import { useSyncExternalStore } from 'react'

export interface LazyModule<T> {
  load: () => Promise<T>
  current: () => T | null
  use: () => T | null
}

export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let value: T | null = null
  let loading: Promise<T> | null = null
  const listeners = new Set<() => void>()
  const load = () => {
    loading ??= importer().then((module) => {
      value = module
      for (const listener of listeners) listener()
      return module
    }, (error: unknown) => {
      loading = null
      throw error
    })
    return loading
  }
  const subscribe = (listener: () => void) => {
    listeners.add(listener)
    load().catch(() => { /* shown as still loading; the next use tries again */ })
    return () => { listeners.delete(listener) }
  }
  const current = () => value
  return { load, current, use: () => useSyncExternalStore(subscribe, current) }
}
