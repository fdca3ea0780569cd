import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { EXAMPLES } from '../examples/catalog.ts'
import { allExamples } from '../examples/writeFlowFiles.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const MAIN = join(ROOT, 'src/cli/main.ts')
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
const MONDAY = '2026-11-23T12:00:00Z'
const SATURDAY = '2026-11-28T12:00:00Z'

/** `actions-playground test` with these arguments, from `cwd`. */
function test(args: string[], cwd = ROOT) {
  const run = spawnSync(process.execPath, ['--import', TSX, MAIN, 'test', ...args], { cwd, encoding: 'utf8', timeout: 120_000 })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

/** An example flow's document with other tests. */
function flowWith(slug: string, tests: unknown[], name?: string) {
  const { tests: _tests, ...doc } = structuredClone(EXAMPLES.find((example) => example.slug === slug)!.document)
  return JSON.stringify({ ...doc, ...(name ? { name } : {}), tests }, null, 2)
}

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'flow-test-'))
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true })
    writeFileSync(join(dir, name), text)
  }
  return dir
}

const ROLES = 'https://my-app.example.com/roles'
/** One flow whose tests pass, one with a failing test (and a test name that XML must escape), and files the search must leave alone. */
const FILES = {
  'flows/roles.flow.json': flowWith('roles-into-tokens', [
    { name: 'puts the roles into the ID token', expect: { status: 'completed', idToken: { claims: { [ROLES]: ['admin', 'editor'] } } } },
    { name: 'has no redirect', expect: { redirect: null, samlResponse: null } },
  ]),
  'flows/nested/deny.json': flowWith('starter', [
    { name: 'denies example.com', expect: { status: 'denied' } },
    { name: `keeps <"roles"> & 'more'\u0007`, event: { user: { email: 'a@other.org' } }, expect: { status: 'completed', idToken: { claims: { [ROLES]: ['admin'] }, customClaims: { $equals: {} } } } },
  ], 'Deny & <check>'),
  'flows/package.json': '{ "name": "not a flow", "version": "1.0.0" }',
  'flows/notes.json': '{ not json at all',
  'flows/deny.continue.json': '{ "query": {} }',
  'flows/node_modules/dep/x.flow.json': '{ broken',
  'flows/.cache/y.flow.json': '{ broken',
}

describe('actions-playground test', () => {
  it('runs the tests of every flow under a folder, reports each failing expectation, exits 1, and writes JUnit XML naming both flows', () => {
    const dir = folder(FILES)
    const run = test(['flows', '--reporter', 'junit', '--output', 'reports/junit.xml'], dir)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(1)
    const lines = run.stdout.split('\n')
    expect(lines.filter((line) => /^[✓✗] /.test(line)).map((line) => line.replace(/ \(\d+ ms\)$/, ''))).toEqual([
      `✓ ${join('flows', 'nested', 'deny.json')} › denies example.com`,
      `✗ ${join('flows', 'nested', 'deny.json')} › keeps <"roles"> & 'more'\u0007`,
      `✓ ${join('flows', 'roles.flow.json')} › puts the roles into the ID token`,
      `✓ ${join('flows', 'roles.flow.json')} › has no redirect`,
    ])
    const failed = lines.findIndex((line) => line.startsWith('✗'))
    expect(lines.slice(failed + 1, failed + 3)).toEqual([
      `    idToken.claims["${ROLES}"]: expected ["admin"], received ["admin","editor"] (1 element expected, 2 received)`,
      `    idToken.customClaims: expected exactly {}, received {"${ROLES}":["admin","editor"]}`,
    ])
    expect(lines).toContain('Tests: 3 passed, 1 failed, 4 total (2 flows)')

    const xml = readFileSync(join(dir, 'reports/junit.xml'), 'utf8')
    expect(XMLValidator.validate(xml)).toBe(true)
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(xml)
    const suites = parsed.testsuites
    expect(suites).toMatchObject({ tests: '4', failures: '1', errors: '0' })
    expect(suites.testsuite.map((suite: Record<string, string>) => [suite.name, suite.tests, suite.failures])).toEqual([
      [join('flows', 'nested', 'deny.json'), '2', '1'], [join('flows', 'roles.flow.json'), '2', '0'],
    ])
    const [deny, roles] = suites.testsuite
    expect(deny.testcase.map((testcase: Record<string, string>) => [testcase.classname, testcase.name, 'failure' in testcase])).toEqual([
      ['Deny & <check>', 'denies example.com', false],
      ['Deny & <check>', `keeps <"roles"> & 'more'\\u{7}`, true],
    ])
    expect(roles.testcase.map((testcase: Record<string, string>) => testcase.classname)).toEqual(['Roles into both tokens', 'Roles into both tokens'])
    const failure = deny.testcase[1].failure
    expect(failure.message).toBe('2 expectations failed')
    expect(failure['#text']).toContain(`idToken.claims["${ROLES}"]: expected ["admin"], received ["admin","editor"]`)
    expect(failure['#text']).toContain('idToken.customClaims: expected exactly {}')
    for (const testcase of [...deny.testcase, ...roles.testcase]) expect(Number(testcase.time)).toBeGreaterThanOrEqual(0)
  })

  it('writes a machine report with --reporter json, on stdout or into --output', () => {
    const dir = folder(FILES)
    const run = test(['flows/nested/deny.json', 'flows/roles.flow.json', '--reporter', 'json'], dir)
    expect([run.code, run.stderr]).toEqual([1, ''])
    const report = JSON.parse(run.stdout)
    expect(report).toMatchObject({ schemaVersion: 1, summary: { passed: 3, failed: 1, errors: 0, total: 4, flows: 2 } })
    expect(report.flows.map((flow: { file: string; name: string }) => [flow.file, flow.name])).toEqual([[join('flows', 'nested', 'deny.json'), 'Deny & <check>'], [join('flows', 'roles.flow.json'), 'Roles into both tokens']])
    expect(report.flows[0].tests[1]).toMatchObject({
      name: `keeps <"roles"> & 'more'\u0007`,
      status: 'failed',
      outcome: 'completed',
      mismatches: [
        { path: `idToken.claims["${ROLES}"]`, expected: ['admin'], actual: ['admin', 'editor'], message: expect.stringMatching(/^expected \["admin"\], received/) },
        { path: 'idToken.customClaims', expected: { $equals: {} }, actual: { [ROLES]: ['admin', 'editor'] } },
      ],
    })
    expect(report.flows[1].tests.map((item: { status: string }) => item.status)).toEqual(['passed', 'passed'])

    const toFile = test(['flows/roles.flow.json', '--reporter=json', '--output', 'out.json'], dir)
    expect([toFile.code, toFile.stderr]).toEqual([0, ''])
    expect(toFile.stdout).toMatch(/^✓ .*roles\.flow\.json › has no redirect \(\d+ ms\)$/m)
    expect(toFile.stdout).toMatch(/^Tests: 2 passed, 0 failed, 2 total \(1 flow\)$/m)
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'))).toMatchObject({ summary: { passed: 2, failed: 0 }, flows: [{ file: join('flows', 'roles.flow.json') }] })
  })

  it('searches the current folder by default, and takes --now, --seed and --time-limit as defaults a test can override', () => {
    const weekday = (tests: unknown[]) => flowWith('weekdays-only', tests)
    const dir = folder({
      'weekdays.flow.json': weekday([
        { name: 'open on the default day', expect: { status: 'completed' } },
        { name: 'closed on its own Saturday', now: SATURDAY, expect: { status: 'denied' } },
      ]),
      'sub/loop.flow.json': flowWith('endless-loop', [{ name: 'stops at the time limit', expect: { status: 'failed', error: { timeout: true } } }]),
    })
    const monday = test(['--now', MONDAY, '--time-limit', '500', '--seed', '3'], dir)
    expect([monday.code, monday.stderr]).toEqual([0, ''])
    expect(monday.stdout).toMatch(/^✓ sub\/loop\.flow\.json › stops at the time limit/m)
    expect(monday.stdout).toContain('Tests: 3 passed, 0 failed, 3 total (2 flows)')
    const saturday = test(['--now', SATURDAY, 'weekdays.flow.json'], dir)
    expect(saturday.code).toBe(1)
    expect(saturday.stdout).toMatch(/^✗ weekdays\.flow\.json › open on the default day \(\d+ ms\)\n {4}status: expected "completed", received "denied"\n {4}\(the run ended denied: access_denied: This app is only available during the week\.\)$/m)
    expect(saturday.stdout).toContain('Tests: 1 passed, 1 failed, 2 total (1 flow)')
  })

  it('fails a test that continues a run that did not suspend, and prints warnings of flow files on stderr', () => {
    const dir = folder({
      'color.flow.json': flowWith('favorite-color-redirect', [
        { name: 'has a color already', event: { user: { user_metadata: { favorite_color: 'red' } } }, continue: { query: {} }, expect: { status: 'completed' } },
        { name: 'typo', expect: {}, evnt: {} },
      ]),
    })
    const run = test([], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toBe('warning: color.flow.json: tests[1].evnt: unknown field, ignored (a test has name, event, continue, now, seed, timeLimitMs, expect)\n')
    expect(run.stdout).toMatch(/^✗ color\.flow\.json › has a color already \(\d+ ms\)\n {4}status: the test continues the run, but it did not suspend: it ended completed$/m)
  })

  it('exits 2 with a message, running nothing, on input it cannot read', () => {
    const dir = folder({
      ...FILES,
      'flows/broken.flow.json': '{ "version": 1, "trigger": "post-login", oops }',
      'shape/bad-operator.json': flowWith('starter', [{ name: 'x', expect: { status: { $equal: 'denied' } } }]),
      'empty/plain.flow.json': flowWith('starter', []).replace(/,\s*"tests": \[\]/, ''),
      'empty/package.json': '{}',
    })
    const cases: [string[], RegExp][] = [
      [['flows'], /^flows\/broken\.flow\.json is not a valid flow document: Invalid JSON at line 1, column 42: [^\n]*\n$/],
      [['shape'], /^shape\/bad-operator\.json is not a valid flow document: tests\[0\]\.expect\.status\.\$equal: unknown operator "\$equal"[^\n]*\n$/],
      [['flows/package.json'], /^flows\/package\.json is not a valid flow document:/],
      [['missing'], /^Cannot read missing: ENOENT\n$/],
      [['empty'], /^No flow tests found in empty: looked for "tests" in \*\.flow\.json files and in flow documents \(\*\.json\)\. See 'actions-playground test --help'\.\n$/],
      [['flows/roles.flow.json', '--reporter', 'junit'], /^--reporter junit writes a file: add --output <file>/],
      [['flows/roles.flow.json', '--reporter', 'xml'], /^--reporter is one of default, junit, json \(got "xml"\)\n$/],
      [['flows/roles.flow.json', '--output', 'x.xml'], /^--output goes with --reporter junit or --reporter json\n$/],
      [['flows/roles.flow.json', '--reportr', 'json'], /^Unknown option --reportr for test\. Did you mean --reporter\?/],
      [['flows/roles.flow.json', '--time-limit', '0'], /^--time-limit must be a positive number/],
      [['flows/roles.flow.json', '--jobs', '0'], /^--jobs must be a whole number of processes, 1 or more \(got "0"\)\n$/],
    ]
    for (const [args, message] of cases) {
      const run = test(args, dir)
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.stderr, args.join(' ')).toMatch(message)
      expect(run.stdout, args.join(' ')).toBe('')
    }
  })

  it('prints its options with --help, and is listed in the program\'s help', () => {
    const run = test(['--help'])
    expect([run.code, run.stderr]).toEqual([0, ''])
    expect(run.stdout).toMatch(/^Usage: actions-playground test \[files or folders…\]/)
    for (const option of ['--reporter <name>', '--output <file>', '--now <ISO time>', '--seed <n>', '--time-limit <ms>', '-h, --help', '$absent', '$includes']) expect(run.stdout).toContain(option)
    const program = spawnSync(process.execPath, ['--import', TSX, MAIN, '--help'], { cwd: ROOT, encoding: 'utf8' })
    expect(program.stdout).toMatch(/^ {2}test +run the tests inside flow files/m)
  })

  it('passes every test of the example flows, of every trigger', async () => {
    const examples = await allExamples()
    expect(new Set(examples.map((example) => example.document.trigger)).size).toBeGreaterThan(1)
    const run = test(['src/examples/flows'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const total = examples.reduce((sum, example) => sum + (example.document.tests?.length ?? 0), 0)
    expect(total).toBeGreaterThanOrEqual(examples.length)
    expect(run.stdout).toContain(`Tests: ${total} passed, 0 failed, ${total} total (${examples.length} flows)`)
    for (const example of examples) expect(run.stdout).toContain(`✓ src/examples/flows/${example.slug}.json › `)
    // Flows run in several sandbox processes at once, and are reported in path order.
    const reported = [...run.stdout.matchAll(/^✓ src\/examples\/flows\/([\w-]+)\.json › /gm)].map((match) => match[1])
    expect([...new Set(reported)]).toEqual(examples.map((example) => example.slug).sort())
    const oneProcess = test(['src/examples/flows', '--jobs', '1'])
    expect(oneProcess.stdout.replace(/ \(\d+ ms\)/g, '')).toBe(run.stdout.replace(/ \(\d+ ms\)/g, ''))
  })
})
