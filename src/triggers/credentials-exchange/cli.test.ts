/** The CLI runs the credentials-exchange examples: `test` passes every flow test, `run` prints the access token. */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { M2M_CLIENT_ID } from './event.ts'
import { EXAMPLES } from './examples.ts'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const MAIN = join(ROOT, 'src/cli/main.ts')
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href

function cli(args: string[]) {
  const run = spawnSync(process.execPath, ['--import', TSX, MAIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

function writeExamples(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cx-flows-'))
  for (const example of EXAMPLES) writeFileSync(join(dir, `${example.slug}.flow.json`), JSON.stringify(example.document, null, 2))
  return dir
}

describe('actions-playground with credentials-exchange flows', () => {
  it('test: every example\'s flow tests pass', () => {
    const dir = writeExamples()
    const run = cli(['test', dir])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const total = EXAMPLES.reduce((sum, example) => sum + (example.document.tests?.length ?? 0), 0)
    expect(run.stdout).toContain(`Tests: ${total} passed, 0 failed, ${total} total (${EXAMPLES.length} flows)`)
  }, 120_000)

  it('run: prints the outcome and the access token', () => {
    const dir = writeExamples()
    const run = cli(['run', join(dir, 'm2m-claims.flow.json'), '--now', '2026-11-23T12:00:00Z'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('COMPLETED')
    expect(run.stdout).not.toContain('Profile writes')
    expect(run.stdout).toContain('Access token scope: read:reports read:users')
    expect(run.stdout).toContain(`"sub":"${M2M_CLIENT_ID}@clients"`)
    expect(run.stdout).toContain('"gty":"client-credentials"')
    expect(run.stdout).toMatch(/^Access token: [\w-]+\.[\w-]+\.[\w-]+$/m)
  }, 120_000)
})
