import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import type { FlowTestResult } from '../engine/flowTestRun.ts'
import { escapeXml, junitReport, summaryLine, testLines, type FlowFileReport } from './testReport.ts'

const NASTY = 'a & b < c > d "e" \'f\' ]]> tab\there\nline\u0000nul\u001bescape\ud800lone\ufffe😀'

const failed: FlowTestResult = {
  name: NASTY,
  status: 'failed',
  durationMs: 12.3456,
  outcome: 'completed',
  mismatches: [
    { path: 'status', expected: 'denied', actual: 'completed', message: 'expected "denied", received "completed"' },
    { path: '["x"]', expected: NASTY, actual: 'y', message: `expected ${JSON.stringify(NASTY)}, received "y" ${NASTY}` },
  ],
}
const errored: FlowTestResult = { name: 'cannot continue', status: 'error', durationMs: 1, mismatches: [], error: `bad secret ${NASTY}` }
const passed: FlowTestResult = { name: 'ok', status: 'passed', durationMs: 1500, mismatches: [], outcome: 'denied' }

const flows: FlowFileReport[] = [
  { file: `flows/${NASTY}.flow.json`, report: { flow: `Flow ${NASTY}`, tests: [failed, errored, passed], passed: 1, failed: 1, errors: 1 } },
  { file: 'flows/empty.flow.json', report: { flow: 'Empty', tests: [], passed: 0, failed: 0, errors: 0 } },
]

describe('the JUnit report', () => {
  it('is well-formed XML whatever the names and messages hold, and reads back to them', () => {
    const xml = junitReport(flows)
    expect(XMLValidator.validate(xml)).toBe(true)
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name), trimValues: false, processEntities: true, htmlEntities: true }).parse(xml)
    /** What a parser reads back: the text, with the characters XML cannot hold written out. */
    const readBack = (text: string) => escapeXml(text).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
    const readable = readBack(NASTY)
    expect(readable).toBe('a & b < c > d "e" \'f\' ]]> tab\there\nline\\u{0}nul\\u{1b}escape\\u{d800}lone\\u{fffe}😀')
    const [suite, empty] = parsed.testsuites.testsuite
    expect(parsed.testsuites).toMatchObject({ tests: '3', failures: '1', errors: '1', time: '1.513' })
    expect(suite).toMatchObject({ name: `flows/${readable}.flow.json`, tests: '3', failures: '1', errors: '1', skipped: '0' })
    expect(empty).toMatchObject({ name: 'flows/empty.flow.json', tests: '0' })
    const [one, two, three] = suite.testcase
    expect(one).toMatchObject({ classname: `Flow ${readable}`, name: readable, time: '0.012' })
    expect(one.failure.message).toBe('2 expectations failed')
    expect(one.failure['#text']).toBe(readBack(`status: expected "denied", received "completed"\n["x"]: ${failed.mismatches[1].message}`))
    expect(one.failure['#text']).toContain('\\u0000nul')
    expect(two.error).toMatchObject({ message: `bad secret ${readable}`, type: 'error' })
    expect(three).toMatchObject({ name: 'ok', time: '1.500' })
    expect('failure' in three || 'error' in three).toBe(false)
  })

  it('keeps line breaks and tabs of attributes as character references', () => {
    expect(escapeXml('a\nb\tc\rd', true)).toBe('a&#10;b&#9;c&#13;d')
    expect(escapeXml('a\nb\tc', false)).toBe('a\nb\tc')
    expect(escapeXml(`<"'&>`, true)).toBe('&lt;&quot;&apos;&amp;&gt;')
  })
})

describe('the readable report', () => {
  it('lists a failed test with each failing expectation, and the summary', () => {
    expect(testLines('f.flow.json', failed).slice(0, 2)).toEqual([`✗ f.flow.json › ${NASTY} (12 ms)`, '    status: expected "denied", received "completed"'])
    expect(testLines('f.flow.json', passed)).toEqual(['✓ f.flow.json › ok (1500 ms)'])
    expect(testLines('f.flow.json', errored)).toEqual(['✗ f.flow.json › cannot continue (1 ms)', `    error: bad secret ${NASTY}`])
    expect(summaryLine({ passed: 3, failed: 1, errors: 0, total: 4, flows: 2 })).toBe('Tests: 3 passed, 1 failed, 4 total (2 flows)')
    expect(summaryLine({ passed: 0, failed: 0, errors: 2, total: 2, flows: 1 })).toBe('Tests: 0 passed, 0 failed, 2 errors, 2 total (1 flow)')
  })
})
