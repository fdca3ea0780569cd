/**
 * The post-login `api` object: a plain object per action (an action may add its own properties), whose
 * every method records a timeline entry with its arguments and the line of the action that called it.
 */
import { toJson } from '../serialize.ts'
import type { TimelineEntry } from '../types.ts'
import { authenticationApi, multifactorApi } from './authenticationApi.ts'
import { CHAIN, type ApiContext, type Namespace } from './context.ts'
import { accessApi, cacheApi, promptApi, rulesApi, transactionApi, validationApi } from './otherApis.ts'
import { redirectApi } from './redirectApi.ts'
import { samlResponseApi } from './samlApi.ts'
import { refreshTokenApi, sessionApi } from './sessionApi.ts'
import { accessTokenApi, idTokenApi } from './tokensApi.ts'
import { userApi } from './userApi.ts'

/** Starts a timeline entry for a call; the engine fills in action, phase and line. */
export type BeginCall = (call: string, name: string, args: unknown[], callee: Function) => TimelineEntry | undefined

export function createApi(ctx: ApiContext, begin: BeginCall): Record<string, Record<string, unknown>> {
  const factories: Record<string, () => Namespace> = {
    access: () => accessApi(ctx),
    accessToken: () => accessTokenApi(ctx),
    authentication: () => authenticationApi(ctx),
    cache: () => cacheApi(ctx),
    idToken: () => idTokenApi(ctx),
    multifactor: () => multifactorApi(ctx),
    prompt: () => promptApi(ctx),
    redirect: () => redirectApi(ctx),
    refreshToken: () => refreshTokenApi(ctx),
    rules: () => rulesApi(),
    samlResponse: () => samlResponseApi(ctx),
    session: () => sessionApi(ctx),
    transaction: () => transactionApi(ctx),
    user: () => userApi(ctx),
    validation: () => validationApi(ctx),
  }
  const api: Record<string, Record<string, unknown>> = {}

  function record(namespace: string, methods: Namespace): Record<string, unknown> {
    const target: Record<string, unknown> = {}
    for (const [name, impl] of Object.entries(methods)) {
      const call = `api.${namespace}.${name}`
      target[name] = function method(...args: unknown[]) {
        const entry = begin(call, name, args, method)
        try {
          const returned = impl(...args)
          if (returned === CHAIN) return api
          if (entry && returned !== undefined) entry.returned = toJson(returned)
          return returned
        } catch (error) {
          if (entry) entry.error = error instanceof Error ? error.message : String(error)
          throw error
        }
      }
    }
    return target
  }

  // Each namespace is built when the action first touches it: most actions use two or three of them.
  const settle = (namespace: string, value: unknown) =>
    Object.defineProperty(api, namespace, { value, writable: true, enumerable: true, configurable: true })
  for (const [namespace, factory] of Object.entries(factories)) {
    Object.defineProperty(api, namespace, {
      enumerable: true,
      configurable: true,
      get() {
        const value = record(namespace, factory())
        settle(namespace, value)
        return value
      },
      set(value) { settle(namespace, value) },
    })
  }
  return api
}
