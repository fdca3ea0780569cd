/** Secret values stay in this browser: links, saved data and plain exports carry only the names. */
import type { FlowDocument } from './flowDocument.ts'

const blank = (secrets: Record<string, unknown>) => Object.fromEntries(Object.keys(secrets).map((name) => [name, '']))

/** The document with every secret value replaced by `''`; the names and everything else stay. */
export function withoutSecretValues(doc: FlowDocument): FlowDocument {
  const eventSecrets = doc.event.secrets
  // The pipeline merges `event.secrets` into each action's secrets, so values typed there are secrets too.
  const event = eventSecrets && typeof eventSecrets === 'object' && !Array.isArray(eventSecrets)
    ? { ...doc.event, secrets: blank(eventSecrets as Record<string, unknown>) }
    : doc.event
  return { ...doc, event, actions: doc.actions.map((action) => ({ ...action, secrets: blank(action.secrets) })) }
}
