/**
 * `actions-playground test`: runs the tests inside flow documents and reports them, in path order. Flows are
 * shared out to a few sandbox processes (one per core, up to 4), each running its flows' tests one after the other.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { dirname } from 'node:path'
import { OPERATORS } from '../../engine/expectation.ts'
import { runFlowTests } from '../../engine/flowTestRun.ts'
import { createNodeRunner } from '../../runtime/nodeRunner.ts'
import type { Command } from '../args.ts'
import { discoverFlowFiles } from '../flowDiscovery.ts'
import { flowPackages, packagesBase, warnOnStderr, withPackages } from '../flowPackages.ts'
import { InputError } from '../inputs.ts'
import { forEachInOrder } from '../inOrder.ts'
import { runOptionsFrom, RUN_OPTIONS, RUN_OPTIONS_HELP } from '../runOptions.ts'
import { jsonReport, junitReport, noTestsLine, summaryLine, testLines, totals, TEST_REPORT_SCHEMA_VERSION, type FlowFileReport } from '../testReport.ts'

const REPORTERS = ['default', 'junit', 'json'] as const
const MAX_JOBS = 4

function jobsOf(value: string | boolean | undefined): number {
  if (value === undefined) return Math.min(availableParallelism(), MAX_JOBS)
  const jobs = Number(value)
  if (!Number.isInteger(jobs) || jobs < 1) throw new InputError(`--jobs must be a whole number of processes, 1 or more (got "${value}")`)
  return jobs
}
type Reporter = (typeof REPORTERS)[number]

function reporterOf(values: Record<string, string | boolean | undefined>): { reporter: Reporter; output?: string } {
  const reporter = (values.reporter ?? 'default') as Reporter
  if (!REPORTERS.includes(reporter)) throw new InputError(`--reporter is one of ${REPORTERS.join(', ')} (got "${reporter}")`)
  const output = typeof values.output === 'string' ? values.output : undefined
  if (output === '') throw new InputError('--output needs a file name')
  if (reporter === 'junit' && !output) throw new InputError('--reporter junit writes a file: add --output <file>, e.g. --output reports/flows.xml')
  if (reporter === 'default' && output) throw new InputError('--output goes with --reporter junit or --reporter json')
  return { reporter, output }
}

export const testCommand: Command = {
  name: 'test',
  summary: 'run the tests inside flow files and report them',
  usage: '[files or folders…] [--reporter default|junit|json] [--output <file>] [--now <ISO time>] [--seed <n>] [--time-limit <ms>]',
  help: `Runs every test of every flow document given (files), or found under the folders given (default: the
current folder, recursively, not node_modules nor dot folders): every *.flow.json, and every other *.json that
is a flow document with "tests". Each flow's tests run one after the other; --jobs sandbox processes share the flows.

A test is an entry of the flow document's "tests":
  { "name": "…", "event": { … }, "continue": { … }, "now": "<ISO time>", "seed": <n>, "timeLimitMs": <ms>, "expect": { … } }
"event" is merged over the flow's event, "continue" resumes a suspended run (as a continue file does), and
"expect" is matched against the run's result JSON (as 'run --json' prints it): listed keys must match, others
are ignored; arrays match element by element; operators: ${OPERATORS.join(', ')}.

Options:
  --reporter <name>     default: readable lines; junit: JUnit XML into --output; json: a machine report
                        (with "schemaVersion": ${TEST_REPORT_SCHEMA_VERSION}) on stdout, or into --output
  --output <file>       where the junit or json report goes (the readable lines still go to stdout)
  --jobs <n>            sandbox processes that share the flows (default: one per core, up to ${MAX_JOBS})
${RUN_OPTIONS_HELP}
                        (these three are defaults: a test's own "now", "seed" or "timeLimitMs" wins)
  -h, --help            show this help

Packages that actions declare ("dependencies") come from the node_modules nearest each flow file.

Exit code: 0 when every test passes, 1 when any fails, 2 when a flow file cannot be read or is not valid,
when a package an action declares is not installed, or when no test is found.
`,
  options: { reporter: { type: 'string' }, output: { type: 'string' }, jobs: { type: 'string' }, ...RUN_OPTIONS },
  async execute(values, positionals) {
    const { reporter, output } = reporterOf(values)
    const defaults = runOptionsFrom(values)
    const jobs = jobsOf(values.jobs)
    const files = discoverFlowFiles(positionals)
    for (const { path, warnings } of files) for (const warning of warnings) process.stderr.write(`warning: ${path}: ${warning}\n`)
    if (!files.some((file) => file.doc.tests?.length)) {
      const where = positionals.length ? positionals.join(', ') : 'the current folder'
      throw new InputError(`No flow tests found in ${where}: looked for "tests" in *.flow.json files and in flow documents (*.json). See 'actions-playground test --help'.`)
    }
    // Every flow's packages before any test runs: one that is not installed stops the command (exit 2).
    const packages = new Map<string, Awaited<ReturnType<typeof flowPackages>>>()
    for (const { path, doc } of files) if (doc.tests?.length) packages.set(path, await flowPackages(doc, packagesBase(path), path, warnOnStderr))
    const readable = reporter !== 'json' || output !== undefined
    const print = (lines: string[]) => { if (readable) process.stdout.write(`${lines.join('\n')}\n`) }
    const runners = Array.from({ length: Math.min(jobs, files.length) }, () => createNodeRunner())
    for (const runner of runners) runner.warm()
    const reports: FlowFileReport[] = []
    try {
      await forEachInOrder(files, runners.length, async ({ path, doc }, worker) => {
        const lines = doc.tests?.length ? [] : [noTestsLine(path)]
        const report = await runFlowTests(doc, withPackages(runners[worker], packages.get(path)), { defaults, onTestEnd: (test) => lines.push(...testLines(path, test)) })
        return { lines, report: { file: path, report } }
      }, ({ lines, report }) => {
        if (lines.length) print(lines)
        reports.push(report)
      })
    } finally {
      await Promise.all(runners.map((runner) => runner.dispose()))
    }
    const counts = totals(reports)
    print(['', summaryLine(counts)])
    const machine = reporter === 'junit' ? junitReport(reports) : reporter === 'json' ? jsonReport(reports) : undefined
    if (machine !== undefined && output === undefined) process.stdout.write(machine)
    else if (machine !== undefined && output !== undefined) {
      try {
        mkdirSync(dirname(output), { recursive: true })
        writeFileSync(output, machine)
      } catch (error) {
        throw new InputError(`Cannot write the report ${output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
      }
    }
    return counts.failed + counts.errors > 0 ? 1 : 0
  },
}
