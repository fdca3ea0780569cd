/**
 * Flow document v1: the one format of the CLI, file import/export and share links.
 * Unknown fields are kept (loose objects), so a document written by a newer playground survives a round trip.
 * A flow file may give an action's code as `codeFile`, a path relative to the flow file, instead of `code`: the CLI
 * (and the app's folder or zip import) reads it and fills `code`. Everything else holds inline code only.
 */
import * as z from 'zod'
import { checkEvent } from './eventCheck.ts'
import { triggerOf, TRIGGER_IDS } from './triggers.ts'
import { checkFlowTests, flowTestsSchema } from './flowTests.ts'
import { parseJson, type Parsed } from './json.ts'
import type { CacheRecord } from './types.ts'

export { parseJson, type Parsed }

const secretsSchema = z.record(z.string(), z.string())

/** An npm dependency of an action: `{ name, version }`, as Auth0 and its Deploy CLI write them. */
export const dependencySchema = z.looseObject({ name: z.string().min(1), version: z.string() })

export const actionSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  code: z.string(),
  enabled: z.boolean(),
  secrets: secretsSchema.default({}),
  dependencies: z.array(dependencySchema).optional(),
})

export const httpMockSchema = z.looseObject({
  method: z.string().default('GET'),
  url: z.string().min(1),
  status: z.number().int().min(100).max(599).default(200),
  body: z.unknown().optional(),
  headers: z.record(z.string(), z.string()).default({}),
})

/** An action as a flow file may write it: exactly one of `code` and `codeFile`. */
export const actionSourceSchema = z.looseObject({
  ...actionSchema.shape,
  code: z.string().optional(),
  codeFile: z.string().min(1).optional(),
}).superRefine((action, context) => {
  if (action.code === undefined && action.codeFile === undefined) {
    context.addIssue({ code: 'custom', path: ['code'], message: "missing: give the action's code, or codeFile: the path of a file holding it, relative to the flow file" })
  } else if (action.code !== undefined && action.codeFile !== undefined) {
    context.addIssue({ code: 'custom', path: ['codeFile'], message: 'give code or codeFile, not both' })
  }
})

const cacheRecordSchema = z.object({ value: z.string(), expires_at: z.number() })

/**
 * The tenant as the Management API stand-in knows it besides the event's user (managementApi.ts): more users (Management
 * API user objects; `roles` lists role ids or names) and the tenant's roles.
 */
export const managementApiMocksSchema = z.looseObject({
  users: z.array(z.looseObject({ user_id: z.string().min(1), roles: z.array(z.string()).optional() })).optional(),
  roles: z.array(z.looseObject({ id: z.string().min(1), name: z.string(), description: z.string().optional() })).optional(),
})

export const flowDocumentSchema = z.looseObject({
  version: z.literal(1),
  /** The trigger whose rules run the flow (src/triggers/registry.ts). */
  trigger: z.string().refine((id) => TRIGGER_IDS.includes(id), { message: `unknown trigger: the playground runs ${TRIGGER_IDS.join(', ')}` }),
  name: z.string(),
  actions: z.array(actionSchema),
  event: z.looseObject({}),
  mocks: z.looseObject({
    http: z.array(httpMockSchema).default([]),
    managementApi: managementApiMocksSchema.optional(),
    /** Module mocks: a package name → the CommonJS source that replaces the package, like `jest.mock` (packages/loader.ts). */
    modules: z.record(z.string(), z.string()).optional(),
  }).default({ http: [] }),
  cache: z.record(z.string(), cacheRecordSchema).optional(),
  /** Tests of the flow (flowTests.ts): `actions-playground test` runs them. */
  tests: flowTestsSchema.optional(),
})

/** A flow file's document: its actions may take their code from files (`codeFile`). */
export const flowSourceSchema = flowDocumentSchema.extend({ actions: z.array(actionSourceSchema) })

export type FlowAction = z.infer<typeof actionSchema>
export type Dependency = z.infer<typeof dependencySchema>
export type FlowSourceAction = z.infer<typeof actionSourceSchema>
export type FlowSource = z.infer<typeof flowSourceSchema>
export type HttpMock = z.infer<typeof httpMockSchema>
export type ManagementApiMocks = z.infer<typeof managementApiMocksSchema>
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

/** Validates a parsed value as a flow file's document, whose actions may name a `codeFile` instead of giving `code`. */
export function validateFlowSource(value: unknown): Parsed<FlowSource> {
  const parsed = flowSourceSchema.safeParse(value)
  if (parsed.success) {
    const ids = new Set<string>()
    const duplicates = parsed.data.actions.flatMap((action, index) => {
      if (!ids.has(action.id)) { ids.add(action.id); return [] }
      return [`actions[${index}].id: duplicate id "${action.id}"`]
    })
    if (duplicates.length) return { ok: false, errors: duplicates }
    const trigger = triggerOf(parsed.data.trigger)
    const event = checkEvent(parsed.data.event, trigger)
    const tests = checkFlowTests(parsed.data, trigger)
    const errors = [...event.errors, ...tests.errors]
    return errors.length ? { ok: false, errors } : { ok: true, value: parsed.data, warnings: [...event.warnings, ...tests.warnings] }
  }
  return { ok: false, errors: parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`) }
}

/** The actions that take their code from a file, as `"Name": ./path` for messages. */
export function codeFileList(source: FlowSource): string[] {
  return source.actions.flatMap((action) => (action.codeFile === undefined ? [] : [`"${action.name}": ${action.codeFile}`]))
}

/**
 * Validates a parsed value as a flow document with inline code, what the app, share links and the runners hold. A
 * document whose actions name code files is refused with a message saying how to open it.
 */
export function validateFlowDocument(value: unknown): Parsed<FlowDocument> {
  const source = validateFlowSource(value)
  if (!source.ok) return source
  const files = codeFileList(source.value)
  if (files.length) return { ok: false, errors: [codeFilesMessage(files)] }
  return source as Parsed<FlowDocument>
}

/** Why a document with code files cannot open here, and what to do instead. */
export function codeFilesMessage(files: string[]): string {
  const listed = `${files.slice(0, 3).join(', ')}${files.length > 3 ? ` and ${files.length - 3} more` : ''}`
  return `its actions take their code from files (${listed}), which the browser app cannot read: run it with the CLI (actions-playground run), or import the folder that holds it and its code files, or a zip of that folder (Menu → Import a folder… or Import a zip…), which puts the code inline`
}

/**
 * The document with each `codeFile` replaced by `code`, the file's text as `readCode` returns it (which throws when it
 * cannot read it).
 */
export function inlineCodeFiles(source: FlowSource, readCode: (codeFile: string, action: FlowSourceAction, index: number) => string): FlowDocument {
  const actions = source.actions.map((action, index) => {
    if (action.codeFile === undefined) return action as FlowAction
    const code = readCode(action.codeFile, action, index)
    const { codeFile: _codeFile, ...rest } = action
    return { ...rest, code } as FlowAction
  })
  return { ...source, actions }
}

/** Parses and validates flow-document JSON text. */
export function parseFlowDocument(text: string): Parsed<FlowDocument> {
  const json = parseJson(text)
  return json.ok ? validateFlowDocument(json.value) : json
}

/** Parses and validates a flow file's JSON text, whose actions may name code files. */
export function parseFlowSource(text: string): Parsed<FlowSource> {
  const json = parseJson(text)
  return json.ok ? validateFlowSource(json.value) : json
}
