import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createDefaultEvent } from '../triggers/post-login/defaultEvent.ts'
import { deployCliFiles } from '../engine/deployExport.ts'
import type { FlowDocument } from '../engine/flowDocument.ts'
import { emptyFlow } from '../engine/triggers.ts'
import { decodeShareLink } from '../engine/shareCodec.ts'
import type { RunResult } from '../engine/types.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

function program(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

/** Writes path → text under a fresh temporary folder and returns the folder. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'deploy-cli-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  return dir
}

const claimCode = (claim: string) => `exports.onExecutePostLogin = async (event, api) => {\n  api.idToken.setCustomClaim('https://x.test/${claim}', event.secrets.API_KEY || '${claim}');\n};\n`

const flowJson = (actions: unknown[]) => JSON.stringify({ version: 1, trigger: 'post-login', name: 'Code files', actions, event: createDefaultEvent() })

/** One line on stderr, exit code 2, nothing on stdout. */
function expectOneLineError(run: ReturnType<typeof program>, pattern: RegExp) {
  expect(run.code).toBe(2)
  expect(run.stdout).toBe('')
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
  expect(run.stderr.trimEnd()).toMatch(pattern)
}

describe('codeFile in flow files', () => {
  it('runs actions whose code is in files relative to the flow file, also above it', () => {
    const dir = folder({
      'flows/flow.json': flowJson([
        { id: 'a', name: 'Roles', codeFile: './roles.js', enabled: true },
        { id: 'b', name: 'Shared', codeFile: '../shared/claim.js', enabled: true, secrets: { API_KEY: 'from-the-flow' } },
      ]),
      'flows/roles.js': claimCode('roles'),
      'shared/claim.js': claimCode('shared'),
    })
    const run = program('run', join(dir, 'flows/flow.json'), '--json')
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const result = JSON.parse(run.stdout) as RunResult
    expect(result.status).toBe('completed')
    expect(result.idToken?.claims).toMatchObject({ 'https://x.test/roles': 'roles', 'https://x.test/shared': 'from-the-flow' })
  })

  it("gives share links the code inline (link)", () => {
    const dir = folder({ 'flow.json': flowJson([{ id: 'a', name: 'Roles', codeFile: 'roles.js', enabled: true }]), 'roles.js': claimCode('roles') })
    const run = program('link', join(dir, 'flow.json'))
    expect(run.code).toBe(0)
    const decoded = decodeShareLink(new URL(run.stdout.trim()).hash)
    expect(decoded.ok && decoded.value.actions[0]).toMatchObject({ code: claimCode('roles') })
    expect(decoded.ok && decoded.value.actions[0]).not.toHaveProperty('codeFile')
  })

  it('stops with exit 2 and one line naming the action and the path when a code file is missing or not a file', () => {
    const dir = folder({ 'flow.json': flowJson([{ id: 'a', name: 'Roles', codeFile: './actions/roles.js', enabled: true }]), 'actions/other.js': '' })
    expectOneLineError(program('run', join(dir, 'flow.json')), /actions\[0\] "Roles" takes its code from \.\/actions\/roles\.js, which cannot be read \(.*actions\/roles\.js: ENOENT\)/)
    writeFileSync(join(dir, 'flow.json'), flowJson([{ id: 'a', name: 'Roles', codeFile: './actions', enabled: true }]))
    expectOneLineError(program('run', join(dir, 'flow.json')), /"Roles" takes its code from \.\/actions, which cannot be read \(.*: not a regular file\)/)
  }, 60_000)

  it('refuses an action with both code and codeFile, or neither', () => {
    const dir = folder({ 'flow.json': flowJson([{ id: 'a', name: 'Roles', code: 'x', codeFile: './roles.js', enabled: true }]) })
    const run = program('run', join(dir, 'flow.json'))
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('actions[0].codeFile: give code or codeFile, not both')
  })
})

describe('actions-playground import-deploy', () => {
  const flow: FlowDocument = {
    version: 1, trigger: 'post-login', name: 'Tenant flow', event: createDefaultEvent(), mocks: { http: [] },
    actions: [
      { id: 'x', name: 'Deny: bad/domain?', code: claimCode('deny'), enabled: true, secrets: { API_KEY: 'value-1' } },
      { id: 'y', name: 'Roles', code: claimCode('roles'), enabled: true, secrets: { TOKEN: 'value-2', API_KEY: 'value-3' } },
      { id: 'z', name: 'Audit', code: claimCode('audit'), enabled: true, secrets: {} },
    ],
  }

  it("reads a directory the export made as the same actions, code, order and secret names, code files relative to --output", () => {
    const dir = folder(deployCliFiles(flow))
    const out = join(mkdtempSync(join(tmpdir(), 'deploy-out-')), 'nested', 'flow.json')
    mkdirSync(dirname(out))
    const run = program('import-deploy', dir, '--output', out)
    expect(run.code).toBe(0)
    expect(run.stdout).toBe(`Wrote ${out}: 3 actions (Deny: bad/domain?, Roles, Audit)\n`)
    expect(run.stderr).toMatch(/^note: secrets come by name with empty values/)
    const written = JSON.parse(readFileSync(out, 'utf8'))
    expect(written.actions.map((action: { name: string; enabled: boolean; secrets: object }) => [action.name, action.enabled, action.secrets])).toEqual([
      ['Deny: bad/domain?', true, { API_KEY: '' }],
      ['Roles', true, { TOKEN: '', API_KEY: '' }],
      ['Audit', true, {}],
    ])
    for (const [index, action] of written.actions.entries()) {
      expect(action).not.toHaveProperty('code')
      expect(action.codeFile).toMatch(/^\.\.\//)
      expect(readFileSync(resolve(dirname(out), action.codeFile), 'utf8')).toBe(flow.actions[index].code)
    }
    expect(written.event).toEqual(createDefaultEvent())
    expect(readFileSync(out, 'utf8')).not.toMatch(/value-\d/)

    // The written flow runs, reading the directory's code files.
    const result = program('run', out, '--json')
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout).idToken.claims).toMatchObject({ 'https://x.test/deny': 'deny', 'https://x.test/roles': 'roles', 'https://x.test/audit': 'audit' })
  }, 60_000)

  it('prints the flow document without --output, code files relative to the current directory', () => {
    const dir = folder(deployCliFiles(flow))
    const run = program('import-deploy', dir)
    expect(run.code).toBe(0)
    const printed = JSON.parse(run.stdout)
    expect(printed.name).toBe(dir.split(/[\\/]/).pop())
    expect(printed.actions.map((action: { codeFile: string }) => readFileSync(resolve(ROOT, action.codeFile), 'utf8'))).toEqual(flow.actions.map((action) => action.code))
  })

  it("imports post-login from a directory that also has another trigger's actions, noting it, and the other with --trigger", () => {
    const m2mCode = "exports.onExecuteCredentialsExchange = async (event, api) => {\n  api.accessToken.setCustomClaim('https://x.test/m2m', 'yes');\n};\n"
    const m2m: FlowDocument = { ...emptyFlow('credentials-exchange'), actions: [{ id: 'm', name: 'M2M claim', code: m2mCode, enabled: true, secrets: {} }] }
    const login = deployCliFiles(flow)
    const exchange = deployCliFiles(m2m)
    const triggers = { ...JSON.parse(login['triggers/triggers.json']), ...JSON.parse(exchange['triggers/triggers.json']) }
    const dir = folder({ ...login, ...exchange, 'triggers/triggers.json': JSON.stringify(triggers) })

    const byDefault = program('import-deploy', dir)
    expect(byDefault.code).toBe(0)
    expect(JSON.parse(byDefault.stdout)).toMatchObject({ trigger: 'post-login', actions: flow.actions.map((action) => ({ name: action.name })) })
    expect(byDefault.stderr).toContain('note: the directory also has actions for credentials-exchange; a flow runs one trigger, so this one imports post-login\'s: import another with actions-playground import-deploy --trigger <id>\n')

    const out = join(dir, 'm2m.flow.json')
    const run = program('import-deploy', dir, '--trigger', 'credentials-exchange', '--output', out)
    expect(run.code).toBe(0)
    expect(run.stdout).toBe(`Wrote ${out}: 1 action (M2M claim)\n`)
    expect(run.stderr).not.toContain('also has actions for')
    const written = JSON.parse(readFileSync(out, 'utf8'))
    expect(written).toMatchObject({ trigger: 'credentials-exchange', event: m2m.event, actions: [{ name: 'M2M claim', codeFile: './actions/M2M claim/code.js' }] })
    const result = program('run', out, '--json')
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout).accessToken.claims).toMatchObject({ 'https://x.test/m2m': 'yes' })
  }, 90_000)

  it('stops with exit 2 and one line for what is not a Deploy CLI directory', () => {
    const dir = folder({ 'README.md': '# not a tenant', 'broken/actions/A.json': '{ "name": "A", ', 'nocode/actions/A.json': '{ "name": "A", "code": "./actions/A/code.js" }' })
    expectOneLineError(program('import-deploy', join(dir, 'missing')), /^Cannot read the Deploy CLI directory .*missing: ENOENT$/)
    expectOneLineError(program('import-deploy', join(dir, 'README.md')), /README\.md is not a directory: import-deploy takes an Auth0 Deploy CLI directory/)
    expectOneLineError(program('import-deploy', dir), /is not a usable Auth0 Deploy CLI directory: no actions\/<name>\.json files/)
    expectOneLineError(program('import-deploy', join(dir, 'broken')), /broken is not a usable Auth0 Deploy CLI directory: actions\/A\.json: Invalid JSON at line 1/)
    expectOneLineError(program('import-deploy', join(dir, 'nocode')), /actions\/A\.json: the code file of "A", \.\/actions\/A\/code\.js, is missing$/)
    expectOneLineError(program('import-deploy'), /^import-deploy takes one directory \(got 0\)/)
    expectOneLineError(program('import-deploy', dir, '--outptu', 'x.json'), /^Unknown option --outptu for import-deploy\. Did you mean --output\?/)
    expectOneLineError(program('import-deploy', dir, '--trigger', 'post-logn'), /^Unknown trigger "post-logn" for --trigger: the playground runs post-login, pre-user-registration, credentials-exchange\.$/)
  }, 90_000)

  it('prints its usage with --help, and the program lists it', () => {
    const run = program('import-deploy', '--help')
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    expect(run.stdout).toMatch(/^Usage: actions-playground import-deploy <dir> \[--output <flow\.json>\]/)
    for (const text of ['triggers/triggers.json', '--output <flow.json>', '--trigger <id>', 'post-login, pre-user-registration, credentials-exchange', 'codeFile', 'secrets by name with empty values', '-h, --help']) expect(run.stdout).toContain(text)
    expect(program('--help').stdout).toMatch(/import-deploy\s+turn an Auth0 Deploy CLI directory into a flow file/)
  })
})
