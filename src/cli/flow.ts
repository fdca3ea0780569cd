/**
 * Headless runner for flow documents:
 *   npm run flow -- <flow.json> [--continue <continue.json>] [--json] [--now <ISO time>] [--seed <n>] [--time-limit <ms>] [--help]
 * Exits 0 for any outcome of the flow, 2 for unreadable input.
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { prepareContinue } from '../engine/continueRequest.ts'
import { parseFlowDocument, parseJson } from '../engine/flowDocument.ts'
import { PLAYGROUND_MODULES } from '../engine/modules/registry.ts'
import type { ContinueSpec } from '../engine/continueRequest.ts'
import type { JsonObject } from '../engine/types.ts'
import { createNodeRunner } from '../runtime/nodeRunner.ts'
import { summarize } from './summary.ts'

const USAGE = 'Usage: npm run flow -- <flow.json> [--continue <continue.json>] [--json] [--now <ISO time>] [--seed <n>] [--time-limit <ms>] [--help]'

const HELP = `${USAGE}

Runs a post-login flow document (its enabled actions, in order, against its event) and prints a summary.

Options:
  --json               print the whole result as JSON instead of a summary
  --continue <file>    when the flow suspends (redirect, MFA challenge, form), resume it with this /continue request
  --now <ISO time>     fix the clock: Date in actions, token iat/exp, cache expiry
  --seed <n>           fix Math.random, crypto.randomUUID, randomBytes and the redirect state
  --time-limit <ms>    the run's time limit (default 20000, Auth0's limit)
  -h, --help           show this help

What a flow can use: its event, the api, its actions' own secrets (event.secrets), fetch and axios answered
from its HTTP mocks, and require() of ${PLAYGROUND_MODULES.join(', ')}.
What it cannot: the environment, files, the network, child processes or anything else of this machine:
each run is a fresh sandbox inside a locked-down child process, whatever the flow file's origin.

Exit code: 0 whatever the flow's outcome (completed, denied, failed, suspended); 2 when the flow file or the
continue file cannot be read or is not valid.
`

class InputError extends Error {}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    throw new InputError(`Cannot read the ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
}

function parseOptions(argv: string[]) {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        continue: { type: 'string' }, json: { type: 'boolean' }, now: { type: 'string' }, seed: { type: 'string' },
        'time-limit': { type: 'string' }, help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (error) {
    throw new InputError(`${(error as Error).message}\n${USAGE}`)
  }
  const { values, positionals } = parsed
  if (values.help) return { help: true } as const
  if (positionals.length !== 1) throw new InputError(USAGE)
  const now = values.now === undefined ? undefined : Date.parse(values.now)
  if (now !== undefined && !Number.isFinite(now)) throw new InputError(`--now must be an ISO time, e.g. 2026-11-23T12:00:00Z (got "${values.now}")`)
  const seed = values.seed === undefined ? undefined : Number(values.seed)
  if (seed !== undefined && !Number.isInteger(seed)) throw new InputError(`--seed must be an integer (got "${values.seed}")`)
  const timeLimitMs = values['time-limit'] === undefined ? undefined : Number(values['time-limit'])
  if (timeLimitMs !== undefined && !(timeLimitMs > 0)) throw new InputError(`--time-limit must be a positive number of milliseconds (got "${values['time-limit']}")`)
  return { help: false, file: positionals[0], continueFile: values.continue, json: values.json ?? false, now, seed, timeLimitMs } as const
}

function readContinueSpec(path: string): ContinueSpec {
  const parsed = parseJson(readText(path, 'continue file'))
  if (!parsed.ok) throw new InputError(`${path}: ${parsed.errors.join('; ')}`)
  const spec = parsed.value
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) throw new InputError(`${path}: a continue file is a JSON object like { "query": {}, "body": {}, "sessionToken": { "payload": {}, "secret": "…" } }`)
  const token = (spec as ContinueSpec).sessionToken
  if (token !== undefined && (typeof token !== 'object' || typeof token?.secret !== 'string')) throw new InputError(`${path}: sessionToken needs a "secret" string`)
  if (token?.secret === '') throw new InputError(`${path}: sessionToken.secret is empty: put there the value of the secret the action validates the session token with`)
  return spec as ContinueSpec
}

async function main(argv: string[]): Promise<number> {
  const options = parseOptions(argv)
  if (options.help) {
    process.stdout.write(HELP)
    return 0
  }
  const parsed = parseFlowDocument(readText(options.file, 'flow file'))
  if (!parsed.ok) throw new InputError(`${options.file} is not a valid flow document:\n${parsed.errors.map((error) => `  ${error}`).join('\n')}`)
  const doc = parsed.value
  for (const warning of parsed.warnings ?? []) process.stderr.write(`warning: ${warning}\n`)
  const spec = options.continueFile ? readContinueSpec(options.continueFile) : undefined
  const runOptions = { now: options.now, seed: options.seed, timeLimitMs: options.timeLimitMs }
  const runner = createNodeRunner()
  try {
    const first = await runner.run(doc, runOptions)
    let result = first
    if (spec && first.status === 'suspended') {
      const request = await prepareContinue(first, spec, options.now ?? Date.now())
      result = await runner.continue(doc, first, request, runOptions)
    } else if (spec) {
      process.stderr.write(`The flow did not suspend (status ${first.status}), so --continue was not used.\n`)
    }
    if (options.json) {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
    } else {
      const user = (doc.event as { user?: { app_metadata?: JsonObject; user_metadata?: JsonObject } }).user ?? {}
      const original = { app_metadata: user.app_metadata ?? {}, user_metadata: user.user_metadata ?? {} }
      process.stdout.write(`Flow: ${doc.name} (${doc.actions.length} actions)\n\n`)
      if (result !== first) process.stdout.write(`Before /continue:\n${summarize(first, original)}\n\nAfter /continue:\n`)
      process.stdout.write(`${summarize(result, original)}\n`)
    }
    return 0
  } finally {
    await runner.dispose()
  }
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code },
  (error) => {
    process.stderr.write(`${error instanceof InputError ? error.message : `Unexpected error: ${(error as Error).stack ?? error}`}\n`)
    process.exitCode = 2
  },
)
