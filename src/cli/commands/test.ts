/** `actions-playground test`: runs the tests inside flow documents, all in one sandbox process, and reports them. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { OPERATORS } from '../../engine/expectation.ts'
import { runFlowTests } from '../../engine/flowTestRun.ts'
import { createNodeRunner } from '../../runtime/nodeRunner.ts'
import type { Command } from '../args.ts'
import { discoverFlowFiles } from '../flowDiscovery.ts'
import { InputError } from '../inputs.ts'
import { runOptionsFrom, RUN_OPTIONS, RUN_OPTIONS_HELP } from '../runOptions.ts'
import { jsonReport, junitReport, noTestsLine, summaryLine, testLines, totals, TEST_REPORT_SCHEMA_VERSION, type FlowFileReport } from '../testReport.ts'

const REPORTERS = ['default', 'junit', 'json'] as const
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
is a flow document with "tests". All tests run one after the other in one sandbox process.

A test is an entry of the flow document's "tests":
  { "name": "…", "event": { … }, "continue": { … }, "now": "<ISO time>", "seed": <n>, "timeLimitMs": <ms>, "expect": { … } }
"event" is merged over the flow's event, "continue" resumes a suspended run (as a continue file does), and
"expect" is matched against the run's result JSON (as 'run --json' prints it): listed keys must match, others
are ignored; arrays match element by element; operators: ${OPERATORS.join(', ')}.

Options:
  --reporter <name>     default: readable lines; junit: JUnit XML into --output; json: a machine report
                        (with "schemaVersion": ${TEST_REPORT_SCHEMA_VERSION}) on stdout, or into --output
  --output <file>       where the junit or json report goes (the readable lines still go to stdout)
${RUN_OPTIONS_HELP}
                        (these three are defaults: a test's own "now", "seed" or "timeLimitMs" wins)
  -h, --help            show this help

Exit code: 0 when every test passes, 1 when any fails, 2 when a flow file cannot be read or is not valid,
or when no test is found.
`,
  options: { reporter: { type: 'string' }, output: { type: 'string' }, ...RUN_OPTIONS },
  async execute(values, positionals) {
    const { reporter, output } = reporterOf(values)
    const defaults = runOptionsFrom(values)
    const files = discoverFlowFiles(positionals)
    for (const { path, warnings } of files) for (const warning of warnings) process.stderr.write(`warning: ${path}: ${warning}\n`)
    if (!files.some((file) => file.doc.tests?.length)) {
      const where = positionals.length ? positionals.join(', ') : 'the current folder'
      throw new InputError(`No flow tests found in ${where}: looked for "tests" in *.flow.json files and in flow documents (*.json). See 'actions-playground test --help'.`)
    }
    const readable = reporter !== 'json' || output !== undefined
    const print = (lines: string[]) => { if (readable) process.stdout.write(`${lines.join('\n')}\n`) }
    const runner = createNodeRunner()
    const reports: FlowFileReport[] = []
    try {
      for (const { path, doc } of files) {
        if (!doc.tests?.length) print([noTestsLine(path)])
        const report = await runFlowTests(doc, runner, { defaults, onTestEnd: (test) => print(testLines(path, test)) })
        reports.push({ file: path, report })
      }
    } finally {
      await runner.dispose()
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
