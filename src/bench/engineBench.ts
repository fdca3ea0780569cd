/**
 * The engine against a bare handler loop, on the engine bundled as it ships (esbuild, minified; no tsx). Rounds
 * alternate engine and bare so a noisy machine slows both alike, and each round's CPU time is measured, not its
 * wall time. Prints `µs per action`, `µs per api call` and `engine/bare ratio: X`.
 */
import { buildSync } from 'esbuild'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { FlowDocument } from '../engine/flowDocument.ts'
import type * as Pipeline from '../engine/pipeline.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const API_CALLS = 10

function actionCode(i: number, calls: boolean): string {
  const body = calls ? `
  api.user.setAppMetadata("counter_${i}", event.stats.logins_count + ${i});
  api.user.setUserMetadata("seen_${i}", true);
  api.idToken.setCustomClaim("https://bench.example.com/c${i}", event.user.email);
  api.accessToken.setCustomClaim("https://bench.example.com/c${i}", ${i});
  api.accessToken.addScope("read:item${i}");
  api.accessToken.removeScope("write:item${i}");
  api.transaction.setMetadata("step", ${i});
  api.cache.get("key${i % 5}");
  api.rules.wasExecuted("rul_${i}");
  api.multifactor.enable(${i} % 2 ? "any" : "none");` : `
  const seen = [event.stats.logins_count + ${i}, event.user.email];`
  return `exports.onExecutePostLogin = async (event, api) => {${body}\n};`
}

/** `actions` actions, each making ten api calls (or none, reading the same event fields). */
export function benchFlow(event: Record<string, unknown>, actions: number, calls = true): FlowDocument {
  return {
    version: 1,
    trigger: 'post-login',
    name: 'bench',
    actions: Array.from({ length: actions }, (_, i) => ({ id: `a${i}`, name: `Action ${i}`, code: actionCode(i, calls), enabled: true, secrets: {} })),
    event,
    mocks: { http: [] },
  }
}

/**
 * The engine's entry as one minified ES module, as the browser's worker carries it: names not kept (keepNames wraps
 * every function made at run time in a call that renames it, which neither the worker nor the CLI's sandbox has).
 */
export async function bundledEngine(): Promise<typeof Pipeline & { createDefaultEvent: () => Record<string, unknown> }> {
  const dir = mkdtempSync(join(tmpdir(), 'engine-bench-'))
  const entry = join(dir, 'entry.ts')
  writeFileSync(entry, `export * from ${JSON.stringify(join(ROOT, 'src/engine/pipeline.ts'))}\nexport { createDefaultEvent } from ${JSON.stringify(join(ROOT, 'src/triggers/post-login/defaultEvent.ts'))}\n`)
  const outfile = join(dir, 'engine.mjs')
  buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', minify: true, outfile, logLevel: 'warning', absWorkingDir: ROOT })
  return import(pathToFileURL(outfile).href)
}

function cpuMs(task: () => Promise<unknown>): Promise<number> {
  const start = process.cpuUsage()
  return task().then(() => {
    const used = process.cpuUsage(start)
    return (used.user + used.system) / 1000
  })
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/**
 * Alternates the tasks round by round; the median of each task's CPU time per run. A round runs a task `batch` times
 * in a row, so the garbage collections its runs cause fall mostly in its own rounds, whichever task ran before.
 */
export async function alternate(rounds: number, tasks: Record<string, () => Promise<unknown>>, batch = 10): Promise<Record<string, number>> {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(tasks).map((name) => [name, []]))
  for (let round = -3; round < rounds; round++) {
    for (const [name, task] of Object.entries(tasks)) {
      const ms = await cpuMs(async () => { for (let i = 0; i < batch; i++) await task() })
      if (round >= 0) samples[name].push(ms / batch)
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]))
}

export { API_CALLS }
