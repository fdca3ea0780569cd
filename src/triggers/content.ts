/** What a trigger folder offers people besides its rules: action templates for the palette and example flows for the gallery. */
import { uniqueActionId } from '../engine/actionIds.ts'
import type { FlowAction, FlowDocument, HttpMock } from '../engine/flowDocument.ts'

/** An action as the examples and the palette describe it, before it gets an id in a flow. */
export interface ActionSpec {
  name: string
  code: string
  secrets?: Record<string, string>
  enabled?: boolean
  /** npm packages the code requires, as Auth0 records them. */
  dependencies?: Array<{ name: string; version: string }>
}

/** A palette template: an action and what it teaches. */
export interface ActionTemplate extends ActionSpec {
  slug: string
  teaches: string
  /** HTTP mocks the action needs, added to the flow with it. */
  mocks?: HttpMock[]
}

/** A gallery example: a whole flow document (with its tests) and its lesson. */
export interface ExampleFlow {
  slug: string
  title: string
  teaches: string
  /** Key steps to watch for when it runs, shown on the lesson card. */
  watchFor?: string[]
  document: FlowDocument
}

/** What `src/triggers/<id>/templates.ts` exports. */
export interface TriggerTemplates {
  /** A new, empty action of the trigger. */
  BLANK_ACTION: ActionSpec
  TEMPLATES: ActionTemplate[]
}

/** An action of a flow made from a spec, with an id none of `takenIds` has. */
export function actionFromSpec(spec: ActionSpec, takenIds: Iterable<string>): FlowAction {
  return { id: uniqueActionId(spec.name, takenIds), name: spec.name, code: spec.code, enabled: spec.enabled ?? true, secrets: { ...spec.secrets }, ...(spec.dependencies ? { dependencies: spec.dependencies.map((item) => ({ ...item })) } : {}) }
}
