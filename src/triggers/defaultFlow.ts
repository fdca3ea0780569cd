/** What a new playground starts with: a Login flow without actions. Light: the page's first JavaScript has it. */
import type { FlowDocument } from '../engine/flowDocument.ts'
import { createDefaultEvent } from './post-login/defaultEvent.ts'

export function defaultFlow(): FlowDocument {
  return { version: 1, trigger: 'post-login', name: 'My Login flow', actions: [], event: createDefaultEvent(), mocks: { http: [] } }
}
