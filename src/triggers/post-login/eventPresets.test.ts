import { describe, expect, it } from 'vitest'
import { canRedirect } from './api/redirectApi.ts'
import { createDefaultEvent } from './defaultEvent.ts'
import type { EventPreset } from '../../engine/trigger.ts'
import { EVENT_PRESETS } from './eventPresets.ts'
import { runFlow } from '../../engine/pipeline.ts'
import { onExecute, testFlow } from '../../engine/testing.ts'

const byId = (id: string): EventPreset => {
  const found = EVENT_PRESETS.find((preset) => preset.id === id)
  if (!found) throw new Error(`no preset ${id}`)
  return found
}
const applied = (id: string): Record<string, any> => byId(id).apply(createDefaultEvent())

/** Runs one action on the preset's event. */
async function runOn(id: string, body: string) {
  return runFlow(testFlow([onExecute(body)], { event: (event) => Object.assign(event, applied(id)) }))
}

describe('event presets', () => {
  it('have unique ids, a label and a description', () => {
    expect(new Set(EVENT_PRESETS.map((preset) => preset.id)).size).toBe(EVENT_PRESETS.length)
    expect(EVENT_PRESETS.map((preset) => preset.id)).toEqual(['new-user', 'returning-admin', 'europe', 'api-login', 'refresh-token', 'prompt-none', 'passkey', 'google'])
    for (const preset of EVENT_PRESETS) expect(preset.label && preset.description).toBeTruthy()
  })

  it('never change the event they are given, and give JSON', () => {
    for (const preset of EVENT_PRESETS) {
      const event = createDefaultEvent()
      const result = preset.apply(event)
      expect(event).toEqual(createDefaultEvent())
      expect(result).not.toBe(event)
      expect(JSON.parse(JSON.stringify(result))).toEqual(result)
    }
  })

  it('give events an action runs on without failing', async () => {
    for (const preset of EVENT_PRESETS) {
      const result = await runOn(preset.id, 'console.log(event.user.user_id, event.request.geoip.countryCode)')
      expect(result.status, preset.id).toBe('completed')
    }
  })

  it('new user: first login, no metadata, email not verified', () => {
    const event = applied('new-user')
    expect(event.stats.logins_count).toBe(1)
    expect(event.user).toMatchObject({ app_metadata: {}, user_metadata: {}, email_verified: false, enrolledFactors: [] })
    expect(event.user.created_at).toBe(event.authentication.methods[0].timestamp)
    expect(event.user).not.toHaveProperty('last_password_reset')
    expect(event.authorization.roles).toEqual([])
  })

  it('returning admin: the admin role and many logins', () => {
    const event = applied('returning-admin')
    expect(event.authorization.roles).toEqual(['admin'])
    expect(event.stats.logins_count).toBeGreaterThan(100)
  })

  it('user from Europe: geoip of Berlin', () => {
    const event = applied('europe')
    expect(event.request.geoip).toMatchObject({ cityName: 'Berlin', continentCode: 'EU', countryCode: 'DE', countryCode3: 'DEU', countryName: 'Germany', timeZone: 'Europe/Berlin' })
    expect(event.session.device.last_ip).toBe(event.request.ip)
  })

  it('login for an API: audience, resource server and API scopes', () => {
    const event = applied('api-login')
    expect(event.request.query.audience).toBe('https://api.example.com')
    expect(event.resource_server).toEqual({ identifier: 'https://api.example.com' })
    expect(event.transaction.requested_scopes).toContain('read:orders')
    expect(event.request.query.scope.split(' ')).toEqual(event.transaction.requested_scopes)
  })

  it('refresh-token exchange: the protocol, a refresh_token object, no redirect', async () => {
    const event = applied('refresh-token')
    expect(event.transaction.protocol).toBe('oauth2-refresh-token')
    expect(event.transaction).not.toHaveProperty('redirect_uri')
    expect(event.request).toMatchObject({ method: 'POST', query: {}, body: { grant_type: 'refresh_token' } })
    expect(event.refresh_token).toMatchObject({ client_id: event.client.client_id, session_id: event.session.id, rotating: true })
    expect(event.refresh_token.resource_servers[0].audience).toBe('https://api.example.com')
    expect(canRedirect(event)).toBe(false)
    const result = await runOn('refresh-token', 'api.refreshToken.revoke("stolen device")')
    expect(result.status).toBe('denied')
  })

  it('prompt=none: in the query and the transaction, and no redirect', () => {
    const event = applied('prompt-none')
    expect(event.request.query.prompt).toBe('none')
    expect(event.transaction.prompt).toEqual(['none'])
    expect(canRedirect(event)).toBe(false)
  })

  it('passkey: the passkey authentication method', () => {
    expect(applied('passkey').authentication.methods).toEqual([{ name: 'passkey', timestamp: '2026-05-01T12:00:00.000Z' }])
  })

  it('Google: a google-oauth2 connection, a social identity, a federated method', () => {
    const event = applied('google')
    expect(event.connection).toMatchObject({ name: 'google-oauth2', strategy: 'google-oauth2' })
    expect(event.user.identities).toEqual([expect.objectContaining({ provider: 'google-oauth2', connection: 'google-oauth2', isSocial: true })])
    expect(event.user.user_id).toBe(`google-oauth2|${event.user.identities[0].user_id}`)
    expect(event.authentication.methods).toEqual([expect.objectContaining({ name: 'federated' })])
    expect(event.user).not.toHaveProperty('username')
  })
})
