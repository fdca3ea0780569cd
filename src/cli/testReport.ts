/** The `test` command's reports: readable lines, JUnit XML (what CI systems show natively) and JSON. */
import type { FlowTestReport, FlowTestResult } from '../engine/flowTestRun.ts'

/** A flow file and what its tests did. */
export interface FlowFileReport {
  /** The file, relative to the current folder. */
  file: string
  report: FlowTestReport
}

/** The version of the `--reporter json` shape; it changes when a field changes meaning or goes away. */
export const TEST_REPORT_SCHEMA_VERSION = 1

export interface Totals {
  passed: number
  failed: number
  errors: number
  total: number
  flows: number
}

export function totals(flows: FlowFileReport[]): Totals {
  const sum = (pick: (report: FlowTestReport) => number) => flows.reduce((total, flow) => total + pick(flow.report), 0)
  return { passed: sum((report) => report.passed), failed: sum((report) => report.failed), errors: sum((report) => report.errors), total: sum((report) => report.tests.length), flows: flows.length }
}

const ms = (durationMs: number) => `${Math.round(durationMs)} ms`

/** The lines of one test: a ✓ or ✗ line, then each failing expectation (path: expected …, received …) or the error, indented. */
export function testLines(file: string, test: FlowTestResult): string[] {
  const head = `${test.status === 'passed' ? '✓' : '✗'} ${file} › ${test.name} (${ms(test.durationMs)})`
  if (test.status === 'passed') return [head]
  const lines = [head]
  if (test.error) lines.push(`    error: ${test.error}`)
  for (const mismatch of test.mismatches) lines.push(`    ${mismatch.path}: ${mismatch.message}`)
  const runError = test.result?.error
  if (test.status === 'failed' && runError) {
    lines.push(`    (the run ended ${test.result!.status}: ${runError.code}: ${runError.description}${runError.line ? `, line ${runError.line}` : ''})`)
  }
  return lines
}

/** `○ file has no tests`, for a flow file found without tests. */
export function noTestsLine(file: string): string {
  return `○ ${file} has no tests`
}

/** `Tests: 3 passed, 1 failed, 4 total (2 flows)`; errors are named when there are any. */
export function summaryLine(counts: Totals): string {
  const errors = counts.errors ? `, ${counts.errors} error${counts.errors === 1 ? '' : 's'}` : ''
  return `Tests: ${counts.passed} passed, ${counts.failed} failed${errors}, ${counts.total} total (${counts.flows} flow${counts.flows === 1 ? '' : 's'})`
}

/** The machine report: every flow file and test, without the runs' whole results. */
export function jsonReport(flows: FlowFileReport[]): string {
  return `${JSON.stringify({
    schemaVersion: TEST_REPORT_SCHEMA_VERSION,
    summary: totals(flows),
    flows: flows.map(({ file, report }) => ({
      file,
      name: report.flow,
      tests: report.tests.map((test) => ({
        name: test.name,
        status: test.status,
        ...(test.outcome ? { outcome: test.outcome } : {}),
        durationMs: Math.round(test.durationMs * 1000) / 1000,
        mismatches: test.mismatches,
        ...(test.error ? { error: test.error } : {}),
      })),
    })),
  }, null, 2)}\n`
}

/**
 * Text as XML 1.0 character data: markup characters escaped, line breaks kept as character references in
 * attributes (where parsers would fold them into spaces), and the characters XML 1.0 cannot hold at all
 * (control characters, lone surrogates, U+FFFE/U+FFFF) written out as `\u{…}`.
 */
export function escapeXml(text: string, attribute = false): string {
  let out = ''
  for (const char of text) {
    const code = char.codePointAt(0)!
    switch (char) {
      case '&': out += '&amp;'; continue
      case '<': out += '&lt;'; continue
      case '>': out += '&gt;'; continue
      case '"': out += attribute ? '&quot;' : char; continue
      case "'": out += attribute ? '&apos;' : char; continue
      case '\n': out += attribute ? '&#10;' : char; continue
      case '\r': out += '&#13;'; continue
      case '\t': out += attribute ? '&#9;' : char; continue
    }
    const allowed = (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || code >= 0x10000
    out += allowed ? char : `\\u{${code.toString(16)}}`
  }
  return out
}

const seconds = (durationMs: number) => (durationMs / 1000).toFixed(3)

/**
 * JUnit XML: one `<testsuite>` per flow file (named by the file), one `<testcase>` per test with the flow's
 * name as its class name; a failed test has a `<failure>` with every failing expectation, a test that could
 * not be carried out an `<error>`.
 */
export function junitReport(flows: FlowFileReport[]): string {
  const attrs = (values: Record<string, string | number>) => Object.entries(values).map(([name, value]) => ` ${name}="${escapeXml(String(value), true)}"`).join('')
  const all = totals(flows)
  const time = (tests: FlowTestResult[]) => seconds(tests.reduce((total, test) => total + test.durationMs, 0))
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites${attrs({ name: 'actions-playground test', tests: all.total, failures: all.failed, errors: all.errors, time: time(flows.flatMap((flow) => flow.report.tests)) })}>`]
  for (const { file, report } of flows) {
    lines.push(`  <testsuite${attrs({ name: file, tests: report.tests.length, failures: report.failed, errors: report.errors, skipped: 0, time: time(report.tests) })}>`)
    for (const test of report.tests) {
      const testcase = `    <testcase${attrs({ classname: report.flow, name: test.name, time: seconds(test.durationMs), file })}`
      if (test.status === 'passed') {
        lines.push(`${testcase}/>`)
        continue
      }
      const details = testLines(file, test).slice(1).map((line) => line.trim()).join('\n')
      const element = test.status === 'error' ? 'error' : 'failure'
      const message = test.status === 'error'
        ? test.error ?? 'error'
        : test.mismatches.length === 1 ? `${test.mismatches[0].path}: ${test.mismatches[0].message}` : `${test.mismatches.length} expectations failed`
      lines.push(`${testcase}>`, `      <${element}${attrs({ message, type: test.status === 'error' ? 'error' : 'expectation' })}>${escapeXml(details)}</${element}>`, '    </testcase>')
    }
    lines.push('  </testsuite>')
  }
  lines.push('</testsuites>')
  return `${lines.join('\n')}\n`
}
