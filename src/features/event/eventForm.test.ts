import { describe, expect, it } from 'vitest'
import { createDefaultEvent } from '../../triggers/post-login/defaultEvent.ts'
import { readEventForm, writeEventForm } from './eventForm.ts'

describe('event form', () => {
  it('reads the common fields of an event', () => {
    expect(readEventForm(createDefaultEvent())).toEqual({
      email: 'j+smith@example.com',
      email_verified: true,
      roles: ['admin', 'editor'],
      client_name: 'My SPA',
      audience: 'https://api.example.com',
      country: 'US',
      continent: 'NA',
      logins_count: 62,
      app_metadata: { plan: 'gold' },
      user_metadata: { language: 'en' },
    })
  })

  it('reads an event with none of them', () => {
    expect(readEventForm({})).toMatchObject({ email: '', roles: [], audience: '', logins_count: 0, app_metadata: {} })
  })

  it('writes into a copy, sharing the parts it did not change', () => {
    const event = createDefaultEvent() as Record<string, any>
    const next = writeEventForm(event, 'email', 'ada@example.org') as Record<string, any>
    expect(next.user.email).toBe('ada@example.org')
    expect(event.user.email).toBe('j+smith@example.com')
    expect(next.request).toBe(event.request)
    expect(next.user.identities).toBe(event.user.identities)
  })

  it('writes every plain field where actions read it', () => {
    let event = createDefaultEvent()
    event = writeEventForm(event, 'email_verified', false)
    event = writeEventForm(event, 'roles', ['viewer'])
    event = writeEventForm(event, 'client_name', 'Back office')
    event = writeEventForm(event, 'continent', 'OC')
    event = writeEventForm(event, 'logins_count', 1)
    event = writeEventForm(event, 'app_metadata', { plan: 'free' })
    event = writeEventForm(event, 'user_metadata', {})
    expect(event).toMatchObject({
      user: { email_verified: false, app_metadata: { plan: 'free' }, user_metadata: {} },
      authorization: { roles: ['viewer'] },
      client: { name: 'Back office' },
      request: { geoip: { continentCode: 'OC' } },
      stats: { logins_count: 1 },
    })
  })

  it('creates the objects on the way when the event has none', () => {
    expect(writeEventForm({}, 'roles', ['admin'])).toEqual({ authorization: { roles: ['admin'] } })
  })

  it('removes the email when it is emptied', () => {
    expect((writeEventForm(createDefaultEvent(), 'email', '') as Record<string, any>).user).not.toHaveProperty('email')
  })

  it('keeps the audience and the resource server together', () => {
    const withAudience = writeEventForm(createDefaultEvent(), 'audience', 'https://orders.example.com') as Record<string, any>
    expect(withAudience.request.query.audience).toBe('https://orders.example.com')
    expect(withAudience.resource_server).toEqual({ identifier: 'https://orders.example.com' })
    const without = writeEventForm(withAudience, 'audience', '') as Record<string, any>
    expect(without.request.query).not.toHaveProperty('audience')
    expect(without).not.toHaveProperty('resource_server')
  })

  it('sets the country-level geoip fields of a known country and drops the old city', () => {
    const event = writeEventForm(createDefaultEvent(), 'country', 'JP') as Record<string, any>
    expect(event.request.geoip).toEqual({ countryCode: 'JP', countryCode3: 'JPN', countryName: 'Japan', continentCode: 'AS' })
  })

  it('sets only the code of a country it does not know', () => {
    const event = writeEventForm(createDefaultEvent(), 'country', 'LU') as Record<string, any>
    expect(event.request.geoip).toEqual({ countryCode: 'LU', countryCode3: 'USA', countryName: 'United States of America', continentCode: 'NA' })
  })
})
