/**
 * An action's `api` object: a plain object per action (an action may add its own properties), whose every method
 * records a timeline entry with its arguments and the line of the action that called it, ended (`end`) once the
 * call returned or threw. The trigger's rules give the namespaces; this wraps them once per run.
 */
import { toJson } from '../serialize.ts'
import type { TimelineEntry } from '../types.ts'
import { CHAIN, type Namespace } from './context.ts'

/** Starts a timeline entry for a call made through `api`; throws when that api's action is no longer running. */
export type BeginCall = (call: string, name: string, args: unknown[], callee: Function, api: Api) => TimelineEntry | undefined

export type Api = Record<string, Record<string, unknown>>

/** The api object a namespace copy belongs to, so a method knows which action called it. */
const OWNER = Symbol('api')

/**
 * Builds the method wrappers once per run, over namespaces whose context the engine updates as each action
 * starts; `makeApi()` then gives each action its own api object: its own copy of each namespace, tagged with it.
 */
export function createApiMaker(namespaces: Record<string, Namespace>, current: () => Api | null, begin: BeginCall, end: (entry: TimelineEntry) => void): () => Api {
  const wrapped: [string, Record<string, Function>][] = Object.entries(namespaces).map(([namespace, methods]) => {
    // Made by fromEntries, the namespace keeps V8's fast properties (an object given more than a dozen by assignment
    // loses them, and copying it for every action then costs several times more).
    const target = Object.fromEntries(Object.entries(methods).map(([name, impl]) => {
      const call = `api.${namespace}.${name}`
      return [name, function method(this: { [OWNER]?: Api } | undefined, ...args: unknown[]) {
        // A method taken off its namespace (`const set = api.user.setAppMetadata`) belongs to the running action.
        const api = this?.[OWNER] ?? current()!
        const entry = begin(call, name, args, method, api)
        try {
          const returned = impl(...args)
          if (returned === CHAIN) return api
          if (entry && returned !== undefined) entry.returned = toJson(returned)
          return returned
        } catch (error) {
          if (entry) entry.error = error instanceof Error ? error.message : String(error)
          throw error
        } finally {
          if (entry) end(entry)
        }
      }]
    }))
    return [namespace, target]
  })
  return () => {
    const api: Api = {}
    // The tag first, then the methods: V8 copies such a literal fast, where adding the tag to a copy is slow.
    for (const [namespace, methods] of wrapped) api[namespace] = { [OWNER]: api, ...methods }
    return api
  }
}
