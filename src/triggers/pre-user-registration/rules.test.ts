/**
 * One test per rule of the pre-user-registration trigger, each naming the Auth0 documentation it follows
 * ("Actions Triggers: pre-user-registration" and its API object), through runFlow as the app and the CLI run it.
 */
import { describe, expect, it } from 'vitest'
import type { FlowDocument, HttpMock } from '../../engine/flowDocument.ts'
import { parseFlowDocument } from '../../engine/flowDocument.ts'
import { runFlow } from '../../engine/pipeline.ts'
import { testFlow } from '../../engine/testing.ts'
import { checkEvent } from '../../engine/eventCheck.ts'
import type { RunResult } from '../../engine/types.ts'
import { createDefaultEvent, EVENT_PRESETS, PRE_USER_REGISTRATION_EVENT } from './event.ts'
import { preUserRegistration } from './index.ts'

const NOW = '2026-11-23T12:00:00Z'

function handler(body: string): string {
  return `exports.onExecutePreUserRegistration = async (event, api) => {\n${body}\n};\n`
}

function signup(bodies: (string | { code: string; enabled?: boolean })[], options: { event?: (event: Record<string, any>) => void; mocks?: HttpMock[] } = {}): FlowDocument {
  const actions = bodies.map((body) => (typeof body === 'string' ? handler(body) : { ...body, code: handler(body.code) }))
  return testFlow(actions, { ...options, trigger: 'pre-user-registration' })
}

const run = (doc: FlowDocument, timeLimitMs?: number): Promise<RunResult> => runFlow(doc, { now: NOW, seed: 1, ...(timeLimitMs ? { timeLimitMs } : {}) })
const statuses = (result: RunResult) => result.actions.map((action) => action.status)

describe('pre-user-registration event', () => {
  it('describes the default event and every preset without a warning, and a flow document of the trigger parses', () => {
    for (const event of [createDefaultEvent(), ...EVENT_PRESETS.map((preset) => preset.apply(createDefaultEvent()))]) {
      expect(checkEvent(event, preUserRegistration)).toEqual({ errors: [], warnings: [] })
    }
    const parsed = parseFlowDocument(JSON.stringify(signup(['return'])))
    expect(parsed.ok ? [] : parsed.errors).toEqual([])
  })

  it('gives every field a description', () => {
    const missing: string[] = []
    const visit = (schema: any, path: string) => {
      const inner = schema.def.type === 'optional' ? schema.def.innerType : schema
      if (!inner.description) missing.push(path)
      if (inner.def.type === 'object') for (const [key, value] of Object.entries(inner.def.shape)) visit(value, `${path}.${key}`)
    }
    visit(PRE_USER_REGISTRATION_EVENT, 'event')
    expect(missing).toEqual([])
  })

  it('refuses an event without the objects every action reads', () => {
    const { user: _user, ...event } = createDefaultEvent()
    expect(checkEvent(event, preUserRegistration).errors).toEqual(['event.user: expected object, received undefined'])
  })
})

describe('pre-user-registration rules', () => {
  // "Actions in this flow are blocking (synchronous)": they run in order, each to its end, before the user is created.
  it('runs the enabled actions in order, then creates the user: no tokens, nothing to resume', async () => {
    const result = await run(signup(['console.log("first")', { code: 'console.log("off")', enabled: false }, 'console.log("last")']))
    expect(result.status).toBe('completed')
    expect(statuses(result)).toEqual(['ok', 'disabled', 'ok'])
    expect(result.actions.flatMap((action) => action.logs.map((log) => log.message))).toEqual(['first', 'last'])
    expect(result).toMatchObject({ idToken: null, accessToken: null, jwks: null, mfa: null, resume: null, redirect: null })
    expect(result.timeline.filter((entry) => entry.kind === 'engine').map((entry) => entry.call)).toContain('user.created')
  })

  // API object, api.user.setAppMetadata: "the engine will aggregate the changes and update the metadata at once
  // before the flow is completed".
  it('creates the user with the metadata of every action in one write, "creation"', async () => {
    const result = await run(signup([
      'api.user.setAppMetadata("plan", "free").user.setAppMetadata("tmp", 1)',
      'api.user.setUserMetadata("favorite_color", "purple"); api.user.setAppMetadata("tmp", null)',
    ], { event: (event) => { event.user.user_metadata = { newsletter: true } } }))
    expect(result.status).toBe('completed')
    expect(result.user).toEqual({ app_metadata: { plan: 'free' }, user_metadata: { newsletter: true, favorite_color: 'purple' } })
    expect(result.profileUpdates).toEqual({ count: 1, writes: [{ when: 'creation', app_metadata: { plan: 'free' }, user_metadata: { newsletter: true, favorite_color: 'purple' } }] })
  })

  // UNVERIFIED for this trigger; post-login's documented rule: later actions see the metadata earlier ones set.
  it('shows later actions the metadata earlier actions set, never the running action', async () => {
    const result = await run(signup([
      'api.user.setAppMetadata("plan", "trial"); console.log(JSON.stringify(event.user.app_metadata))',
      'console.log(JSON.stringify(event.user.app_metadata))',
    ]))
    expect(result.actions.map((action) => action.logs[0].message)).toEqual(['{}', '{"plan":"trial"}'])
  })

  // API object, api.access.deny(reason, userMessage): "The signup flow will immediately stop following the completion
  // of this action and no further Actions will be executed"; reason → logs (and error_description, with
  // extensibility_error, as Auth0 community threads show), userMessage → the end-user interface.
  it('stops after a denying action: the signup fails with the reason and the user message, and no user is created', async () => {
    const result = await run(signup([
      'api.user.setAppMetadata("seen", true)',
      'api.access.deny("disposable_email", "Please sign up with your work email."); console.log("still running")',
      'api.user.setAppMetadata("never", true)',
    ]))
    expect(result.status).toBe('denied')
    expect(result.error).toEqual({ code: 'extensibility_error', description: 'disposable_email', userMessage: 'Please sign up with your work email.', action: 'Action 2' })
    expect(statuses(result)).toEqual(['ok', 'denied', 'skipped'])
    expect(result.actions[1].logs.map((log) => log.message)).toEqual(['still running'])
    expect(result.profileUpdates).toEqual({ count: 0, writes: [] })
    expect(result.user).toEqual({ app_metadata: {}, user_metadata: {} })
  })

  it('keeps the first deny of the flow, and a deny without a user message has none', async () => {
    const result = await run(signup(['api.access.deny("first"); api.access.deny("second", "ignored")']))
    expect(result.error).toEqual({ code: 'extensibility_error', description: 'first', action: 'Action 1' })
  })

  // "Validate and store user data with Actions": api.validation.error(code, message) shows the message in the signup prompt.
  it('rejects the signup with api.validation.error: its code, its message to the user, later actions skipped', async () => {
    const result = await run(signup([
      'if (!event.request.body["ulp-first-name"]) { api.validation.error("invalid_payload", "Missing first name"); return }',
      'console.log("never")',
    ]))
    expect(result.status).toBe('denied')
    expect(result.error).toEqual({ code: 'invalid_payload', description: 'Missing first name', userMessage: 'Missing first name', action: 'Action 1' })
    expect(statuses(result)).toEqual(['denied', 'skipped'])
  })

  it('refuses a validation error without a string code or message, as post-login does', async () => {
    const result = await run(signup(['api.validation.error(42, "x")']))
    expect(result.status).toBe('failed')
    expect(result.actions[0].error?.message).toBe('The error code must be a string.')
  })

  // UNVERIFIED: the error the application receives when an action throws (the signup page shows a generic
  // "extensibility error", Auth0 community); the signup fails and later actions do not run.
  it('fails the signup on an uncaught error, skipping later actions and creating no user', async () => {
    const result = await run(signup(['api.user.setAppMetadata("x", 1); throw new Error("CRM unreachable")', 'console.log("never")']))
    expect(result.status).toBe('failed')
    expect(result.error).toMatchObject({ code: 'extensibility_error', description: 'CRM unreachable', action: 'Action 1' })
    expect(statuses(result)).toEqual(['failed', 'skipped'])
    expect(result.profileUpdates.count).toBe(0)
  })

  it('fails the signup at the time limit', async () => {
    const result = await run(signup(['await new Promise(() => {})']), 200)
    expect(result.status).toBe('failed')
    expect(result.error).toMatchObject({ code: 'extensibility_error', timeout: true, action: 'Action 1' })
  })

  // "You cannot currently use pre-user-registration Actions to add metadata to passwordless users."
  it('creates a passwordless user without the metadata the actions set, with a warning', async () => {
    const passwordless = EVENT_PRESETS.find((preset) => preset.id === 'passwordless-email')!
    const result = await run(signup(['api.user.setAppMetadata("plan", "free"); api.user.setUserMetadata("a", 1)'], { event: (event) => Object.assign(event, passwordless.apply(event)) }))
    expect(result.status).toBe('completed')
    expect(result.user).toEqual({ app_metadata: {}, user_metadata: {} })
    expect(result.profileUpdates.writes).toEqual([{ when: 'creation', app_metadata: {}, user_metadata: {} }])
    expect(result.warnings).toEqual([{ code: 'passwordless-metadata-ignored', action: 'Action 1', strategy: 'email', message: expect.stringContaining('passwordless') }])
  })

  // "runs when a user attempts to register through a Database or Passwordless connection".
  it('warns that a social connection would not run the trigger', async () => {
    const result = await run(signup(['return'], { event: (event) => { event.connection = { id: 'con_1', name: 'google-oauth2', strategy: 'google-oauth2' } } }))
    expect(result.warnings).toEqual([{ code: 'connection-not-run', strategy: 'google-oauth2', message: expect.stringContaining('"google-oauth2" connection would not run these actions') }])
  })

  it('checks metadata arguments as post-login does: a string name, no reserved keys, JSON values', async () => {
    const result = await run(signup([
      'try { api.user.setAppMetadata(1, "x") } catch (e) { console.log(e.message) }',
      'try { api.user.setUserMetadata("__proto__", {}) } catch (e) { console.log(e.message) }',
      'api.user.setAppMetadata("when", new Date("2026-01-01T00:00:00Z"))',
    ]))
    expect(result.actions.map((action) => action.logs[0]?.message)).toEqual(['The metadata property name must be a string.', 'The "__proto__" user_metadata property cannot be set.', undefined])
    expect(result.user.app_metadata).toEqual({ when: '2026-01-01T00:00:00.000Z' })
  })

  // api.cache is the same in every trigger ("Actions cache").
  it('keeps api.cache records for the run', async () => {
    const result = await run(signup(['api.cache.set("invites", "checked")', 'console.log(api.cache.get("invites").value)']))
    expect(result.actions[1].logs[0].message).toBe('checked')
    expect(result.cache.invites.value).toBe('checked')
  })

  it('answers fetch from the HTTP mocks', async () => {
    const result = await run(signup(['const r = await fetch("https://invites.example.com/check?email=" + event.user.email); const body = await r.json(); if (!body.invited) api.access.deny("not_invited", "Signups are by invitation.")'], {
      mocks: [{ method: 'GET', url: 'https://invites.example.com/check*', status: 200, body: { invited: false } } as HttpMock],
    }))
    expect(result.status).toBe('denied')
    expect(result.error?.userMessage).toBe('Signups are by invitation.')
    expect(result.http).toHaveLength(1)
  })
})
