/**
 * The building blocks of the triggers' event schemas: zod types that carry a description (and the JSON Schema
 * hints the event editor shows: examples, enums, formats). Every field is optional unless its object lists it as
 * required, as Auth0 leaves parts out depending on the login.
 */
import * as z from 'zod'

type Hints = { examples?: string[]; enum?: readonly [string, ...string[]]; pattern?: string }

export function string(description: string, hints: Hints = {}): z.ZodType {
  const base = hints.enum ? z.enum(hints.enum) : hints.pattern ? z.string().regex(new RegExp(hints.pattern)) : z.string()
  return base.meta({ description, ...(hints.examples ? { examples: hints.examples } : {}) })
}

export const number = (description: string) => z.number().meta({ description })
export const integer = (description: string) => z.number().int().min(0).meta({ description })
export const boolean = (description: string) => z.boolean().meta({ description })
export const strings = (description: string) => z.array(z.string()).meta({ description })
export const array = (description: string, items: z.ZodType) => z.array(items).meta({ description })
/** An object whose fields the playground does not describe. */
export const anyObject = (description: string) => z.looseObject({}).meta({ description })
export const stringMap = (description: string) => z.record(z.string(), z.string()).meta({ description })
export const isoDate = (description: string) => z.string().meta({ description: `${description} (ISO 8601)`, format: 'date-time' })

export function object(description: string, fields: Record<string, z.ZodType>, required: string[] = []) {
  const shape = Object.fromEntries(Object.entries(fields).map(([name, type]) => [name, required.includes(name) ? type : type.optional()]))
  return z.looseObject(shape).meta({ description })
}

/** Where a request's IP address is (`event.request.geoip`), as every trigger's event describes it. */
export function geoip(description: string) {
  return object(description, {
    cityName: string('City.'),
    continentCode: string('Continent code.', { enum: ['AF', 'AN', 'AS', 'EU', 'NA', 'OC', 'SA'] }),
    countryCode: string('ISO 3166-1 alpha-2 country code, e.g. US.', { pattern: '^[A-Z]{2}$' }),
    countryCode3: string('ISO 3166-1 alpha-3 country code, e.g. USA.', { pattern: '^[A-Z]{3}$' }),
    countryName: string('Country name.'),
    latitude: number('Latitude.'),
    longitude: number('Longitude.'),
    subdivisionCode: string('Subdivision (state, region) code.'),
    subdivisionName: string('Subdivision name.'),
    timeZone: string('IANA time zone, e.g. Europe/Berlin.'),
  })
}

/** The JSON Schema the event editor checks the event with, generated from the trigger's zod schema. */
export function eventJsonSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: 'draft-7', unrepresentable: 'any' }) as Record<string, unknown>
}
