/**
 * Tests inside a flow document: `"tests": [{ "name", "event"?, "continue"?, "now"?, "seed"?, "timeLimitMs"?, "expect" }]`.
 * Each test runs the flow with its event merged over the document's, resumes it with its `continue` request
 * when there is one, and matches the result JSON against `expect` (expectation.ts); flowTestRun.ts runs them.
 * This file is the format (schema, event merge, checks), light enough for the page that validates documents.
 */
import * as z from 'zod'
import { checkEvent } from './eventCheck.ts'
import type { TriggerDefinition } from './trigger.ts'
import { checkExpectation } from './expectation.ts'
import { setOwn } from './serialize.ts'

const jsonObject = z.record(z.string(), z.unknown())

/** A `/continue` request as in continue files (`checkContinueSpec` of the CLI). An empty secret is valid here (links and exports blank it) and fails the test when it runs. */
export const continueSpecSchema = z.looseObject({
  query: jsonObject.optional(),
  body: jsonObject.optional(),
  sessionToken: z.looseObject({
    payload: jsonObject.optional(),
    secret: z.string({ error: 'sessionToken needs a "secret" string: the secret the action validates the session token with' }),
    parameter: z.string().optional(),
    expiresInSeconds: z.number().positive().optional(),
  }).optional(),
  state: z.string().nullable().optional(),
  mfa: z.looseObject({ type: z.string() }).optional(),
  prompt: z.looseObject({ fields: jsonObject.optional() }).optional(),
})

const expectationSchema = jsonObject.superRefine((value, ctx) => {
  for (const problem of checkExpectation(value)) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message })
})

export const TEST_FIELDS = ['name', 'event', 'continue', 'now', 'seed', 'timeLimitMs', 'expect'] as const

export const flowTestSchema = z.looseObject({
  name: z.string().min(1, 'a test needs a name'),
  /** Merged over the document's event: objects deep-merged, other values replaced. */
  event: jsonObject.optional(),
  continue: continueSpecSchema.optional(),
  /** ISO time: fixes the clock for this test. */
  now: z.string().refine((value) => Number.isFinite(Date.parse(value)), 'expected an ISO time, e.g. 2026-11-23T12:00:00Z').optional(),
  seed: z.number().int().optional(),
  timeLimitMs: z.number().positive().optional(),
  /** A partial deep match against the result JSON, with operators (expectation.ts). */
  expect: expectationSchema,
})

export const flowTestsSchema = z.array(flowTestSchema).superRefine((tests, ctx) => {
  const names = new Set<string>()
  tests.forEach((test, index) => {
    if (names.has(test.name)) ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `duplicate test name "${test.name}"` })
    names.add(test.name)
  })
})

export type FlowTest = z.infer<typeof flowTestSchema>

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** `override` over `base`: objects are merged key by key, deeply; anything else (arrays, null, strings…) replaces. Neither is changed. */
export function mergeEvent<T extends Record<string, unknown>>(base: T, override: Record<string, unknown> | undefined): T {
  if (!override) return structuredClone(base)
  const merge = (a: unknown, b: unknown): unknown => {
    if (!isObject(a) || !isObject(b)) return structuredClone(b)
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(a)) setOwn(out, key, structuredClone(a[key]))
    for (const key of Object.keys(b)) setOwn(out, key, Object.hasOwn(a, key) ? merge(a[key], b[key]) : structuredClone(b[key]))
    return out
  }
  return merge(base, override) as T
}

/**
 * The elements of `expect.warnings` written for warnings as strings (result schema 1): a string or a text operator
 * cannot match the `{ code, …values, message }` object a warning is now.
 */
function textWarningExpectations(expected: unknown): { at: string; element: unknown }[] {
  const [list, path] = isObject(expected) && Array.isArray(expected.$includes) ? [expected.$includes, '.$includes'] : [expected, '']
  if (!Array.isArray(list)) return []
  const isText = (element: unknown) => typeof element === 'string' || (isObject(element) && ('$contains' in element || '$matches' in element))
  return list.flatMap((element, index) => (isText(element) ? [{ at: `warnings${path}[${index}]`, element }] : []))
}

/**
 * What the flow-document validation adds for tests: a test's merged event that the event check refuses is an
 * error, its warnings are warnings unless the document's own event has them, and unknown test fields are
 * warnings (they may be a typo of a field that changes the test), as are expectations of warnings as strings.
 */
export function checkFlowTests(doc: { event: Record<string, unknown>; tests?: FlowTest[] }, trigger: TriggerDefinition): { errors: string[]; warnings: string[] } {
  const errors: string[] = []
  const warnings: string[] = []
  const own = new Set(checkEvent(doc.event, trigger).warnings)
  doc.tests?.forEach((test, index) => {
    for (const key of Object.keys(test)) {
      if (!(TEST_FIELDS as readonly string[]).includes(key)) warnings.push(`tests[${index}].${key}: unknown field, ignored (a test has ${TEST_FIELDS.join(', ')})`)
    }
    for (const { at, element } of textWarningExpectations(test.expect.warnings)) {
      warnings.push(`tests[${index}].expect.${at}: a warning is an object { code, …values, message }: match its text with { "message": ${JSON.stringify(element)} }, or its code`)
    }
    if (!test.event) return
    const checked = checkEvent(mergeEvent(doc.event, test.event), trigger)
    errors.push(...checked.errors.map((error) => `tests[${index}].${error}`))
    warnings.push(...checked.warnings.filter((warning) => !own.has(warning)).map((warning) => `tests[${index}].${warning}`))
  })
  return { errors, warnings }
}
