import { describe, expect, it } from 'vitest'
import { createDefaultEvent } from '../triggers/post-login/defaultEvent.ts'
import { inlineCodeFiles, parseFlowDocument, parseFlowSource, parseJson } from './flowDocument.ts'

const valid = () => ({
  version: 1,
  trigger: 'post-login',
  name: 'Flow',
  actions: [{ id: 'a', name: 'A', code: 'exports.onExecutePostLogin = async () => {}', enabled: true, secrets: { KEY: 'v' } }],
  event: createDefaultEvent(),
  mocks: { http: [{ method: 'GET', url: 'https://x.test', status: 200, body: {}, headers: {} }] },
})

describe('flow document v1', () => {
  it('accepts a valid document and keeps unknown fields', () => {
    const doc = { ...valid(), futureField: { x: 1 } }
    doc.actions[0] = { ...doc.actions[0], color: 'blue' } as (typeof doc.actions)[0]
    const parsed = parseFlowDocument(JSON.stringify(doc))
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.value).toMatchObject({ futureField: { x: 1 }, actions: [{ color: 'blue' }] })
  })

  it('fills defaults for optional parts', () => {
    const { mocks: _mocks, ...doc } = valid()
    doc.actions = [{ id: 'a', name: 'A', code: '', enabled: false } as (typeof doc.actions)[0]]
    const parsed = parseFlowDocument(JSON.stringify(doc))
    expect(parsed.ok && parsed.value.mocks).toEqual({ http: [] })
    expect(parsed.ok && parsed.value.actions[0].secrets).toEqual({})
  })

  it('rejects a wrong shape naming the path and the problem', () => {
    const doc = valid() as Record<string, any>
    doc.version = 2
    doc.actions[0].code = 42
    doc.mocks.http[0].status = 'ok'
    const parsed = parseFlowDocument(JSON.stringify(doc))
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.errors).toEqual(expect.arrayContaining([
      expect.stringMatching(/^version: .*1/),
      expect.stringMatching(/^actions\[0\]\.code: .*expected string, received number/),
      expect.stringMatching(/^mocks\.http\[0\]\.status: .*expected number/),
    ]))
  })

  it('rejects duplicate action ids', () => {
    const doc = valid()
    doc.actions.push({ ...doc.actions[0] })
    const parsed = parseFlowDocument(JSON.stringify(doc))
    expect(parsed).toEqual({ ok: false, errors: ['actions[1].id: duplicate id "a"'] })
  })

  it('reports malformed JSON with its line and column', () => {
    expect(parseJson('{\n  "a": 1,\n  b: 2\n}')).toEqual({ ok: false, errors: [expect.stringMatching(/^Invalid JSON at line 3, column 3: /)] })
    expect(parseJson('{"a": ')).toEqual({ ok: false, errors: ['Invalid JSON at line 1, column 7: the document ends too early'] })
    expect(parseFlowDocument('[]')).toEqual({ ok: false, errors: [expect.stringMatching(/^\(document\): .*expected object/)] })
  })
})

describe('default event', () => {
  it('has every documented part of a post-login event', () => {
    const event = createDefaultEvent() as Record<string, any>
    for (const field of ['authentication', 'authorization', 'client', 'connection', 'organization', 'request', 'resource_server', 'secrets', 'session', 'stats', 'tenant', 'transaction', 'user']) {
      expect(event, field).toHaveProperty(field)
    }
    expect(Object.keys(event.user)).toEqual(expect.arrayContaining(['user_id', 'email', 'email_verified', 'identities', 'app_metadata', 'user_metadata', 'created_at', 'updated_at']))
    expect(event.user.identities[0].user_id).not.toContain('|')
    expect(Object.keys(event.request)).toEqual(expect.arrayContaining(['ip', 'method', 'query', 'body', 'geoip', 'hostname', 'user_agent']))
    expect(event.stats.logins_count).toBeGreaterThan(0)
    expect(event.authentication.methods[0]).toEqual({ name: 'pwd', timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) })
  })

  describe('codeFile', () => {
    const withCodeFile = () => {
      const doc = valid() as Record<string, any>
      doc.actions = [{ id: 'a', name: 'Roles', codeFile: './actions/roles.js', enabled: true, secrets: {} }, { id: 'b', name: 'B', code: 'x', enabled: true }]
      return doc
    }

    it('is accepted in a flow file instead of code, and inlined as code', () => {
      const parsed = parseFlowSource(JSON.stringify(withCodeFile()))
      expect(parsed.ok).toBe(true)
      if (!parsed.ok) return
      const doc = inlineCodeFiles(parsed.value, (path, action, index) => `// ${path} for ${action.name} at ${index}`)
      expect(doc.actions[0]).toEqual({ id: 'a', name: 'Roles', code: '// ./actions/roles.js for Roles at 0', enabled: true, secrets: {} })
      expect(doc.actions[1]).toEqual({ id: 'b', name: 'B', code: 'x', enabled: true, secrets: {} })
    })

    it('needs exactly one of code and codeFile', () => {
      const neither = withCodeFile()
      delete neither.actions[0].codeFile
      expect(parseFlowSource(JSON.stringify(neither))).toEqual({ ok: false, errors: [expect.stringMatching(/^actions\[0\]\.code: missing: give the action's code, or codeFile/)] })
      const both = withCodeFile()
      both.actions[0].code = 'x'
      expect(parseFlowSource(JSON.stringify(both))).toEqual({ ok: false, errors: ['actions[0].codeFile: give code or codeFile, not both'] })
      const empty = withCodeFile()
      empty.actions[0].codeFile = ''
      expect(parseFlowSource(JSON.stringify(empty)).ok).toBe(false)
    })

    it('is refused where only inline code can be (the app, share links), saying how to open the document', () => {
      const parsed = parseFlowDocument(JSON.stringify(withCodeFile()))
      expect(parsed.ok).toBe(false)
      if (parsed.ok) return
      expect(parsed.errors).toHaveLength(1)
      expect(parsed.errors[0]).toContain('"Roles": ./actions/roles.js')
      expect(parsed.errors[0]).toMatch(/browser app cannot read: run it with the CLI .*import the folder .* or a zip of that folder/)
    })
  })
})

describe('a document\'s trigger', () => {
  it('is refused, with the triggers the playground runs, when no folder defines it (a tampered link or file)', () => {
    const parsed = parseFlowDocument(JSON.stringify({ version: 1, trigger: 'post-login; alert(1)', name: 'x', actions: [], event: createDefaultEvent(), mocks: { http: [] } }))
    expect(parsed.ok).toBe(false)
    expect(parsed.ok ? [] : parsed.errors).toEqual([expect.stringMatching(/^trigger: unknown trigger: the playground runs post-login, pre-user-registration, credentials-exchange/)])
  })
})
