/**
 * `npm run bench`: the engine's cost over a bare handler loop, for a flow of 100 actions each making 10
 * api calls (engineBench.ts); what the CLI's sandbox costs: a first run in a new sandbox process, the round trip
 * of an empty flow, and a fresh context per run; what stepping (`RunOptions.steps`) costs on the same flow; and, in
 * Chromium against the built app, the time from a click on Run to the results of a 20-action, 50-call flow
 * (clickToResults.ts). The last line is `engine/bare ratio: <n>`.
 */
import { readFileSync } from 'node:fs'
import { compileAction, instantiate, type ModuleScope } from '../engine/compile.ts'
import { parseFlowDocument, type FlowDocument } from '../engine/flowDocument.ts'
import { runFlow } from '../engine/pipeline.ts'
import { clickToResults } from './clickToResults.ts'
import { alternate, API_CALLS, benchFlow, bundledEngine, median } from './engineBench.ts'
import { createNodeRunner } from '../runtime/nodeRunner.ts'
import { contextBundleIn, sandboxFolder } from '../runtime/sandbox/bundle.ts'
import { createSandboxHost } from '../runtime/sandbox/sandboxHost.ts'

const ACTIONS = 100
const RUNS = Number(process.env.BENCH_RUNS ?? 40)

async function time(runs: number, task: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 5; i++) await task()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await task()
    samples.push(performance.now() - start)
  }
  return median(samples)
}

/** An api whose every method only records the call and returns the api, as a hand-written test double would. */
function bareApi(calls: unknown[][]): Record<string, Record<string, (...args: unknown[]) => unknown>> {
  const api: Record<string, Record<string, (...args: unknown[]) => unknown>> = {}
  const namespaces = { user: ['setAppMetadata', 'setUserMetadata'], idToken: ['setCustomClaim'], accessToken: ['setCustomClaim', 'addScope', 'removeScope'], transaction: ['setMetadata'], cache: ['get'], rules: ['wasExecuted'], multifactor: ['enable'] }
  for (const [namespace, methods] of Object.entries(namespaces)) {
    api[namespace] = Object.fromEntries(methods.map((method) => [method, (...args: unknown[]) => { calls.push([namespace, method, args]); return api }]))
  }
  return api
}

const EXAMPLE = 'roles-into-tokens'

/** Medians: a new runner's first run of an example flow, then the same runner's runs and the fresh context alone. */
async function sandboxCosts(empty: FlowDocument) {
  const parsed = parseFlowDocument(readFileSync(new URL(`../examples/flows/${EXAMPLE}.json`, import.meta.url), 'utf8'))
  if (!parsed.ok) throw new Error(parsed.errors.join('; '))
  const firstRuns: number[] = []
  for (let i = 0; i < 5; i++) {
    const runner = createNodeRunner()
    const start = performance.now()
    await runner.run(parsed.value)
    firstRuns.push(performance.now() - start)
    await runner.dispose()
  }
  const runner = createNodeRunner()
  const roundTripMs = await time(20, () => runner.run(empty))
  await runner.dispose()

  const host = createSandboxHost(readFileSync(contextBundleIn(sandboxFolder()), 'utf8'), (detail) => { throw new Error(detail) })
  const inContextMs = await time(20, () => host.serve({ kind: 'run', doc: empty, options: {} }, () => {}))
  const engineMs = await time(20, () => runFlow(empty))
  return { firstRunMs: median(firstRuns), roundTripMs, contextMs: inContextMs - engineMs }
}

async function main() {
  const engine = await bundledEngine()
  const event = engine.createDefaultEvent()
  const doc = benchFlow(event, ACTIONS)
  const quiet = benchFlow(event, ACTIONS, false)

  const scope = { require: () => ({}), console, fetch, Date, Math, crypto: globalThis.crypto, process: {}, Buffer: null, markCallSite: (_line: number, _name: string, value: unknown) => value } as unknown as ModuleScope
  const handlers = doc.actions.map((action, index) => {
    const compiled = compileAction(action.code, `bench-${index}.js`)
    if (!compiled.ok) throw new Error(compiled.error.message)
    return instantiate(compiled, scope).onExecutePostLogin as (event: unknown, api: unknown) => Promise<void>
  })
  const bare = async () => {
    const calls: unknown[][] = []
    const api = bareApi(calls)
    for (const handler of handlers) await handler(structuredClone(doc.event), api)
  }
  // As the browser runs it: the tokens are signed after the outcome is shown (signTokens), off the critical path.
  const options = { deferSigning: true }
  const medians = await alternate(RUNS, { engine: () => engine.runFlow(doc, options), quiet: () => engine.runFlow(quiet, options), bare })
  const stepping = await alternate(RUNS, { on: () => engine.runFlow(doc, { ...options, steps: true }), off: () => engine.runFlow(doc, options) })
  const sandbox = await sandboxCosts({ ...doc, actions: [] })
  const click = await clickToResults()

  console.log(`flow: ${ACTIONS} actions x ${API_CALLS} api calls, the bundled engine, median CPU time of ${RUNS} alternating rounds`)
  console.log(`engine median per run: ${medians.engine.toFixed(2)} ms`)
  console.log(`bare handlers median per run: ${medians.bare.toFixed(2)} ms`)
  console.log(`sandbox first run of ${EXAMPLE} in a new sandbox process: ${sandbox.firstRunMs.toFixed(0)} ms`)
  console.log(`sandbox round trip (empty flow): ${sandbox.roundTripMs.toFixed(2)} ms`)
  console.log(`sandbox fresh context per run (empty flow, in-process): ${sandbox.contextMs.toFixed(2)} ms over the engine alone`)
  console.log(`µs per action: ${(medians.quiet / ACTIONS * 1000).toFixed(1)}`)
  console.log(`µs per api call: ${((medians.engine - medians.quiet) / (ACTIONS * API_CALLS) * 1000).toFixed(2)}`)
  console.log(`stepping on: ${stepping.on.toFixed(2)} ms per run (engine with steps / without: ${(stepping.on / stepping.off).toFixed(2)})`)
  console.log(click === null ? 'click to results 20x50: not measured (run `npm run build` first)' : `click to results 20x50: ${click.toFixed(0)} ms`)
  console.log(`engine/bare ratio: ${(medians.engine / medians.bare).toFixed(2)}`)
}

main()
