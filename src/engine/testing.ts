/** Helpers for the engine's unit tests: flow documents built from bits of action code. */
import { triggerOf } from './triggers.ts'
import type { FlowDocument, HttpMock } from './flowDocument.ts'
import type { RunResult } from './types.ts'
import type { Libraries } from './pipeline.ts'
import axios from 'axios/dist/browser/axios.cjs'

/** The packages a runtime would load, for tests that call the engine directly. */
export const LIBRARIES: Libraries = { axios: () => axios }

export interface TestAction {
  code: string
  name?: string
  enabled?: boolean
  secrets?: Record<string, string>
}

/** Wraps a handler body as `exports.onExecutePostLogin = async (event, api) => { … }`. */
export function onExecute(body: string): string {
  return `exports.onExecutePostLogin = async (event, api) => {\n${body}\n};\n`
}

export function testFlow(
  actions: (string | TestAction)[],
  options: { trigger?: string; event?: (event: Record<string, any>) => void; mocks?: HttpMock[]; cache?: FlowDocument['cache'] } = {},
): FlowDocument {
  const trigger = options.trigger ?? 'post-login'
  const event = triggerOf(trigger).event.create() as Record<string, any>
  options.event?.(event)
  return {
    version: 1,
    trigger,
    name: 'test flow',
    actions: actions.map((action, index) => {
      const spec = typeof action === 'string' ? { code: action } : action
      return { id: `a${index + 1}`, name: spec.name ?? `Action ${index + 1}`, code: spec.code, enabled: spec.enabled ?? true, secrets: spec.secrets ?? {} }
    }),
    event,
    mocks: { http: options.mocks ?? [] },
    ...(options.cache ? { cache: options.cache } : {}),
  }
}

/** A result without what may differ between two runtimes or processes: timings, and the JWTs with their keys. */
export function comparableResult(result: RunResult): Record<string, unknown> {
  const copy = structuredClone(result) as unknown as Record<string, any>
  for (const action of copy.actions) delete action.durationMs
  for (const token of [copy.idToken, copy.accessToken]) if (token) delete token.jwt
  delete copy.jwks
  return copy
}
