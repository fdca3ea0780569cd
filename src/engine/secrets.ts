/** Secret values stay in this browser: links, saved data and plain exports carry only the names. */
import type { FlowDocument } from './flowDocument.ts'

const blank = (secrets: Record<string, unknown>) => Object.fromEntries(Object.keys(secrets).map((name) => [name, '']))

/** The document with every secret value replaced by `''` (the tests' session token secrets too); the names and everything else stay. */
export function withoutSecretValues(doc: FlowDocument): FlowDocument {
  const eventSecrets = doc.event.secrets
  // The pipeline merges `event.secrets` into each action's secrets, so values typed there are secrets too.
  const event = eventSecrets && typeof eventSecrets === 'object' && !Array.isArray(eventSecrets)
    ? { ...doc.event, secrets: blank(eventSecrets as Record<string, unknown>) }
    : doc.event
  // A test's continue request signs its session token with the secret the action validates it with.
  const tests = doc.tests?.map((test) => (test.continue?.sessionToken?.secret
    ? { ...test, continue: { ...test.continue, sessionToken: { ...test.continue.sessionToken, secret: '' } } }
    : test))
  return { ...doc, event, actions: doc.actions.map((action) => ({ ...action, secrets: blank(action.secrets) })), ...(tests ? { tests } : {}) }
}
