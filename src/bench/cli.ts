/**
 * `npm run bench:cli`: how fast the packaged CLI starts and how fast it tests many flows, as whole processes.
 * - `cli start ratio: X`: `actions-playground run` of an example flow against `node -e 1`, the two alternated,
 *   the median of the pairs' ratios (so a noisy moment slows both sides of a pair);
 * - `test 200 flows: Y s`: one `actions-playground test` over 200 copies of the example flows.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildCli, DIST_CLI } from '../build/cli.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const CLI = join(DIST_CLI, 'cli.mjs')
const EXAMPLE = join(ROOT, 'src/examples/flows/roles-into-tokens.json')
const PAIRS = Number(process.env.BENCH_PAIRS ?? 15)

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

function timed(args: string[], cwd = ROOT): number {
  const start = performance.now()
  const run = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' })
  const ms = performance.now() - start
  if (run.status !== 0 && !(args.includes('test') && run.status === 1)) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`)
  return ms
}

function startRatio(): { ratio: number; cliMs: number; nodeMs: number } {
  const cli = () => timed([CLI, 'run', EXAMPLE])
  const node = () => timed(['-e', '1'])
  cli()
  const ratios: number[] = []
  const cliTimes: number[] = []
  const nodeTimes: number[] = []
  for (let i = 0; i < PAIRS; i++) {
    let cliMs: number
    let nodeMs: number
    if (i % 2) { cliMs = cli(); nodeMs = node() } else { nodeMs = node(); cliMs = cli() }
    cliTimes.push(cliMs)
    nodeTimes.push(nodeMs)
    ratios.push(cliMs / nodeMs)
  }
  return { ratio: median(ratios), cliMs: median(cliTimes), nodeMs: median(nodeTimes) }
}

function testMany(count: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'))
  const examples = join(ROOT, 'src/examples/flows')
  const flows = readdirSync(examples).filter((name) => name.endsWith('.json') && !name.endsWith('.continue.json'))
  for (let i = 0; i < count; i++) {
    const name = flows[i % flows.length]
    cpSync(join(examples, name), join(dir, `${String(i).padStart(3, '0')}-${name.replace(/\.json$/, '.flow.json')}`))
  }
  try {
    return timed([CLI, 'test', dir])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

buildCli()
const start = startRatio()
console.log(`cli run ${start.cliMs.toFixed(0)} ms, node -e 1 ${start.nodeMs.toFixed(0)} ms (medians of ${PAIRS} pairs)`)
console.log(`cli start ratio: ${start.ratio.toFixed(2)}`)
console.log(`test 200 flows: ${(testMany(200) / 1000).toFixed(1)} s`)
