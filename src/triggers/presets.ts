/** Helpers for the triggers' event presets: a preset changes a deep copy of the event, never its argument. */
import type { EventPreset } from '../engine/trigger.ts'

type EventShape = Record<string, any>

export function preset(id: string, label: string, description: string, change: (event: EventShape) => void): EventPreset {
  return {
    id,
    label,
    description,
    apply(event) {
      const copy = structuredClone(event) as EventShape
      change(copy)
      return copy
    },
  }
}

/** The object at `event[key]`, created when the event has none. */
export function part(event: EventShape, key: string): EventShape {
  if (typeof event[key] !== 'object' || event[key] === null) event[key] = {}
  return event[key]
}


/** Where the sample events' requests come from (Auth0's sample event: Bellevue, Washington). */
export const SAMPLE_GEOIP = {
  cityName: 'Bellevue',
  continentCode: 'NA',
  countryCode: 'US',
  countryCode3: 'USA',
  countryName: 'United States of America',
  latitude: 47.61793,
  longitude: -122.19584,
  subdivisionCode: 'WA',
  subdivisionName: 'Washington',
  timeZone: 'America/Los_Angeles',
}

export const DEFAULT_CLIENT_ID = 'gmOWNgklfRm4tyl5YYnl3JDSJy19h1bR'

/** The tenant, application ("My SPA") and database connection of the sample events where a user signs in or up. */
export function sampleApplication() {
  return {
    tenant: { id: 'acme-dev' },
    client: { client_id: DEFAULT_CLIENT_ID, name: 'My SPA', metadata: { tier: 'gold' } },
    connection: { id: 'con_fpe5kj482KO1eOzQ', name: 'Username-Password-Authentication', strategy: 'auth0', metadata: {} },
  }
}
