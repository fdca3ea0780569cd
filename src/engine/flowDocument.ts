/**
 * Flow document v1: the one format of the CLI, file import/export and share links.
 * Unknown fields are kept (loose objects), so a document written by a newer playground survives a round trip.
 */
import { z } from 'zod'
import { checkEvent } from './eventCheck.ts'
import { checkFlowTests, flowTestsSchema } from './flowTests.ts'
import { parseJson, type Parsed } from './json.ts'
import type { CacheRecord } from './types.ts'

export { parseJson, type Parsed }

const secretsSchema = z.record(z.string(), z.string())

export const actionSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  code: z.string(),
  enabled: z.boolean(),
  secrets: secretsSchema.default({}),
})

export const httpMockSchema = z.looseObject({
  method: z.string().default('GET'),
  url: z.string().min(1),
  status: z.number().int().min(100).max(599).default(200),
  body: z.unknown().optional(),
  headers: z.record(z.string(), z.string()).default({}),
})

const cacheRecordSchema = z.object({ value: z.string(), expires_at: z.number() })

export const flowDocumentSchema = z.looseObject({
  version: z.literal(1),
  trigger: z.literal('post-login'),
  name: z.string(),
  actions: z.array(actionSchema),
  event: z.looseObject({}),
  mocks: z.looseObject({ http: z.array(httpMockSchema).default([]) }).default({ http: [] }),
  cache: z.record(z.string(), cacheRecordSchema).optional(),
  /** Tests of the flow (flowTests.ts): `actions-playground test` runs them. */
  tests: flowTestsSchema.optional(),
})

export type FlowAction = z.infer<typeof actionSchema>
export type HttpMock = z.infer<typeof httpMockSchema>
export type FlowDocument = z.infer<typeof flowDocumentSchema>
export type FlowEvent = Record<string, unknown>
export type SeedCache = Record<string, CacheRecord>


/** `actions[0].code` style path of a validation issue. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : out ? `.${String(part)}` : String(part)
  }
  return out || '(document)'
}

/** Validates a parsed value as a flow document; each error names the path and the problem. */
export function validateFlowDocument(value: unknown): Parsed<FlowDocument> {
  const parsed = flowDocumentSchema.safeParse(value)
  if (parsed.success) {
    const ids = new Set<string>()
    const duplicates = parsed.data.actions.flatMap((action, index) => {
      if (!ids.has(action.id)) { ids.add(action.id); return [] }
      return [`actions[${index}].id: duplicate id "${action.id}"`]
    })
    if (duplicates.length) return { ok: false, errors: duplicates }
    const event = checkEvent(parsed.data.event)
    const tests = checkFlowTests(parsed.data)
    const errors = [...event.errors, ...tests.errors]
    return errors.length ? { ok: false, errors } : { ok: true, value: parsed.data, warnings: [...event.warnings, ...tests.warnings] }
  }
  return { ok: false, errors: parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`) }
}

/** Parses and validates flow-document JSON text. */
export function parseFlowDocument(text: string): Parsed<FlowDocument> {
  const json = parseJson(text)
  return json.ok ? validateFlowDocument(json.value) : json
}
