/**
 * The triggers (src/triggers/registry.ts) for the views: loaded after the first paint, as their event schemas bring
 * zod. Until then a view knows the flow's trigger by its id only.
 */
import type { TriggerDefinition } from '../../engine/trigger.ts'
import { lazyModule } from '../ui/lazyModule.ts'

export const triggerCatalog = lazyModule(() => import('../../engine/triggers.ts'))

/** The definition of a trigger, or null while the registry loads (or for an unknown id). */
export function useTrigger(id: string): TriggerDefinition | null {
  const loaded = triggerCatalog.use()
  return loaded?.TRIGGERS.find((trigger) => trigger.id === id) ?? null
}

/** Every trigger, once the registry is here. */
export function useTriggers(): readonly TriggerDefinition[] {
  return triggerCatalog.use()?.TRIGGERS ?? NONE
}
const NONE: readonly TriggerDefinition[] = []
