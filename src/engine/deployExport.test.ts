import { readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { createDefaultEvent } from '../triggers/post-login/defaultEvent.ts'
import { actionDependencies, deployCliFiles, deployCliZip, requiredModules, sanitizeFileName } from './deployExport.ts'
import type { FlowAction, FlowDocument } from './flowDocument.ts'
import { PLAYGROUND_PACKAGES } from './modules/packages.ts'
import { PLAYGROUND_MODULES } from './modules/registry.ts'
import { emptyFlow } from './triggers.ts'

/** The axios this checkout installed, which the playground runs (in the browser and the CLI). */
const INSTALLED_AXIOS = JSON.parse(readFileSync(new URL('../../node_modules/axios/package.json', import.meta.url), 'utf8')).version as string

const code = (claim: string) => `exports.onExecutePostLogin = async (event, api) => {\n  api.idToken.setCustomClaim("https://x.test/${claim}", event.secrets.API_KEY);\n};\n`

const action = (id: string, name: string, enabled: boolean, secrets: Record<string, string> = {}): FlowAction => ({ id, name, code: code(id), enabled, secrets })

const flow = (actions: FlowAction[], name = 'My login flow'): FlowDocument => ({ version: 1, trigger: 'post-login', name, actions, event: createDefaultEvent(), mocks: { http: [] } })

const SECRET_VALUES = ['sk_live_first_123', 'disabled-secret-456', 'third-secret-789']

const threeActions = flow([
  action('first', 'Add roles', true, { API_KEY: SECRET_VALUES[0], OTHER: '' }),
  action('second', 'Audit log', false, { API_KEY: SECRET_VALUES[1] }),
  action('third', 'Deny: bad/domain?', true, { TOKEN: SECRET_VALUES[2] }),
])

describe('Deploy CLI export', () => {
  it('writes each action as actions/<name>.json and actions/<name>/code.js', () => {
    const files = deployCliFiles(threeActions)
    expect(Object.keys(files).sort()).toEqual([
      'actions/Add roles.json', 'actions/Add roles/code.js',
      'actions/Audit log.json', 'actions/Audit log/code.js',
      'actions/Deny- bad-domain-.json', 'actions/Deny- bad-domain-/code.js',
      'config.json.example', 'triggers/triggers.json',
    ])
    for (const [index, folder] of ['Add roles', 'Audit log', 'Deny- bad-domain-'].entries()) {
      expect(files[`actions/${folder}/code.js`]).toBe(threeActions.actions[index].code)
    }
    expect(JSON.parse(files['actions/Add roles.json'])).toEqual({
      name: 'Add roles',
      code: './actions/Add roles/code.js',
      runtime: 'node22',
      dependencies: [],
      secrets: [{ name: 'API_KEY', value: '##API_KEY##' }, { name: 'OTHER', value: '##OTHER##' }],
      supported_triggers: [{ id: 'post-login', version: 'v3' }],
      deployed: true,
    })
    expect(JSON.parse(files['actions/Deny- bad-domain-.json'])).toMatchObject({ name: 'Deny: bad/domain?', code: './actions/Deny- bad-domain-/code.js' })
  })

  it('binds only the enabled actions to post-login, in flow order', () => {
    expect(JSON.parse(deployCliFiles(threeActions)['triggers/triggers.json'])).toEqual({
      'post-login': [
        { action_name: 'Add roles', display_name: 'Add roles' },
        { action_name: 'Deny: bad/domain?', display_name: 'Deny: bad/domain?' },
      ],
    })
  })

  it.each([
    ['credentials-exchange', 'v2', 'onExecuteCredentialsExchange'],
    ['pre-user-registration', 'v2', 'onExecutePreUserRegistration'],
  ])('writes a %s flow for its trigger: supported_triggers at %s, its bindings under its key', (trigger, version, handler) => {
    const actions = [action('a', 'Checks', true), action('b', 'Off', false)].map((item) => ({ ...item, code: `exports.${handler} = async () => {}\n` }))
    const files = deployCliFiles({ ...emptyFlow(trigger), actions })
    for (const name of ['Checks', 'Off']) expect(JSON.parse(files[`actions/${name}.json`]).supported_triggers).toEqual([{ id: trigger, version }])
    expect(JSON.parse(files['triggers/triggers.json'])).toEqual({ [trigger]: [{ action_name: 'Checks', display_name: 'Checks' }] })
  })

  it('never writes a secret value', () => {
    const all = Object.values(deployCliFiles(threeActions)).join('\n')
    for (const secret of SECRET_VALUES) expect(all).not.toContain(secret)
  })

  it('gives actions that share a name (even only in case or once made safe) their own name and folder', () => {
    const files = deployCliFiles(flow([action('a', 'Audit', true), action('b', 'audit', true), action('c', 'A/B', true), action('d', 'A-B', true), action('e', '  ', true)]))
    expect(JSON.parse(files['triggers/triggers.json'])['post-login'].map((binding: { action_name: string }) => binding.action_name))
      .toEqual(['Audit', 'audit (2)', 'A/B', 'A-B (2)', 'e'])
    expect(Object.keys(files).filter((path) => path.endsWith('.json') && path.startsWith('actions/')).sort())
      .toEqual(['actions/A-B (2).json', 'actions/A-B.json', 'actions/Audit.json', 'actions/audit (2).json', 'actions/e.json'])
  })

  it('makes names safe the way sanitize-filename does for the Deploy CLI', () => {
    expect(sanitizeFileName('a/b\\c:d*e?f"g<h>i|j')).toBe('a-b-c-d-e-f-g-h-i-j')
    expect(sanitizeFileName('tab\there\u0085')).toBe('tab-here-')
    expect(sanitizeFileName('..')).toBe('-')
    expect(sanitizeFileName('CON')).toBe('-')
    expect(sanitizeFileName('lpt1.txt')).toBe('-')
    expect(sanitizeFileName('trailing. ')).toBe('trailing-')
    expect(sanitizeFileName('Émoji 😀 ok')).toBe('Émoji 😀 ok')
    expect(new TextEncoder().encode(sanitizeFileName('😀'.repeat(100))).length).toBe(252)
  })

  it('zips the same files under a folder named after the flow', () => {
    const files = deployCliFiles(threeActions)
    const unzipped = unzipSync(deployCliZip(threeActions))
    expect(Object.fromEntries(Object.entries(unzipped).map(([path, bytes]) => [path, strFromU8(bytes)])))
      .toEqual(Object.fromEntries(Object.entries(files).map(([path, text]) => [`My login flow/${path}`, text])))
    expect(Object.keys(unzipSync(deployCliZip(flow(threeActions.actions, 'a/b: c'))))[0]).toMatch(/^a-b- c\//)
    expect(Object.keys(unzipSync(deployCliZip(flow(threeActions.actions, ' '))))[0]).toMatch(/^flow\//)
  })

  it('writes as dependencies the npm packages an action requires, at the version the playground runs', () => {
    expect(PLAYGROUND_PACKAGES).toEqual({ axios: INSTALLED_AXIOS })
    // Every module action code can require is Node's own or one of these packages, so none is left out of dependencies.
    for (const name of PLAYGROUND_MODULES) expect(builtinModules.includes(name) || Object.hasOwn(PLAYGROUND_PACKAGES, name), name).toBe(true)
    const axiosCode = "const axios = require('axios');\nconst crypto = require('node:crypto');\nexports.onExecutePostLogin = async () => { await axios.get('https://x.test') };\n"
    const files = deployCliFiles(flow([
      { ...action('a', 'Calls out', true), code: axiosCode },
      { ...action('b', 'Hashes', true), code: "const { createHash } = require('crypto'); exports.onExecutePostLogin = async () => {}" },
      { ...action('c', 'Mentions axios', false), code: "// require('axios') once, not now\nconst text = \"require('axios')\"; exports.onExecutePostLogin = async () => {}" },
    ]))
    expect(JSON.parse(files['actions/Calls out.json']).dependencies).toEqual([{ name: 'axios', version: INSTALLED_AXIOS }])
    expect(JSON.parse(files['actions/Hashes.json']).dependencies).toEqual([])
    expect(JSON.parse(files['actions/Mentions axios.json']).dependencies).toEqual([])
  })

  it('writes the dependencies an action declares, with axios when its code requires it and it does not declare it', () => {
    const files = deployCliFiles(flow([
      { ...action('a', 'Verifies', true), code: "const jwt = require('jsonwebtoken'); const axios = require('axios'); exports.onExecutePostLogin = async () => {}", dependencies: [{ name: 'jsonwebtoken', version: '9.0.3' }, { name: 'jwks-rsa', version: '4.1.0', extra: true } as never] },
      { ...action('b', 'Pins axios', true), code: "const axios = require('axios'); exports.onExecutePostLogin = async () => {}", dependencies: [{ name: 'axios', version: '1.7.0' }] },
      { ...action('c', 'Declares only', true), dependencies: [{ name: 'lodash', version: '4.18.1' }] },
    ]))
    expect(JSON.parse(files['actions/Verifies.json']).dependencies).toEqual([
      { name: 'axios', version: INSTALLED_AXIOS }, { name: 'jsonwebtoken', version: '9.0.3' }, { name: 'jwks-rsa', version: '4.1.0' },
    ])
    expect(JSON.parse(files['actions/Pins axios.json']).dependencies).toEqual([{ name: 'axios', version: '1.7.0' }])
    expect(JSON.parse(files['actions/Declares only.json']).dependencies).toEqual([{ name: 'lodash', version: '4.18.1' }])
  })

  it('finds the modules code requires by name, whatever the quotes, and in code that does not parse', () => {
    expect(requiredModules("const a = require('axios'); const b = require(\"node:url\"); const c = require(`util`); require(name); other('x')")).toEqual(['axios', 'url', 'util'])
    expect(requiredModules("const a = require('axios'); exports.onExecutePostLogin = async (event, api) => {")).toEqual(['axios'])
    expect(actionDependencies("require('lodash'); require('axios'); require('axios')")).toEqual([{ name: 'axios', version: INSTALLED_AXIOS }])
  })

  it('adds config.json.example: every secret keyword for AUTH0_KEYWORD_REPLACE_MAPPINGS, only actions and triggers included', () => {
    const files = deployCliFiles(threeActions)
    const config = JSON.parse(files['config.json.example'])
    expect(config.AUTH0_INCLUDED_ONLY).toEqual(['actions', 'triggers'])
    expect(config.AUTH0_KEYWORD_REPLACE_MAPPINGS).toEqual({ API_KEY: '', OTHER: '', TOKEN: '' })
    expect(config.AUTH0_ALLOW_DELETE).toBe(false)
    expect(Object.keys(config)).toEqual(['AUTH0_DOMAIN', 'AUTH0_CLIENT_ID', 'AUTH0_ALLOW_DELETE', 'AUTH0_INCLUDED_ONLY', 'AUTH0_KEYWORD_REPLACE_MAPPINGS'])
    // Each keyword the action files use is there, and no other.
    const used = new Set(Object.entries(files).filter(([path]) => path.startsWith('actions/') && path.endsWith('.json'))
      .flatMap(([, text]) => [...text.matchAll(/##(\w+)##/g)].map((match) => match[1])))
    expect(new Set(Object.keys(config.AUTH0_KEYWORD_REPLACE_MAPPINGS))).toEqual(used)
    expect(JSON.parse(deployCliFiles(flow([action('a', 'A', true)]))['config.json.example']).AUTH0_KEYWORD_REPLACE_MAPPINGS).toEqual({})
  })
})
