/**
 * A flow document's event, checked against the schema the event editor uses (eventSchema.ts), so the CLI,
 * file import and links see the same problems the editor underlines. The parts every action reads as
 * objects are required to be objects; the other problems are warnings, as Auth0's event grows over time.
 */
import * as z from 'zod'
import { POST_LOGIN_EVENT_SCHEMA } from './eventSchema.ts'

const OBJECTS = ['user', 'request', 'client', 'transaction']

let schema: z.ZodType | null = null

const kind = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value)

export function checkEvent(event: Record<string, unknown>): { errors: string[]; warnings: string[] } {
  const errors = OBJECTS.filter((key) => kind(event[key]) !== 'object').map((key) => `event.${key}: expected object, received ${kind(event[key])}`)
  schema ??= z.fromJSONSchema(POST_LOGIN_EVENT_SCHEMA)
  const parsed = schema.safeParse(event)
  const warnings = parsed.success ? [] : parsed.error.issues
    .filter((issue) => !(issue.path.length <= 1 && OBJECTS.includes(String(issue.path[0]))))
    .map((issue) => `event${issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('')}: ${issue.message.replace(/^Invalid input: /, '')}`)
  return { errors, warnings }
}
