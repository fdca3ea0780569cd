/**
 * The event fields people change most, as the form view shows them: read from an event, and written
 * into a copy of it (the event passed in is never changed).
 */
import type { FlowEvent } from '../../engine/flowDocument.ts'
import { COUNTRIES } from './countries.ts'

export interface EventFormValues {
  email: string
  email_verified: boolean
  roles: string[]
  client_name: string
  /** The API the login asks a token for: `request.query.audience` and `resource_server.identifier`. */
  audience: string
  country: string
  continent: string
  logins_count: number
  app_metadata: Record<string, unknown>
  user_metadata: Record<string, unknown>
}

export type EventFormField = keyof EventFormValues

type Path = readonly string[]

/** Where each plain field lives in the event. */
const PATHS = {
  email: ['user', 'email'],
  email_verified: ['user', 'email_verified'],
  roles: ['authorization', 'roles'],
  client_name: ['client', 'name'],
  continent: ['request', 'geoip', 'continentCode'],
  logins_count: ['stats', 'logins_count'],
  app_metadata: ['user', 'app_metadata'],
  user_metadata: ['user', 'user_metadata'],
} as const satisfies Partial<Record<EventFormField, Path>>

const AUDIENCE_PATH = ['request', 'query', 'audience']
const GEOIP_PATH = ['request', 'geoip']

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function valueAt(event: FlowEvent, path: Path): unknown {
  let value: unknown = event
  for (const key of path) value = isObject(value) ? value[key] : undefined
  return value
}

/** A copy of `target` with the value at `path` replaced (`undefined` removes it), copying only the objects on the way. */
function withValue(target: Record<string, unknown>, path: Path, value: unknown): Record<string, unknown> {
  const [key, ...rest] = path
  const copy = { ...target }
  const next = rest.length ? withValue(isObject(target[key]) ? target[key] : {}, rest, value) : value
  if (next === undefined) delete copy[key]
  else copy[key] = next
  return copy
}

const text = (value: unknown) => (typeof value === 'string' ? value : '')
const jsonObject = (value: unknown) => (isObject(value) ? value : {})

export function readEventForm(event: FlowEvent): EventFormValues {
  const roles = valueAt(event, PATHS.roles)
  return {
    email: text(valueAt(event, PATHS.email)),
    email_verified: valueAt(event, PATHS.email_verified) === true,
    roles: Array.isArray(roles) ? roles.map(String) : [],
    client_name: text(valueAt(event, PATHS.client_name)),
    audience: text(valueAt(event, ['resource_server', 'identifier'])) || text(valueAt(event, AUDIENCE_PATH)),
    country: text(valueAt(event, [...GEOIP_PATH, 'countryCode'])),
    continent: text(valueAt(event, PATHS.continent)),
    logins_count: Number(valueAt(event, PATHS.logins_count)) || 0,
    app_metadata: jsonObject(valueAt(event, PATHS.app_metadata)),
    user_metadata: jsonObject(valueAt(event, PATHS.user_metadata)),
  }
}

export function writeEventForm<F extends EventFormField>(event: FlowEvent, field: F, value: EventFormValues[F]): FlowEvent {
  if (field === 'audience') {
    const audience = value as string
    const next = withValue(event, AUDIENCE_PATH, audience || undefined)
    return withValue(next, ['resource_server'], audience ? { identifier: audience } : undefined)
  }
  if (field === 'country') {
    // The city, region, coordinates and time zone were the old country's: the new geoip has none.
    const { cityName, subdivisionCode, subdivisionName, latitude, longitude, timeZone, ...countryLevel } = jsonObject(valueAt(event, GEOIP_PATH))
    const known = COUNTRIES.find((country) => country.code === value)
    const changes = known ? { countryCode: known.code, countryCode3: known.code3, countryName: known.name, continentCode: known.continent } : { countryCode: value }
    return withValue(event, GEOIP_PATH, { ...countryLevel, ...changes })
  }
  // An empty email means a user without one (phone or username logins).
  if (field === 'email' && value === '') return withValue(event, PATHS.email, undefined)
  return withValue(event, PATHS[field as keyof typeof PATHS], value)
}
