/**
 * Runs the tests of a flow document (flowTests.ts) with a runner handed in: the runtime's runners
 * (`createNodeRunner()` in the CLI, the browser's) or an object over the engine's runFlow/continueFlow.
 * Plain TypeScript, no Node APIs; what the CLI's `test` command and the library's `testFlow` use.
 */
import { prepareContinue, type ContinueSpec } from './continueRequest.ts'
import { matchExpectation } from './expectation.ts'
import type { FlowDocument } from './flowDocument.ts'
import { mergeEvent, type FlowTest } from './flowTests.ts'
import type { ContinueRequest } from './pipeline.ts'
import type { FlowTestReport, FlowTestResult, FlowTestStatus, JsonObject, JsonValue, RunResult } from './types.ts'

export type { FlowTestReport, FlowTestResult, FlowTestStatus, Mismatch } from './types.ts'

/** What runs the flows: the runtime's runners (`createNodeRunner()`, the browser's) or an object over the engine's runFlow/continueFlow. */
export interface FlowTestRunner {
  run(doc: FlowDocument, options?: FlowTestRunOptions): Promise<RunResult>
  continue(doc: FlowDocument, previous: RunResult, request: ContinueRequest, options?: FlowTestRunOptions): Promise<RunResult>
}

export interface FlowTestRunOptions {
  now?: number
  seed?: number
  timeLimitMs?: number
}

export interface RunFlowTestsOptions {
  /** Used where a test does not set its own `now`, `seed` or `timeLimitMs`. */
  defaults?: FlowTestRunOptions
  /** Called after each test, in order, e.g. to print progress. */
  onTestEnd?: (test: FlowTestResult) => void
}

/** Runs every test of the document, one after the other, with the runner. Never throws for a test's sake. */
export async function runFlowTests(doc: FlowDocument, runner: FlowTestRunner, options: RunFlowTestsOptions = {}): Promise<FlowTestReport> {
  const { tests = [], ...flow } = doc
  const results: FlowTestResult[] = []
  for (const test of tests) {
    const started = performance.now()
    const result = await runFlowTest(flow, test, runner, options.defaults ?? {})
    const done = { ...result, durationMs: performance.now() - started }
    results.push(done)
    options.onTestEnd?.(done)
  }
  const count = (status: FlowTestStatus) => results.filter((result) => result.status === status).length
  return { flow: doc.name, tests: results, passed: count('passed'), failed: count('failed'), errors: count('error') }
}

async function runFlowTest(flow: FlowDocument, test: FlowTest, runner: FlowTestRunner, defaults: FlowTestRunOptions): Promise<Omit<FlowTestResult, 'durationMs'>> {
  const { name } = test
  const runOptions: FlowTestRunOptions = {
    now: test.now === undefined ? defaults.now : Date.parse(test.now),
    seed: test.seed ?? defaults.seed,
    timeLimitMs: test.timeLimitMs ?? defaults.timeLimitMs,
  }
  for (const key of Object.keys(runOptions) as (keyof FlowTestRunOptions)[]) if (runOptions[key] === undefined) delete runOptions[key]
  const doc: FlowDocument = { ...flow, event: mergeEvent(flow.event, test.event) }
  if (test.continue?.sessionToken?.secret === '') {
    return { name, status: 'error', mismatches: [], error: 'continue.sessionToken.secret is empty: put there the value of the secret the action validates the session token with (links and exports without secret values leave it empty)' }
  }
  try {
    let result = await runner.run(doc, runOptions)
    if (test.continue) {
      if (result.status !== 'suspended') {
        return {
          name, status: 'failed', outcome: result.status, result,
          mismatches: [{ path: 'status', expected: 'suspended', actual: result.status, message: `the test continues the run, but it did not suspend: it ended ${result.status}` }],
        }
      }
      const request = await prepareContinue(result, test.continue as ContinueSpec, runOptions.now ?? Date.now())
      result = await runner.continue(doc, result, request, runOptions)
    }
    const mismatches = matchExpectation(test.expect as JsonObject, JSON.parse(JSON.stringify(result)) as JsonValue)
    return { name, status: mismatches.length ? 'failed' : 'passed', mismatches, outcome: result.status, result }
  } catch (error) {
    return { name, status: 'error', mismatches: [], error: error instanceof Error ? error.message : String(error) }
  }
}
