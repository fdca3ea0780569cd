/**
 * The pre-user-registration examples through the CLI, as a user runs them: each written to a file, `test` on the
 * files passes every flow test, and `run` prints the summary of a denied and of a completed signup.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseFlowDocument } from '../../engine/flowDocument.ts'
import { EXAMPLES } from './examples.ts'
import { BLANK_ACTION, TEMPLATES } from './templates.ts'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const MAIN = join(ROOT, 'src/cli/main.ts')
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href

function cli(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, ['--import', TSX, MAIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000 })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

function exampleFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pre-user-registration-'))
  for (const example of EXAMPLES) writeFileSync(join(dir, `${example.slug}.json`), `${JSON.stringify(example.document, null, 2)}\n`)
  return dir
}

describe('pre-user-registration examples and templates', () => {
  it('are valid flow documents of the trigger, with tests', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(3)
    for (const example of EXAMPLES) {
      const parsed = parseFlowDocument(JSON.stringify(example.document))
      expect(parsed.ok ? parsed.warnings : parsed.errors, example.slug).toEqual([])
      expect(example.document.trigger).toBe('pre-user-registration')
      expect(example.document.tests?.length, example.slug).toBeGreaterThan(0)
    }
    for (const template of [BLANK_ACTION, ...TEMPLATES]) expect(template.code).toContain('exports.onExecutePreUserRegistration = async (event, api) =>')
    expect(new Set(TEMPLATES.map((template) => template.slug)).size).toBe(TEMPLATES.length)
  })

  it('pass their flow tests with the CLI\'s test command, each file named', () => {
    const dir = exampleFolder()
    const run = cli(['test', ...EXAMPLES.map((example) => `${example.slug}.json`)], dir)
    expect(run.stderr).toBe('')
    const total = EXAMPLES.reduce((sum, example) => sum + example.document.tests!.length, 0)
    expect(run.stdout).toMatch(new RegExp(`^Tests: ${total} passed, 0 failed, ${total} total \\(${EXAMPLES.length} flows\\)$`, 'm'))
    expect(run.code).toBe(0)
  })

  it('are found in a folder by the CLI\'s test command', () => {
    const run = cli(['test', '.'], exampleFolder())
    expect([run.code, run.stderr]).toEqual([0, ''])
    expect(run.stdout).toMatch(new RegExp(`\\(${EXAMPLES.length} flows\\)$`, 'm'))
  })

  it('run with the CLI\'s run command: a deny shows the user message, a signup the created user\'s metadata', () => {
    const dir = exampleFolder()
    const denied = cli(['run', 'deny-disposable-email.json', '--now', '2026-11-23T12:00:00Z'], dir)
    expect([denied.code, denied.stderr]).toEqual([0, ''])
    expect(denied.stdout).toContain('DENIED: extensibility_error: disposable_email_domain: mailinator.com')
    expect(denied.stdout).toContain('User message: Please sign up with a permanent email address.')

    const created = cli(['run', 'signup-default-plan.json', '--now', '2026-11-23T12:00:00Z'], dir)
    expect([created.code, created.stderr]).toEqual([0, ''])
    expect(created.stdout).toMatch(/^COMPLETED$/m)
    expect(created.stdout).toContain('User created: app_metadata {"plan":"free","signup_client":"My SPA"}, user_metadata {"locale":"en"}')
  })
})
