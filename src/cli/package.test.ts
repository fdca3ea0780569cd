/**
 * The package as users get it: the built library entry imported by its name (not src/), its type declarations,
 * and `npm pack` installed into an empty folder, where `npx actions-playground` runs without TypeScript.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildCli } from '../build/cli.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const EXAMPLES = join(ROOT, 'src/examples/flows')

/** Runs an ES module in a fresh Node process, from `cwd`; returns what it printed as JSON. */
function nodeModule(cwd: string, source: string): unknown {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', source], { cwd, encoding: 'utf8', timeout: 60_000 })
  expect(run.stderr).toBe('')
  return JSON.parse(run.stdout)
}

const LIBRARY_PROBE = `
import { runFlow, testFlow } from 'actions-playground'
const denied = await runFlow(${JSON.stringify(join(EXAMPLES, 'starter.json'))})
const resumed = await runFlow(${JSON.stringify(join(EXAMPLES, 'favorite-color-redirect.json'))}, {
  now: '2026-11-23T12:00:00Z', steps: true, continue: ${readFileSync(join(EXAMPLES, 'favorite-color-redirect.continue.json'), 'utf8')},
})
const report = await testFlow(${JSON.stringify(join(EXAMPLES, 'weekdays-only.json'))})
console.log(JSON.stringify({
  denied: denied.status, resumed: resumed.status, metadata: resumed.user.user_metadata,
  stepped: [...new Set(resumed.steps.map((step) => step.phase))], unstepped: denied.steps === undefined,
  tests: report.tests.map((test) => test.name + ': ' + test.status), entry: import.meta.resolve('actions-playground'),
}))
`

beforeAll(() => buildCli(), 60_000)

describe('the package', () => {
  it('has a library entry that Node imports by the package name and that runs flow files in the sandbox', () => {
    const out = nodeModule(ROOT, LIBRARY_PROBE) as Record<string, unknown>
    expect(out.entry).toMatch(/\/dist-cli\/index\.mjs$/)
    expect(out).toMatchObject({ denied: 'denied', resumed: 'completed', metadata: { favorite_color: 'purple' }, stepped: ['execute', 'continue'], unstepped: true })
    expect(out.tests).toEqual(['lets users in on a Monday: passed', 'denies a Saturday: passed'])
  })

  it('declares the library\'s types, which a TypeScript consumer checks its use against', () => {
    const consumer = join(mkdtempSync(join(ROOT, 'node_modules/.tmp-consumer-')), 'consumer.mts')
    writeFileSync(consumer, `import { runFlow, testFlow, type RunResult } from 'actions-playground'
const result: RunResult = await runFlow('flow.json', { seed: 1, steps: true, continue: { query: { a: '1' } } })
const lines: number[] | undefined = result.steps?.map((step) => step.line)
const report = await testFlow({ version: 1, trigger: 'post-login', name: 'x', actions: [], event: {} }, { now: '2026-11-23T12:00:00Z' })
const failures: string[] = report.tests.flatMap((test) => test.mismatches.map((mismatch) => mismatch.path))
const status: 'completed' | 'denied' | 'failed' | 'suspended' = result.status
// @ts-expect-error the options are checked
await runFlow('flow.json', { sede: 1 })
export { status, failures, lines }
`)
    const program = ts.createProgram([consumer], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true, noEmit: true, types: [] })
    const errors = ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
    rmSync(dirname(consumer), { recursive: true })
    expect(errors).toEqual([])
  })

  it('packs into a tarball that, installed into an empty folder, runs the program (run, test) and the library', () => {
    const work = mkdtempSync(join(tmpdir(), 'actions-playground-pack-'))
    execFileSync('npm', ['pack', '--pack-destination', work, '--silent'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 })
    const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'))!
    const project = join(work, 'project')
    // The examples that require npm packages (packageFlows.ts) need them installed next to the flows: this
    // empty project has only the tarball, so it gets the others (test.test.ts runs them all from the repo).
    const needsPackages = (file: string) => file.endsWith('.json') && !file.endsWith('.continue.json')
      && (JSON.parse(readFileSync(file, 'utf8')) as { actions: Array<{ dependencies?: unknown[] }> }).actions.some((action) => action.dependencies?.length)
    cpSync(EXAMPLES, join(project, 'flows'), { recursive: true, filter: (file) => !needsPackages(file) })
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'team-login-flow', private: true, type: 'module' }))
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', join(work, tarball)], { cwd: project, encoding: 'utf8', timeout: 120_000 })

    const run = spawnSync('npx', ['actions-playground', 'run', 'flows/deny-email-domain.json', '--fail-on', 'denied'], { cwd: project, encoding: 'utf8', timeout: 60_000 })
    expect(run.stdout).toContain('DENIED: access_denied: Access to My SPA is not allowed.')
    expect(run.status).toBe(1)
    const tested = spawnSync('npx', ['actions-playground', 'test', 'flows', '--reporter', 'junit', '--output', 'junit.xml'], { cwd: project, encoding: 'utf8', timeout: 120_000 })
    expect(tested.stderr).toBe('')
    expect(tested.stdout).toMatch(/^Tests: \d+ passed, 0 failed, \d+ total/m)
    expect(tested.status).toBe(0)
    expect(readFileSync(join(project, 'junit.xml'), 'utf8')).toContain('<testsuites')
    const help = spawnSync('npx', ['actions-playground', '--help'], { cwd: project, encoding: 'utf8', timeout: 60_000 })
    expect([help.status, help.stdout]).toEqual([0, expect.stringContaining('Usage: actions-playground <command>')])
    const library = nodeModule(project, LIBRARY_PROBE) as Record<string, unknown>
    expect(library.entry).toMatch(/node_modules\/actions-playground\/dist-cli\/index\.mjs$/)
    expect(library).toMatchObject({ denied: 'denied', resumed: 'completed' })
  }, 180_000)
})
