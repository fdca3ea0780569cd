import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { createDefaultEvent } from './defaultEvent.ts'
import { deployCliFiles, deployCliZip, sanitizeFileName } from './deployExport.ts'
import type { FlowAction, FlowDocument } from './flowDocument.ts'

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
      'triggers/triggers.json',
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
})
