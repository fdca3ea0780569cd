/**
 * The export checked by the Auth0 Deploy CLI itself (the auth0-deploy-cli dev dependency), offline, with no tenant:
 * its DirectoryContext loads the exported folder into assets as `a0deploy import` does (keyword replacement from
 * config.json.example's AUTH0_KEYWORD_REPLACE_MAPPINGS, only the types of AUTH0_INCLUDED_ONLY), then its Auth0
 * class validates them as `a0deploy import` does before touching the tenant: the JSON schema of every asset type,
 * then each included handler's own checks (unique names). Compiling that schema takes a while (it holds every
 * prompt text of every language), so it is done once.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createDefaultEvent } from '../triggers/post-login/defaultEvent.ts'
import { deployCliFiles } from './deployExport.ts'
import type { FlowDocument } from './flowDocument.ts'
import { PLAYGROUND_PACKAGES } from './modules/packages.ts'
import { emptyFlow } from './triggers.ts'

const require = createRequire(import.meta.url)

interface Assets {
  actions: { name: string; code: string; runtime: string; dependencies: unknown[]; secrets: { name: string; value?: string }[]; supported_triggers: unknown[]; deployed: boolean }[]
  triggers: Record<string, { action_name: string; display_name: string }[]>
  [type: string]: unknown
}
type DirectoryContext = new (config: Record<string, unknown>, client: unknown) => { loadAssetsFromLocal(): Promise<void>; assets: Assets }
type Auth0 = new (client: unknown, assets: Assets, config: (key: string) => unknown) => { validate(): Promise<void>; handlers: { type: string }[] }

let Context: DirectoryContext
let Auth0Tools: Auth0
let actionsSchema: object

beforeAll(() => {
  const logger = require('auth0-deploy-cli/lib/logger').default as { level: string }
  logger.level = 'error'
  Context = require('auth0-deploy-cli/lib/context/directory').default
  Auth0Tools = require('auth0-deploy-cli/lib/tools/auth0').default
  actionsSchema = require('auth0-deploy-cli/lib/tools/auth0/handlers/actions').schema
})

const AXIOS_CODE = "const axios = require('axios');\nexports.onExecutePostLogin = async (event, api) => {\n  const { data } = await axios.get('https://x.test', { headers: { key: event.secrets.API_KEY } });\n  api.idToken.setCustomClaim('https://x.test/data', data);\n};\n"
const PLAIN_CODE = "exports.onExecutePostLogin = async (event, api) => {\n  if (event.secrets.TOKEN) api.access.deny('no');\n};\n"

const doc: FlowDocument = {
  version: 1, trigger: 'post-login', name: 'Checked by a0deploy', event: createDefaultEvent(), mocks: { http: [] },
  actions: [
    { id: 'a', name: 'Calls out', code: AXIOS_CODE, enabled: true, secrets: { API_KEY: 'tested-value' } },
    { id: 'b', name: 'Audit', code: PLAIN_CODE, enabled: false, secrets: { TOKEN: 't', API_KEY: 'other' } },
    { id: 'c', name: 'Deny: bad/domain?', code: PLAIN_CODE, enabled: true, secrets: {}, dependencies: [{ name: 'jsonwebtoken', version: '9.0.3' }, { name: '@xmldom/xmldom', version: '0.9.12' }] },
  ],
}

/** The exported files in a fresh folder, as unzipped. */
function exportToFolder(flow: FlowDocument): string {
  const dir = mkdtempSync(join(tmpdir(), 'a0deploy-'))
  for (const [path, text] of Object.entries(deployCliFiles(flow))) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  return dir
}

describe('the Deploy CLI export, loaded and validated by auth0-deploy-cli', () => {
  it('loads as the flow: actions with their code, dependencies and secrets from the keyword mappings, post-login bindings in order; and passes validation', async () => {
    const dir = exportToFolder(doc)
    const example = JSON.parse(deployCliFiles(doc)['config.json.example'])
    const mappings = Object.fromEntries(Object.keys(example.AUTH0_KEYWORD_REPLACE_MAPPINGS).map((keyword) => [keyword, `value of ${keyword}`]))
    const config = { ...example, AUTH0_INPUT_FILE: dir, AUTH0_KEYWORD_REPLACE_MAPPINGS: mappings }
    const context = new Context(config, {})
    await context.loadAssetsFromLocal()
    const { actions, triggers } = context.assets
    // AUTH0_INCLUDED_ONLY: only actions and triggers are read.
    expect(Object.keys(context.assets).filter((key) => context.assets[key] != null).sort()).toEqual(['actions', 'exclude', 'include', 'triggers'])
    expect(actions.map((action) => action.name).sort()).toEqual(['Audit', 'Calls out', 'Deny: bad/domain?'])
    const byName = Object.fromEntries(actions.map((action) => [action.name, action]))
    expect(byName['Calls out']).toEqual({
      name: 'Calls out', code: AXIOS_CODE, runtime: 'node22', deployed: true,
      dependencies: [{ name: 'axios', version: PLAYGROUND_PACKAGES.axios }],
      secrets: [{ name: 'API_KEY', value: 'value of API_KEY' }],
      supported_triggers: [{ id: 'post-login', version: 'v3' }],
    })
    expect(byName.Audit.secrets).toEqual([{ name: 'TOKEN', value: 'value of TOKEN' }, { name: 'API_KEY', value: 'value of API_KEY' }])
    expect(byName['Deny: bad/domain?'].code).toBe(PLAIN_CODE)
    expect(byName['Deny: bad/domain?'].dependencies).toEqual([{ name: '@xmldom/xmldom', version: '0.9.12' }, { name: 'jsonwebtoken', version: '9.0.3' }])
    expect(byName.Audit.dependencies).toEqual([])
    expect(triggers).toEqual({ 'post-login': [{ action_name: 'Calls out', display_name: 'Calls out' }, { action_name: 'Deny: bad/domain?', display_name: 'Deny: bad/domain?' }] })
    // No keyword is left unreplaced, and no secret value of the playground reached the files.
    expect(JSON.stringify(context.assets)).not.toMatch(/##\w+##|tested-value/)

    const auth0 = new Auth0Tools({}, context.assets, (key) => config[key])
    expect(auth0.handlers.map((handler) => handler.type).sort()).toEqual(['actions', 'triggers'])
    await expect(auth0.validate()).resolves.toBeUndefined()
  }, 180_000)

  it.each([
    ['pre-user-registration', 'v2', 'onExecutePreUserRegistration'],
    ['credentials-exchange', 'v2', 'onExecuteCredentialsExchange'],
  ])('loads a %s flow as actions of that trigger at %s, bound to it, and passes validation', async (trigger, version, handler) => {
    const code = `exports.${handler} = async (event, api) => {};\n`
    const flow: FlowDocument = {
      ...emptyFlow(trigger),
      actions: [{ id: 'a', name: 'Checks', code, enabled: true, secrets: { API_KEY: 'tested-value' } }, { id: 'b', name: 'Off', code, enabled: false, secrets: {} }],
    }
    const example = JSON.parse(deployCliFiles(flow)['config.json.example'])
    const config = { ...example, AUTH0_INPUT_FILE: exportToFolder(flow), AUTH0_KEYWORD_REPLACE_MAPPINGS: { API_KEY: 'value' } }
    const context = new Context(config, {})
    await context.loadAssetsFromLocal()
    const { actions, triggers } = context.assets
    expect(actions.map((action) => [action.name, action.supported_triggers])).toEqual([['Checks', [{ id: trigger, version }]], ['Off', [{ id: trigger, version }]]])
    expect(triggers).toEqual({ [trigger]: [{ action_name: 'Checks', display_name: 'Checks' }] })
    await expect(new Auth0Tools({}, context.assets, (key) => config[key]).validate()).resolves.toBeUndefined()
  }, 180_000)

  it("has a schema that would refuse a wrong action file (so passing it means something)", () => {
    const Ajv = require(require.resolve('ajv/lib/ajv', { paths: [dirname(require.resolve('auth0-deploy-cli/package.json'))] }))
    const validate = new Ajv({ useDefaults: true, nullable: true }).compile(actionsSchema)
    const exported = JSON.parse(deployCliFiles(doc)['actions/Calls out.json'])
    expect(validate([{ ...exported, code: AXIOS_CODE }])).toBe(true)
    expect(validate([{ ...exported, code: AXIOS_CODE, dependencies: [{ name: 'axios', version: 1 }] }])).toBe(false)
    const { supported_triggers: _, ...withoutTriggers } = exported
    expect(validate([{ ...withoutTriggers, code: AXIOS_CODE }])).toBe(false)
  })
})
