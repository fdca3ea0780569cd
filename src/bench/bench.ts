/**
 * `npm run bench`: the engine's cost over a bare handler loop, for a flow of 100 actions each making 10
 * api calls, and what the CLI's sandbox costs: a first run in a new sandbox process, the round trip of an
 * empty flow, and a fresh context per run. The last line is `engine/bare ratio: <n>`.
 */
import { readFileSync } from 'node:fs'
import { compileAction, instantiate, type ModuleScope } from '../engine/compile.ts'
import { createDefaultEvent } from '../triggers/post-login/defaultEvent.ts'
import { parseFlowDocument, type FlowDocument } from '../engine/flowDocument.ts'
import { runFlow } from '../engine/pipeline.ts'
import { createNodeRunner } from '../runtime/nodeRunner.ts'
import { contextBundleIn, sandboxFolder } from '../runtime/sandbox/bundle.ts'
import { createSandboxHost } from '../runtime/sandbox/sandboxHost.ts'

const ACTIONS = 100
const RUNS = Number(process.env.BENCH_RUNS ?? 40)

function actionCode(i: number): string {
  return `exports.onExecutePostLogin = async (event, api) => {
  api.user.setAppMetadata("counter_${i}", event.stats.logins_count + ${i});
  api.user.setUserMetadata("seen_${i}", true);
  api.idToken.setCustomClaim("https://bench.example.com/c${i}", event.user.email);
  api.accessToken.setCustomClaim("https://bench.example.com/c${i}", ${i});
  api.accessToken.addScope("read:item${i}");
  api.accessToken.removeScope("write:item${i}");
  api.transaction.setMetadata("step", ${i});
  api.cache.get("key${i % 5}");
  api.rules.wasExecuted("rul_${i}");
  api.multifactor.enable(${i} % 2 ? "any" : "none");
};`
}

export function benchFlow(actions = ACTIONS): FlowDocument {
  return {
    version: 1,
    trigger: 'post-login',
    name: 'bench',
    actions: Array.from({ length: actions }, (_, i) => ({ id: `a${i}`, name: `Action ${i}`, code: actionCode(i), enabled: true, secrets: {} })),
    event: createDefaultEvent(),
    mocks: { http: [] },
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

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
  const doc = benchFlow()
  const engineMs = await time(RUNS, () => runFlow(doc))

  const scope = { require: () => ({}), console, fetch, Date, Math, crypto: globalThis.crypto, process: {}, Buffer: null, markCallSite: (_line: number, _name: string, value: unknown) => value } as unknown as ModuleScope
  const handlers = doc.actions.map((action, index) => {
    const compiled = compileAction(action.code, `bench-${index}.js`)
    if (!compiled.ok) throw new Error(compiled.error.message)
    return instantiate(compiled, scope).onExecutePostLogin as (event: unknown, api: unknown) => Promise<void>
  })
  const bareMs = await time(RUNS, async () => {
    const calls: unknown[][] = []
    const api = bareApi(calls)
    for (const handler of handlers) await handler(structuredClone(doc.event), api)
  })

  const sandbox = await sandboxCosts({ ...doc, actions: [] })

  console.log(`flow: ${ACTIONS} actions x 10 api calls, median of ${RUNS} runs`)
  console.log(`engine median per run: ${engineMs.toFixed(2)} ms`)
  console.log(`bare handlers median per run: ${bareMs.toFixed(2)} ms`)
  console.log(`sandbox first run of ${EXAMPLE} in a new sandbox process: ${sandbox.firstRunMs.toFixed(0)} ms`)
  console.log(`sandbox round trip (empty flow): ${sandbox.roundTripMs.toFixed(2)} ms`)
  console.log(`sandbox fresh context per run (empty flow, in-process): ${sandbox.contextMs.toFixed(2)} ms over the engine alone`)
  console.log(`engine/bare ratio: ${(engineMs / bareMs).toFixed(2)}`)
}

main()
