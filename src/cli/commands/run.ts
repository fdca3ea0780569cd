/** `actions-playground run`: one flow file, optionally resumed with a continue file; prints a summary or JSON. */
import { prepareContinue } from '../../engine/continueRequest.ts'
import { PLAYGROUND_MODULES } from '../../engine/modules/registry.ts'
import { createMasker, documentSecrets } from '../../engine/secretMask.ts'
import { TRIGGER_IDS } from '../../engine/triggers.ts'
import type { JsonObject, RunResult } from '../../engine/types.ts'
import { createNodeRunner } from '../../runtime/nodeRunner.ts'
import type { Command } from '../args.ts'
import { flowPackages, packagesBase, warnOnStderr } from '../flowPackages.ts'
import { InputError, readContinueSpec, readFlowFile } from '../inputs.ts'
import { runOptionsFrom, RUN_OPTIONS, RUN_OPTIONS_HELP } from '../runOptions.ts'
import { summarize } from '../summary.ts'
import { walkText } from '../walkText.ts'

/** The version of the `--json` output's shape; it changes when a field changes meaning or goes away. */
export const RESULT_SCHEMA_VERSION = 2

const OUTCOMES = ['denied', 'failed', 'suspended'] as const

function failOn(value: string | undefined): Set<RunResult['status']> {
  if (value === undefined) return new Set()
  const listed = value.split(',').map((item) => item.trim()).filter(Boolean)
  const unknown = listed.filter((item) => !(OUTCOMES as readonly string[]).includes(item))
  if (unknown.length || !listed.length) throw new InputError(`--fail-on takes a comma-separated list of ${OUTCOMES.join(', ')} (got "${value}")`)
  return new Set(listed as RunResult['status'][])
}

export const runCommand: Command = {
  name: 'run',
  summary: 'run one flow file and print what happened',
  usage: '<flow.json> [--continue <file>] [--json] [--steps] [--now <ISO time>] [--seed <n>] [--time-limit <ms>] [--fail-on <outcomes>]',
  help: `Runs a flow document of a trigger the playground knows (${TRIGGER_IDS.join(', ')}): its enabled
actions, in order, against its event; prints a summary.

Options:
  --json                print the whole result as JSON (with "schemaVersion": ${RESULT_SCHEMA_VERSION}) instead of a summary
  --continue <file>     when the flow suspends (redirect, MFA challenge, form), resume it with this /continue request
  --steps               also print every statement the actions ran, in order and across the pause, with the api
                        calls made in it and what Auth0 does with them (with --json: the result's "steps")
${RUN_OPTIONS_HELP}
  --fail-on <outcomes>  exit 1 when the flow ends in one of these: ${OUTCOMES.join(', ')} (comma-separated)
  -h, --help            show this help

What a flow can use: its event, the api, its actions' own secrets (event.secrets), fetch and axios answered
from its HTTP mocks, and require() of ${PLAYGROUND_MODULES.join(', ')}.
What it cannot: the environment, files, the network, child processes or anything else of this machine:
each run is a fresh sandbox inside a locked-down child process, whatever the flow file's origin.

Packages: an action's "dependencies" ({ "name", "version" }) are read from the node_modules nearest the
flow file (npm install them in your project) and sent to the sandbox with the run.

Secret values of the actions (4 characters or more) show as "•••• (NAME)" in the summary and the steps;
--json prints the result as it is.

Exit code: 0 for any outcome of the flow unless --fail-on lists it (then 1); 2 when the flow file or the
continue file cannot be read or is not valid, or a package an action declares is not installed.
`,
  options: {
    continue: { type: 'string' }, json: { type: 'boolean' }, steps: { type: 'boolean' }, 'fail-on': { type: 'string' }, ...RUN_OPTIONS,
  },
  async execute(values, positionals) {
    if (positionals.length !== 1) throw new InputError(`run takes one flow file (got ${positionals.length}). See 'actions-playground run --help'.`)
    const fail = failOn(values['fail-on'] as string | undefined)
    const runOptions = { ...runOptionsFrom(values), steps: values.steps === true }
    const runner = createNodeRunner()
    try {
      // The sandbox process starts while the inputs are read.
      runner.warm()
      const { path, doc, warnings } = readFlowFile(positionals[0])
      for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`)
      const spec = typeof values.continue === 'string' ? readContinueSpec(values.continue) : undefined
      const packages = await flowPackages(doc, packagesBase(path), path, warnOnStderr)
      const options = packages ? { ...runOptions, packages } : runOptions
      const first = await runner.run(doc, options)
      let result = first
      if (spec && first.status === 'suspended') {
        const request = await prepareContinue(first, spec, runOptions.now ?? Date.now())
        result = await runner.continue(doc, first, request, options)
      } else if (spec) {
        process.stderr.write(`The flow did not suspend (status ${first.status}), so --continue was not used.\n`)
      }
      if (values.json) {
        process.stdout.write(`${JSON.stringify({ schemaVersion: RESULT_SCHEMA_VERSION, ...result }, null, 2)}\n`)
      } else {
        // CI logs are often public: the readable report masks the actions' secret values, as the app does.
        const mask = createMasker(documentSecrets(doc))
        const user = (doc.event as { user?: { app_metadata?: JsonObject; user_metadata?: JsonObject } }).user
        const original = user ? { app_metadata: user.app_metadata ?? {}, user_metadata: user.user_metadata ?? {} } : null
        process.stdout.write(`Flow: ${doc.name} (${doc.actions.length} actions)\n\n`)
        if (result !== first) process.stdout.write(`Before /continue:\n${summarize(mask(first), original)}\n\nAfter /continue:\n`)
        process.stdout.write(`${summarize(mask(result), original)}\n`)
        if (runOptions.steps) process.stdout.write(`\n${walkText(mask(result), doc)}\n`)
      }
      if (fail.has(result.status)) {
        process.stderr.write(`The flow ended ${result.status}, which --fail-on lists.\n`)
        return 1
      }
      return 0
    } finally {
      await runner.dispose()
    }
  },
}
