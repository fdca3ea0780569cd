/** Runs a flow document by the rules of its trigger (src/triggers/registry.ts). */
import { continueActions, runActions, type ContinueRequest, type RunOptions } from './actionRunner.ts'
import type { FlowDocument } from './flowDocument.ts'
import { triggerOf } from './triggers.ts'
import { RULES } from '../triggers/rules.ts'
import type { RunResult } from './types.ts'

export { DEFAULT_TIME_LIMIT_MS } from './actionRunner.ts'
export type { ContinueRequest, Libraries, LibraryHost, ProgressEvent, RunOptions } from './actionRunner.ts'

/** Runs the flow's enabled actions in order against its event. */
export function runFlow(doc: FlowDocument, options: RunOptions = {}): Promise<RunResult> {
  return runActions(triggerOf(doc.trigger), RULES[doc.trigger], doc, options)
}

/** Resumes a suspended run with the `/continue` request: the suspending action's continue handler, then the rest. */
export function continueFlow(doc: FlowDocument, previous: RunResult, request: ContinueRequest, options: RunOptions = {}): Promise<RunResult> {
  return continueActions(triggerOf(doc.trigger), RULES[doc.trigger], doc, previous, request, options)
}
