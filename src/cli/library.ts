/**
 * The package's library entry (`import { runFlow } from 'actions-playground'`): runs flow documents from Node,
 * e.g. in a Vitest or Jest test, each run in the CLI's sandbox (a locked-down child process, a fresh context per run).
 */
import { prepareContinue } from '../engine/continueRequest.ts'
import { validateFlowDocument, type FlowDocument } from '../engine/flowDocument.ts'
import { runFlowTests } from '../engine/flowTestRun.ts'
import type { ContinueSpec, FlowTestReport, RunResult } from '../engine/types.ts'
import { createNodeRunner } from '../runtime/nodeRunner.ts'
import type { Runner } from '../runtime/supervisedRunner.ts'
import { readFlowFile } from './inputs.ts'
import { flowPackages, packagesBase, withPackages } from './flowPackages.ts'

export type * from '../engine/types.ts'

/** A flow document as JSON: the README's "Flow document v1" (with `tests`, "Testing flows"). It is validated when it runs. */
export interface FlowDocumentJson {
  version: 1
  trigger: 'post-login' | 'credentials-exchange'
  name: string
  actions: Array<{ id: string; name: string; code?: string; codeFile?: string; enabled: boolean; secrets?: Record<string, string> }>
  event: Record<string, unknown>
  mocks?: {
    http?: Array<{ method?: string; url: string; status?: number; body?: unknown; headers?: Record<string, string> }>
    /** The tenant as the Management API stand-in knows it besides the event's user (README, "The Management API stand-in"). */
    managementApi?: { users?: Array<{ user_id: string; roles?: string[]; [field: string]: unknown }>; roles?: Array<{ id: string; name: string; description?: string }> }
  }
  [field: string]: unknown
}

export interface RunFlowOptions {
  /** Fixes the clock (ms since the epoch or an ISO time): Date in actions, token iat/exp, cache expiry. */
  now?: number | string
  /** Fixes Math.random, crypto.randomUUID, randomBytes and the redirect state. */
  seed?: number
  /** The run's time limit in ms (default 20000, Auth0's). */
  timeLimitMs?: number
  /** Records every statement the actions run, in order and across a redirect (`result.steps`), as `run --steps` does. */
  steps?: boolean
  /** When the flow suspends (redirect, MFA, form), resumes it with this /continue request; the result is the resumed run's. */
  continue?: ContinueSpec
  /**
   * The folder whose nearest node_modules has the packages a document object's actions declare (default:
   * the current folder). A flow file's packages come from the node_modules nearest the file.
   */
  packagesFrom?: string
}

let shared: Runner | null = null
/** One sandbox process serves every run of this process; it does not keep the process alive when idle. */
const runner = () => (shared ??= createNodeRunner())

/** A document, or the path of a flow file (whose `codeFile`s are read relative to it). */
function documentOf(input: FlowDocumentJson | string): FlowDocument {
  if (typeof input === 'string') return readFlowFile(input).doc
  const parsed = validateFlowDocument(input)
  if (!parsed.ok) throw new Error(`Not a valid flow document:\n${parsed.errors.map((error) => `  ${error}`).join('\n')}`)
  return parsed.value
}

/** The files of the packages the document's actions declare; a package that is not installed throws. */
async function packagesOf(doc: FlowDocument, input: FlowDocumentJson | string, packagesFrom: string | undefined) {
  const base = typeof input === 'string' ? packagesBase(input) : packagesFrom ?? process.cwd()
  const where = typeof input === 'string' ? input : doc.name
  try {
    return await flowPackages(doc, base, where, (line) => process.emitWarning(line, 'ActionsPlaygroundWarning'))
  } catch (error) {
    throw new Error((error as Error).message)
  }
}

/** Runs a flow document (or flow file) and returns its result, as `actions-playground run --json` prints it. */
export async function runFlow(input: FlowDocumentJson | string, options: RunFlowOptions = {}): Promise<RunResult> {
  const doc = documentOf(input)
  const { continue: spec, packagesFrom, ...runOptions } = options
  const flowRunner = withPackages(runner(), await packagesOf(doc, input, packagesFrom))
  const first = await flowRunner.run(doc, runOptions)
  if (!spec || first.status !== 'suspended') return first
  const now = typeof options.now === 'string' ? Date.parse(options.now) : options.now
  return flowRunner.continue(doc, first, await prepareContinue(first, spec, now ?? Date.now()), runOptions)
}

export interface TestFlowOptions {
  /** Used where a test does not set its own `now`, `seed` or `timeLimitMs`. */
  now?: number | string
  seed?: number
  timeLimitMs?: number
  /** As for runFlow: where a document object's packages come from (default: the current folder). */
  packagesFrom?: string
}

/** Runs the `tests` of a flow document (or flow file), one after the other, as `actions-playground test` does. */
export async function testFlow(input: FlowDocumentJson | string, options: TestFlowOptions = {}): Promise<FlowTestReport> {
  const now = typeof options.now === 'string' ? Date.parse(options.now) : options.now
  if (now !== undefined && !Number.isFinite(now)) throw new Error(`now must be an ISO time or a number (got ${JSON.stringify(options.now)})`)
  const { packagesFrom, ...defaults } = options
  const doc = documentOf(input)
  return runFlowTests(doc, withPackages(runner(), await packagesOf(doc, input, packagesFrom)), { defaults: { ...defaults, now } })
}
