import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { decodeShareLink, shareUrl } from '../engine/shareCodec.ts'
import { withoutSecretValues } from '../engine/secrets.ts'
import type { RunResult } from '../engine/types.ts'
import { ESCAPE_ATTEMPTS, PARENT_SECRET, escapeFlow } from '../runtime/sandbox/escapeAttempts.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const FLOWS = 'src/examples/flows'
const MONDAY = '2026-11-23T12:00:00Z'
const SATURDAY = '2026-11-28T12:00:00Z'

/** The program with these arguments. */
function program(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

/** `run` with these arguments. */
const cli = (...args: string[]) => program('run', ...args)

function json(...args: string[]): RunResult {
  const run = cli(...args, '--json')
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  const { schemaVersion, ...result } = JSON.parse(run.stdout)
  expect(schemaVersion).toBe(2)
  return result
}

const flow = (slug: string) => `${FLOWS}/${slug}.json`
const readJson = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'))

/** The CLI with a secret in its environment, run in the background. */
function cliWithSecret(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'run', ...args], { cwd: ROOT, env: { ...process.env, [PARENT_SECRET.name]: PARENT_SECRET.value } })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk })
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

describe('actions-playground run', () => {
  it('runs the Login-trigger examples of the reference', () => {
    expect(json(flow('deny-email-domain'))).toMatchObject({ status: 'denied', error: { code: 'access_denied', description: 'Access to My SPA is not allowed.' } })
    expect(json(flow('weekdays-only'), '--now', MONDAY).status).toBe('completed')
    expect(json(flow('weekdays-only'), '--now', SATURDAY)).toMatchObject({ status: 'denied', error: { description: 'This app is only available during the week.' } })
    expect(json(flow('deny-api-audience')).error?.description).toBe('end_users_not_allowed')
    const roles = json(flow('roles-into-tokens'))
    expect(roles.idToken?.claims).toMatchObject({ 'https://my-app.example.com/roles': ['admin', 'editor'] })
    expect(roles.accessToken?.claims).toMatchObject({ 'https://my-app.example.com/roles': ['admin', 'editor'] })
    expect(json(flow('set-user-metadata')).profileUpdates).toEqual({ count: 1, writes: [{ when: 'end', app_metadata: {}, user_metadata: { favorite_color: 'blue' } }] })
    expect(json(flow('mfa-for-continent')).mfa).toMatchObject({ required: true, provider: 'any' })
    expect(json(flow('skip-mfa-after-passkey')).mfa).toMatchObject({ required: false, provider: 'none' })
    expect(json(flow('add-scope-for-audience')).accessToken?.scope).toBe('openid profile email read:xyz')
    const legacy = json(flow('lazy-migration'))
    expect(legacy.user.app_metadata).toMatchObject({ LEGACY_METADATA: 'legacy|4242' })
    expect(legacy.http[0]).toMatchObject({ method: 'GET', url: 'https://legacy.example.com/legacy-users?email=j%2Bsmith%40example.com', status: 200, mock: 0 })
  })

  it('runs the redirect round trip with --continue', () => {
    const result = json(flow('favorite-color-redirect'), '--continue', `${FLOWS}/favorite-color-redirect.continue.json`)
    expect(result.status).toBe('completed')
    expect(result.actions.map((action) => [action.status, action.phases])).toEqual([['ok', ['execute', 'continue']], ['ok', ['execute']]])
    expect(result.user.user_metadata).toMatchObject({ favorite_color: 'purple' })
    const suspended = json(flow('favorite-color-redirect'))
    expect(suspended.status).toBe('suspended')
    expect(new URL(suspended.redirect!.url).searchParams.get('state')).toBe(suspended.redirect!.state)
  })

  it('fails a continue with the wrong state with invalid_request', () => {
    const result = json(flow('favorite-color-redirect'), '--continue', `${FLOWS}/favorite-color-redirect.wrong-state.continue.json`)
    expect(result).toMatchObject({ status: 'failed', error: { code: 'invalid_request' } })
  })

  it('reports a deny, a throw with its line, and later actions skipped', () => {
    const denied = json(flow('deny-skips-later-actions'))
    expect(denied.actions.map((action) => action.status)).toEqual(['ok', 'denied', 'skipped'])
    expect(denied.user.app_metadata).toMatchObject({ last_login_app: 'My SPA' })
    const thrown = json(flow('throw-fails-login'))
    expect(thrown).toMatchObject({ status: 'failed', error: { code: 'access_denied', description: "Cannot read properties of undefined (reading 'favorite_color')", line: 7 } })
  })

  it('stops an endless loop at the time limit', () => {
    const started = Date.now()
    const result = json(flow('endless-loop'), '--time-limit', '1500')
    expect(Date.now() - started).toBeLessThan(15_000)
    expect(result).toMatchObject({ status: 'failed', error: { code: 'access_denied', timeout: true } })
    expect(result.actions[0].status).toBe('failed')
  })

  it('gives the same result for the same --now and --seed', () => {
    const strip = (result: RunResult) => ({ ...result, actions: result.actions.map((action) => ({ ...action, durationMs: 0 })), idToken: result.idToken?.claims, accessToken: result.accessToken?.claims, jwks: null })
    const args = [flow('favorite-color-redirect'), '--now', MONDAY, '--seed', '42']
    expect(strip(json(...args))).toEqual(strip(json(...args)))
  })

  it('prints a readable summary', () => {
    const run = cli(flow('deny-skips-later-actions'))
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('DENIED: access_denied: Access to My SPA is not allowed.')
    expect(run.stdout).toMatch(/3\. Roles into tokens\s+skipped/)
    expect(run.stdout).toContain('+ last_login_app: "My SPA"')
  })

  it('prints every statement with --steps, across the redirect, explaining each call once and masking secret values', () => {
    const slug = 'favorite-color-redirect'
    const run = cli(flow(slug), '--continue', `${FLOWS}/${slug}.continue.json`, '--steps', '--now', MONDAY, '--seed', '1')
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const steps = run.stdout.slice(run.stdout.indexOf('\nSteps ('))
    const at = (text: string) => {
      expect(steps).toContain(text)
      return steps.indexOf(text)
    }
    const order = [
      at('execute · line 7: if (event.user.user_metadata.favorite_color) {\n      The condition is false: line 8 is skipped.'),
      at('The flow pauses: the user leaves for https://my-app.example.com/?session_token='),
      at('Ask for a favorite color · after /continue · line 5 · top level: exports.onExecutePostLogin'),
      at('after /continue · line 35: api.user.setUserMetadata("favorite_color", payload.favorite_color);\n      api.user.setUserMetadata("favorite_color", "purple")'),
      at('Auth0 issues the tokens'),
    ]
    expect(order).toEqual([...order].sort((a, b) => a - b))
    expect(steps.split('\n      api.user.setAppMetadata(').length - 1).toBe(2)
    expect(steps.split('setAppMetadata queues the change').length - 1).toBe(1)
    expect(steps.split('Top-level code runs again').length - 1).toBe(1)
    const secret = readJson(flow(slug)).actions[0].secrets.MY_SHARED_SECRET as string
    expect(secret.length).toBeGreaterThan(4)
    expect(run.stdout).not.toContain(secret)
    expect(steps).toContain('api.redirect.encodeToken({"secret":"•••• (MY_SHARED_SECRET)"')
    expect(cli(flow(slug)).stdout).not.toContain('Steps (')
  })

  it('keeps the steps in the result with --json --steps, and the secret values as they are', () => {
    const result = json(flow('favorite-color-redirect'), '--steps')
    expect(result.steps!.map((step) => step.line).slice(0, 3)).toEqual([5, 29, 7])
    expect(result.timeline.some((entry) => JSON.stringify(entry.args).includes(readJson(flow('favorite-color-redirect')).actions[0].secrets.MY_SHARED_SECRET))).toBe(true)
  })

  it('prints a warning by its message in the summary, and as its code, values and message with --json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flow-cli-'))
    const doc = readJson(flow('signup-default-plan'))
    const file = join(dir, 'passwordless.json')
    writeFileSync(file, JSON.stringify({ ...doc, event: { ...doc.event, connection: { id: 'con_1', name: 'email', strategy: 'email' } } }))
    const message = 'Set a default plan: Auth0 does not add metadata to passwordless users in pre-user-registration (connection strategy "email"), so the user is created without it.'
    expect(cli(file).stdout).toContain(`Warnings:\n  ! ${message}\n`)
    expect(json(file).warnings).toEqual([{ code: 'passwordless-metadata-ignored', action: 'Set a default plan', strategy: 'email', message }])
  })

  it('reports every escape attempt as a failed flow with its error, and exits 0 as for any failed flow', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flow-cli-'))
    const queue = [...ESCAPE_ATTEMPTS]
    const runs: { attempt: (typeof ESCAPE_ATTEMPTS)[number]; run: Awaited<ReturnType<typeof cliWithSecret>> }[] = []
    // Two at a time, as the machine has two cores.
    await Promise.all([1, 2].map(async () => {
      for (let attempt = queue.shift(); attempt; attempt = queue.shift()) {
        const file = join(dir, `escape-${ESCAPE_ATTEMPTS.indexOf(attempt)}.json`)
        writeFileSync(file, JSON.stringify(escapeFlow(attempt)))
        runs.push({ attempt, run: await cliWithSecret(file) })
      }
    }))
    expect(runs).toHaveLength(ESCAPE_ATTEMPTS.length)
    for (const { attempt, run } of runs) {
      expect(run.stderr, attempt.name).toBe('')
      expect(run.code, attempt.name).toBe(0)
      expect(run.stdout, attempt.name).toMatch(new RegExp(`^FAILED: access_denied: ${attempt.error.source.replace(/^\^/, '')}`, 'm'))
      expect(run.stdout).not.toContain(PARENT_SECRET.value)
    }
  }, 120_000)

  it('prints its options and what a flow can and cannot do with --help or -h', () => {
    for (const flag of ['--help', '-h']) {
      const run = cli(flag)
      expect(run.code).toBe(0)
      expect(run.stderr).toBe('')
      for (const option of ['--json', '--continue <file>', '--now <ISO time>', '--seed <n>', '--time-limit <ms>', '-h, --help']) expect(run.stdout).toContain(option)
      expect(run.stdout).toMatch(/What it cannot: the environment, files, the network, child processes/)
    }
  })

  it('warns on stderr about an event that does not match the event schema, and runs it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flow-cli-'))
    const doc = readJson(flow('roles-into-tokens'))
    const file = join(dir, 'odd-event.json')
    writeFileSync(file, JSON.stringify({ ...doc, event: { ...doc.event, user: { ...doc.event.user, email_verified: 'yes' } } }))
    const run = cli(file)
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(/^warning: event\.user\.email_verified: expected boolean, received string$/m)
    expect(run.stdout).toContain('COMPLETED')
  })

  it('exits 2 with a clear message for unreadable input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flow-cli-'))
    const write = (name: string, text: string) => { const path = join(dir, name); writeFileSync(path, text); return path }
    const cases: [string[], RegExp][] = [
      [[join(dir, 'missing.json')], /Cannot read the flow file .*missing\.json: ENOENT/],
      [[write('bad.json', '{\n  "version": 1,\n  oops\n}')], /Invalid JSON at line 3, column 3/],
      [[write('shape.json', JSON.stringify({ version: 1, trigger: 'post-login', name: 'x', actions: [{ id: 'a' }], event: {} }))], /actions\[0\]\.name: .*expected string/],
      [[flow('favorite-color-redirect'), '--continue', write('c.json', '[1]')], /a continue request is a JSON object/],
      [[write('event.json', JSON.stringify({ ...readJson(flow('roles-into-tokens')), event: { ...readJson(flow('roles-into-tokens')).event, user: 42 } }))], /event\.user: expected object, received number/],
      [[flow('favorite-color-redirect'), '--continue', write('empty-secret.json', '{ "sessionToken": { "secret": "" } }')], /^\S*empty-secret\.json: sessionToken\.secret is empty: [^\n]*\n$/],
      [[flow('roles-into-tokens'), '--now', 'yesterday'], /--now must be an ISO time/],
      [[], /^run takes one flow file \(got 0\)\. See 'actions-playground run --help'\.\n$/],
      [[flow('roles-into-tokens'), '--jsn'], /^Unknown option --jsn for run\. Did you mean --json\? See 'actions-playground run --help'\.\n$/],
      [[flow('roles-into-tokens'), '--fail-on', 'denied,lost'], /--fail-on takes a comma-separated list of denied, failed, suspended \(got "denied,lost"\)/],
    ]
    for (const [args, message] of cases) {
      const run = cli(...args)
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.stderr).toMatch(message)
      expect(run.stdout).toBe('')
    }
  })

  it('exits 1 on an outcome --fail-on lists, 0 on others', () => {
    const denied = cli(flow('deny-email-domain'), '--fail-on', 'denied')
    expect(denied.code).toBe(1)
    expect(denied.stdout).toContain('DENIED')
    expect(denied.stderr).toBe('The flow ended denied, which --fail-on lists.\n')
    expect(cli(flow('deny-email-domain'), '--fail-on', 'failed,suspended').code).toBe(0)
    expect(cli(flow('roles-into-tokens'), '--fail-on', 'denied,failed,suspended').code).toBe(0)
    expect(cli(flow('favorite-color-redirect'), '--fail-on=suspended', '--json').code).toBe(1)
  })
})

describe('actions-playground', () => {
  it('lists its commands with --help, and refuses an unknown command with a hint', () => {
    const help = program('--help')
    expect(help.code).toBe(0)
    for (const command of ['run', 'link']) expect(help.stdout).toMatch(new RegExp(`^  ${command} +\\S`, 'm'))
    const none = program()
    expect([none.code, none.stdout]).toEqual([2, ''])
    expect(none.stderr).toContain('Usage: actions-playground <command>')
    const typo = program('rnu', flow('starter'))
    expect([typo.code, typo.stderr]).toEqual([2, "Unknown command 'rnu'. Did you mean 'run'? See 'actions-playground --help'.\n"])
  })

  it('prints the share link of a flow file, which the app decodes to the same flow without secret values', () => {
    const link = program('link', flow('lazy-migration'), '--base', 'https://playground.example.com/app/')
    expect(link.code).toBe(0)
    const url = new URL(link.stdout.trim())
    expect(url.origin + url.pathname).toBe('https://playground.example.com/app/')
    const decoded = decodeShareLink(url.hash.slice(1))
    expect(decoded.ok && decoded.value).toEqual(withoutSecretValues(readJson(flow('lazy-migration'))))
    // The Share button makes its link with the same shareUrl (e2e/share.spec.ts compares the two in the app).
    expect(link.stdout).toBe(`${shareUrl(readJson(flow('lazy-migration')), 'https://playground.example.com/app/')}\n`)
    expect(program('link', flow('starter')).stdout).toMatch(/^http:\/\/localhost:5173\/#v2\./)
    expect(program('link', flow('starter'), '--base', 'not a url')).toMatchObject({ code: 2, stderr: '--base must be a URL such as https://playground.example.com/ (got "not a url")\n' })
    expect(program('link', '--help').stdout).toMatch(/^Usage: actions-playground link <flow\.json>/)
  })
})
