import { describe, expect, it } from 'vitest'
import { createDefaultEvent } from '../triggers/post-login/defaultEvent.ts'
import { deployCliFiles } from './deployExport.ts'
import { findDeployRoot, importDeployDirectory, importFiles, joinPath, normalizePath, type Files } from './deployImport.ts'
import type { FlowAction, FlowDocument } from './flowDocument.ts'
import { PLAYGROUND_PACKAGES } from './modules/packages.ts'
import { emptyFlow, triggerOf } from './triggers.ts'

const code = (name: string) => `exports.onExecutePostLogin = async (event, api) => {\n  api.idToken.setCustomClaim("https://x.test/${name}", true);\n};\n`

/** One action of a Deploy CLI directory, as a0deploy export writes it. */
function actionFiles(name: string, extra: Record<string, unknown> = {}, folder = name): Files {
  return {
    [`actions/${folder}.json`]: JSON.stringify({
      name, code: `./actions/${folder}/code.js`, runtime: 'node22', dependencies: [], secrets: [], supported_triggers: [{ id: 'post-login', version: 'v3' }], deployed: true, ...extra,
    }),
    [`actions/${folder}/code.js`]: code(name),
  }
}

const M2M = { supported_triggers: [{ id: 'credentials-exchange', version: 'v2' }] }

const triggers = (postLogin: string[], other: Record<string, unknown> = {}): Files => ({
  'triggers/triggers.json': JSON.stringify({ 'post-login': postLogin.map((name) => ({ action_name: name, display_name: name })), ...other }),
})

function imported(files: Files, name?: string, trigger?: string) {
  const result = importDeployDirectory(files, { name, trigger })
  if (!result.ok) throw new Error(result.errors.join('\n'))
  return result.value
}

function failure(files: Files, trigger?: string): string[] {
  const result = importDeployDirectory(files, { trigger })
  if (result.ok) throw new Error('expected a failure')
  return result.errors
}

describe('Deploy CLI directory import', () => {
  it("puts the post-login actions in the bindings' order, enabled, with their code and the default event", () => {
    const { doc, codePaths, notes } = imported({ ...actionFiles('A first'), ...actionFiles('B second'), ...actionFiles('C third'), ...triggers(['C third', 'A first', 'B second']) }, 'tenant')
    expect(doc.name).toBe('tenant')
    expect(doc.actions.map((action) => [action.name, action.enabled])).toEqual([['C third', true], ['A first', true], ['B second', true]])
    expect(doc.actions.map((action) => action.code)).toEqual([code('C third'), code('A first'), code('B second')])
    expect(doc.actions.map((action) => action.id)).toEqual(['c-third', 'a-first', 'b-second'])
    expect(codePaths).toEqual(['actions/C third/code.js', 'actions/A first/code.js', 'actions/B second/code.js'])
    expect(doc.event).toEqual(createDefaultEvent())
    expect(doc.mocks).toEqual({ http: [] })
    expect(notes).toEqual([])
  })

  it('adds the post-login actions bound nowhere, disabled, and leaves out other triggers and unknown bindings, saying so', () => {
    const files = {
      ...actionFiles('Bound'), ...actionFiles('Unbound'),
      ...actionFiles('Phone', { supported_triggers: [{ id: 'send-phone-message', version: 'v2' }] }),
      ...triggers(['Marketplace thing', 'Bound', 'Bound'], { 'send-phone-message': [{ action_name: 'Phone', display_name: 'Phone' }] }),
    }
    const { doc, notes } = imported(files)
    expect(doc.actions.map((action) => [action.name, action.enabled])).toEqual([['Bound', true], ['Unbound', false]])
    expect(notes).toEqual(expect.arrayContaining([
      '"Phone" is for send-phone-message, not post-login: left out',
      expect.stringMatching(/^triggers\.json binds "Marketplace thing" to post-login, but actions\/ has no action of that name/),
      expect.stringMatching(/binds "Bound" to post-login twice/),
      'not bound to post-login in triggers.json, so imported disabled after the bound ones: "Unbound"',
    ]))
  })

  it('takes secrets by name with empty values: keywords and shown placeholders are not values', () => {
    const { doc, notes } = imported({
      ...actionFiles('Keys', { secrets: [{ name: 'API_KEY', value: '##API_KEY##' }, { name: 'OTHER', value: '_VALUE_NOT_SHOWN_' }, { name: 'NO_VALUE' }, { name: 'API_KEY', value: 'x' }] }),
      ...actionFiles('Keyword list', { secrets: '@@SECRETS@@' }),
      ...triggers(['Keys', 'Keyword list']),
    })
    expect(doc.actions[0].secrets).toEqual({ API_KEY: '', OTHER: '', NO_VALUE: '' })
    expect(doc.actions[1].secrets).toEqual({})
    expect(notes).toEqual(expect.arrayContaining([
      expect.stringMatching(/^"Keyword list": its secrets are the keyword @@SECRETS@@/),
      expect.stringMatching(/^secrets come by name with empty values/),
    ]))
  })

  it('keeps runtime and dependencies on each action and notes what the playground runs differently', () => {
    const axios = PLAYGROUND_PACKAGES.axios
    const { doc, notes } = imported({
      ...actionFiles('Old', { runtime: 'node18', dependencies: [{ name: 'axios', version: '0.27.2' }, { name: 'lodash', version: '4.17.21' }], modules: [{ module_name: 'helpers', module_version_number: 1 }] }),
      ...actionFiles('Current', { dependencies: [{ name: 'axios', version: axios }] }),
      'actions/Keyword/code.js': 'exports.onExecutePostLogin = async (event, api) => { api.idToken.setCustomClaim("env", "##ENVIRONMENT##") }',
      'actions/Keyword.json': JSON.stringify({ name: 'Keyword', code: './actions/Keyword/code.js', supported_triggers: [{ id: 'post-login' }] }),
      ...triggers(['Old', 'Current', 'Keyword']),
    })
    expect(doc.actions[0]).toMatchObject({ runtime: 'node18', dependencies: [{ name: 'axios', version: '0.27.2' }, { name: 'lodash', version: '4.17.21' }] })
    expect(doc.actions[1]).toMatchObject({ runtime: 'node22', dependencies: [{ name: 'axios', version: axios }] })
    expect(notes).toEqual([
      '"Old" runs on node18 in the tenant; the playground\'s Deploy CLI export writes node22',
      `"Old" depends on axios@0.27.2; the playground runs axios ${axios} (and its Deploy CLI export writes that version)`,
      expect.stringMatching(/^"Old" depends on lodash@4\.17\.21, which the playground does not provide .*require\('lodash'\) fails here$/),
      expect.stringMatching(/^"Old" uses action modules \(helpers\)/),
      '"Keyword": its code holds the keyword ##ENVIRONMENT##, which a0deploy replaces at import; the playground runs the code as written',
    ])
  })

  it('reads code paths relative to the directory, as a0deploy does (./, backslashes, other folders)', () => {
    const { doc, codePaths } = imported({
      'actions/A.json': JSON.stringify({ name: 'A', code: '.\\actions\\A\\code.js', supported_triggers: [{ id: 'post-login' }] }),
      'actions/A/code.js': code('A'),
      'actions/B.json': JSON.stringify({ name: 'B', code: 'shared/b.js', supported_triggers: [{ id: 'post-login' }] }),
      'shared/b.js': code('B'),
      ...triggers(['A', 'B']),
    })
    expect(doc.actions.map((action) => action.code)).toEqual([code('A'), code('B')])
    expect(codePaths).toEqual(['actions/A/code.js', 'shared/b.js'])
  })

  it('refuses what is not a usable Deploy CLI directory, naming the file and the problem', () => {
    expect(failure({ 'README.md': 'hi' })).toEqual([expect.stringMatching(/^no actions\/<name>\.json files: an Auth0 Deploy CLI directory/)])
    expect(failure({ 'actions/A.json': '{ "name": ' })).toEqual([expect.stringMatching(/^actions\/A\.json: Invalid JSON at line 1/)])
    expect(failure({ 'actions/A.json': JSON.stringify({ name: 'A', code: './actions/A/code.js' }) })).toEqual(['actions/A.json: the code file of "A", ./actions/A/code.js, is missing'])
    expect(failure({ 'actions/A.json': JSON.stringify({ code: './a.js' }), 'a.js': '' })).toEqual(['actions/A.json: the action has no "name"'])
    expect(failure({ 'actions/A.json': JSON.stringify({ name: 'A' }) })).toEqual([expect.stringMatching(/^actions\/A\.json: "code" should be the path of the action's code file/)])
    expect(failure({ ...actionFiles('A'), ...actionFiles('A', {}, 'A copy') })).toEqual(['actions/A copy.json and actions/A.json both name the action "A"'])
    expect(failure({ ...actionFiles('A'), 'triggers/triggers.json': '[]' })).toEqual([expect.stringMatching(/^triggers\/triggers\.json: expected an object/)])
    expect(failure({ ...actionFiles('A'), 'triggers/triggers.json': '{"post-login": [{}]}' })).toEqual(['triggers/triggers.json: post-login binding 1 has no "action_name"'])
    expect(failure(actionFiles('Phone', { supported_triggers: [{ id: 'send-phone-message' }] })))
      .toEqual(['no action for a trigger the playground runs (post-login, pre-user-registration, credentials-exchange): the actions there are for send-phone-message'])
    expect(failure(actionFiles('A'), 'credentials-exchange')).toEqual(['no credentials-exchange action: the actions there are for post-login'])
    expect(failure({ ...actionFiles('M2M', M2M), 'triggers/triggers.json': '{"credentials-exchange": [{}]}' })).toEqual(['triggers/triggers.json: credentials-exchange binding 1 has no "action_name"'])
    expect(() => importDeployDirectory(actionFiles('A'), { trigger: 'send-phone-message' })).toThrow(/^Unknown trigger "send-phone-message"/)
  })

  it('imports every action disabled when there is no triggers file', () => {
    const { doc, notes } = imported({ ...actionFiles('A'), ...actionFiles('B') })
    expect(doc.actions.map((action) => [action.name, action.enabled])).toEqual([['A', false], ['B', false]])
    expect(notes[0]).toMatch(/^there is no triggers\/triggers\.json/)
  })

  it('reads back what the export writes: the same actions, code, enabled order and secret names', () => {
    const action = (id: string, name: string, enabled: boolean, secrets: Record<string, string> = {}): FlowAction => ({ id, name, code: `${code(name)}// ${id}\n`, enabled, secrets })
    const original: FlowDocument = {
      version: 1, trigger: 'post-login', name: 'Round trip', event: createDefaultEvent(), mocks: { http: [] },
      actions: [action('x', 'Deny: bad/domain?', true, { API_KEY: 'secret-1' }), action('y', 'Skipped', false, { TOKEN: 'secret-2' }), action('z', 'Roles', true)],
    }
    const { doc } = imported(deployCliFiles(original), 'Round trip')
    // Disabled actions are not bound, so they come back after the enabled ones.
    expect(doc.actions.map((item) => [item.name, item.enabled, item.code, Object.keys(item.secrets)])).toEqual([
      ['Deny: bad/domain?', true, original.actions[0].code, ['API_KEY']],
      ['Roles', true, original.actions[2].code, []],
      ['Skipped', false, original.actions[1].code, ['TOKEN']],
    ])
    expect(JSON.stringify(doc)).not.toMatch(/secret-\d/)
  })
})

describe('Deploy CLI directory import of other triggers', () => {
  const signup = { supported_triggers: [{ id: 'pre-user-registration', version: 'v2' }] }
  const twoTriggers = {
    ...actionFiles('Login'), ...actionFiles('Signup', signup), ...actionFiles('Signup off', signup), ...actionFiles('M2M', M2M),
    ...triggers(['Login'], { 'pre-user-registration': [{ action_name: 'Signup', display_name: 'Signup' }] }),
  }

  it('imports post-login by default when the directory also has other triggers, and notes them', () => {
    const { doc, notes } = imported(twoTriggers)
    expect(doc.trigger).toBe('post-login')
    expect(doc.actions.map((action) => action.name)).toEqual(['Login'])
    expect(notes).toContain("the directory also has actions for pre-user-registration, credentials-exchange; a flow runs one trigger, so this one imports post-login's: import another with actions-playground import-deploy --trigger <id>")
  })

  it("imports the trigger asked for: its actions in its bindings' order, its default event, notes in its words", () => {
    const { doc, notes } = imported(twoTriggers, 'tenant', 'pre-user-registration')
    expect(doc.trigger).toBe('pre-user-registration')
    expect(doc.actions.map((action) => [action.name, action.enabled])).toEqual([['Signup', true], ['Signup off', false]])
    expect(doc.event).toEqual(triggerOf('pre-user-registration').event.create())
    expect(notes).toEqual([
      '"Login" is for post-login, not pre-user-registration: left out',
      '"M2M" is for credentials-exchange, not pre-user-registration: left out',
      'not bound to pre-user-registration in triggers.json, so imported disabled after the bound ones: "Signup off"',
    ])
  })

  it('imports the only trigger with actions when it is not post-login', () => {
    const { doc, notes } = imported({ ...actionFiles('M2M', M2M), ...actionFiles('Phone', { supported_triggers: [{ id: 'send-phone-message' }] }), ...triggers([], { 'credentials-exchange': [{ action_name: 'M2M' }] }) })
    expect(doc.trigger).toBe('credentials-exchange')
    expect(doc.actions.map((action) => [action.name, action.enabled])).toEqual([['M2M', true]])
    expect(doc.event).toEqual(triggerOf('credentials-exchange').event.create())
    expect(notes).toEqual(['"Phone" is for send-phone-message, not credentials-exchange: left out'])
  })

  it.each(['pre-user-registration', 'credentials-exchange'])('reads back what the export of a %s flow writes: the same trigger and actions', (trigger) => {
    const original: FlowDocument = {
      ...emptyFlow(trigger),
      actions: [
        { id: 'first', name: 'First', code: code('First'), enabled: true, secrets: { KEY: 'secret' } },
        { id: 'second', name: 'Second', code: code('Second'), enabled: true, secrets: {} },
      ],
    }
    const { doc } = imported(deployCliFiles(original), original.name)
    expect(doc).toEqual({ ...original, actions: original.actions.map((action) => ({ ...action, secrets: Object.fromEntries(Object.keys(action.secrets).map((key) => [key, ''])), runtime: 'node22', dependencies: [] })) })
  })
})

describe('paths', () => {
  it('normalizes and joins them as the Deploy CLI resolves them', () => {
    expect(normalizePath('./actions/a/../b/code.js')).toBe('actions/b/code.js')
    expect(normalizePath('.\\actions\\x.js')).toBe('actions/x.js')
    expect(normalizePath('../../shared/x.js')).toBe('../../shared/x.js')
    expect(joinPath('flows', '../actions/x.js')).toBe('actions/x.js')
    expect(joinPath('', './x.js')).toBe('x.js')
  })

  it('finds the shallowest folder holding actions/<name>.json', () => {
    expect(findDeployRoot({ 'tenant/actions/A.json': '', 'tenant/actions/A/code.js': '' })).toBe('tenant/')
    expect(findDeployRoot({ 'actions/A.json': '', 'x/actions/B.json': '' })).toBe('')
    expect(findDeployRoot({ 'actions/A/code.js': '' })).toBeUndefined()
  })
})

describe('folder and zip import', () => {
  const flowDoc = (actions: unknown[]) => JSON.stringify({ version: 1, trigger: 'post-login', name: 'With files', actions, event: createDefaultEvent() })

  it('opens a flow document there with its code files inline, relative to it', () => {
    const result = importFiles({
      'project/flows/main.json': flowDoc([{ id: 'a', name: 'A', codeFile: '../actions/a.js', enabled: true }, { id: 'b', name: 'B', code: 'inline', enabled: false }]),
      'project/actions/a.js': code('A'),
      'project/flows/nested/other.json': flowDoc([]),
    })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.source).toEqual({ kind: 'flow', path: 'project/flows/main.json' })
    expect(result.value.doc.actions.map((action) => action.code)).toEqual([code('A'), 'inline'])
    expect(result.value.doc.actions[0]).not.toHaveProperty('codeFile')
    expect(result.value.notes).toEqual(['the other flow documents there were not opened: project/flows/nested/other.json'])
  })

  it('says which code file is missing, or outside the folder', () => {
    const result = importFiles({ 'f/flow.json': flowDoc([{ id: 'a', name: 'A', codeFile: './a.js', enabled: true }, { id: 'b', name: 'B', codeFile: '../../b.js', enabled: true }]) })
    expect(result).toEqual({ ok: false, errors: ['f/flow.json: "A" takes its code from ./a.js, which is not there', 'f/flow.json: "B" takes its code from ../../b.js, which is outside the folder'] })
  })

  it('imports a Deploy CLI directory under a top folder, named after it', () => {
    const files = Object.fromEntries(Object.entries({ ...actionFiles('A'), ...actionFiles('B'), ...triggers(['B', 'A']) }).map(([path, text]) => [`My tenant/${path}`, text]))
    const result = importFiles({ ...files, '__MACOSX/._x.json': 'binary' }, { name: 'export.zip' })
    expect(result.ok && result.value.source).toEqual({ kind: 'deploy', root: 'My tenant/' })
    expect(result.ok && result.value.doc.name).toBe('My tenant')
    expect(result.ok && result.value.doc.actions.map((action) => action.name)).toEqual(['B', 'A'])
    const top = importFiles({ ...actionFiles('A'), ...triggers(['A']) }, { name: 'picked' })
    expect(top.ok && top.value.doc.name).toBe('picked')
  })

  it("imports a directory of another trigger, and opens another trigger's flow document", () => {
    const deploy = importFiles({ ...actionFiles('M2M', M2M), ...triggers([], { 'credentials-exchange': [{ action_name: 'M2M' }] }) })
    expect(deploy.ok && deploy.value.doc.trigger).toBe('credentials-exchange')
    const flow = importFiles({ 'signup.json': JSON.stringify({ ...emptyFlow('pre-user-registration'), actions: [{ id: 'a', name: 'A', code: code('A'), enabled: true }] }) })
    expect(flow.ok && flow.value.source).toEqual({ kind: 'flow', path: 'signup.json' })
  })

  it('says when neither is there, or what is wrong with the flow document', () => {
    expect(importFiles({ 'notes/readme.json': '{}' })).toEqual({ ok: false, errors: [expect.stringMatching(/^neither a flow document nor an Auth0 Deploy CLI directory/)] })
    expect(importFiles({ 'flow.json': flowDoc([{ id: 'a', name: 'A', enabled: true }]) })).toEqual({ ok: false, errors: [expect.stringMatching(/^flow\.json: actions\[0\]\.code: missing/)] })
  })
})
