/** The triggers the engine knows (src/triggers/registry.ts), by id. */
import { TRIGGERS } from '../triggers/registry.ts'
import type { FlowDocument } from './flowDocument.ts'
import type { TriggerDefinition } from './trigger.ts'

export { TRIGGERS }
export const TRIGGER_IDS = TRIGGERS.map((trigger) => trigger.id)

export function triggerOf(id: string): TriggerDefinition {
  const trigger = TRIGGERS.find((candidate) => candidate.id === id)
  if (!trigger) throw new Error(`Unknown trigger "${id}": the playground runs ${TRIGGER_IDS.join(', ')}.`)
  return trigger
}

/** A flow of the trigger without actions, run against the trigger's default event. */
export function emptyFlow(id: string): FlowDocument {
  const trigger = triggerOf(id)
  return { version: 1, trigger: trigger.id, name: `My ${trigger.title} flow`, actions: [], event: trigger.event.create(), mocks: { http: [] } }
}
