/**
 * A flow document's event, checked against the JSON Schema its trigger's event editor uses, so the CLI, file import
 * and links see the same problems the editor underlines. The parts every action reads as objects are required to be
 * objects; the other problems are warnings, as Auth0's event grows over time.
 */
import type { TriggerDefinition } from './trigger.ts'

const kind = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value)

export function checkEvent(event: Record<string, unknown>, trigger: TriggerDefinition): { errors: string[]; warnings: string[] } {
  const objects = trigger.event.objects
  const errors = objects.filter((key) => kind(event[key]) !== 'object').map((key) => `event.${key}: expected object, received ${kind(event[key])}`)
  const parsed = trigger.event.schema.safeParse(event)
  const warnings = parsed.success ? [] : parsed.error.issues
    .filter((issue) => !(issue.path.length <= 1 && objects.includes(String(issue.path[0]))))
    .map((issue) => `event${issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('')}: ${issue.message.replace(/^Invalid input: /, '')}`)
  return { errors, warnings }
}
