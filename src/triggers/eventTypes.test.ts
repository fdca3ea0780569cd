/**
 * Each trigger describes its event once, as a zod schema; the event editor's JSON Schema is generated from it and
 * the editor's types (types.d.ts.txt) are written by hand. These tests fail when the three disagree: a field one of
 * them has and another lacks, a field of another kind (string, number, boolean, array, object, map), a field the
 * schema requires that the types call optional; and when the types' `API` and the rules' `api` namespaces differ.
 */
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import { TRIGGERS } from '../engine/triggers.ts'
import type { TriggerDefinition } from '../engine/trigger.ts'
import { eventJsonSchema, object, string } from './eventFields.ts'
import { RULES } from './rules.ts'
import { apiMethods, RUNTIME_TYPES, triggerTypes, typeErrors, typeProgram } from './typeChecking.ts'

/** `path: kind` for every field, and `path!` for every required one. */
type Fields = Set<string>

function zodFields(schema: z.ZodType, path = 'event', out: Fields = new Set()): Fields {
  let type = schema as z.ZodType & { def: any }
  while (type.def.type === 'optional') type = type.def.innerType
  const kind = type.def.type
  // An object without described fields is any object: a map to the types.
  if (kind === 'object' && !Object.keys(type.def.shape).length) out.add(`${path}: map`)
  else if (kind === 'object') {
    const shape = type.def.shape as Record<string, z.ZodType & { def: any }>
    out.add(`${path}: object`)
    for (const [name, field] of Object.entries(shape)) {
      if (field.def.type !== 'optional') out.add(`${path}.${name}!`)
      zodFields(field, `${path}.${name}`, out)
    }
  } else if (kind === 'array') {
    out.add(`${path}: array`)
    zodFields(type.def.element, `${path}[]`, out)
  } else if (kind === 'record') out.add(`${path}: map`)
  else if (kind === 'enum' || kind === 'string') out.add(`${path}: string`)
  else if (kind === 'union') out.add(`${path}: ${type.def.options.map((option: any) => option.def.type).sort().join('|')}`)
  else out.add(`${path}: ${kind}`)
  return out
}

function jsonSchemaFields(schema: any, path = 'event', out: Fields = new Set()): Fields {
  const kind = Array.isArray(schema.type) ? schema.type.sort().join('|') : schema.type ?? (schema.anyOf ? schema.anyOf.map((option: any) => option.type).sort().join('|') : 'unknown')
  if (kind === 'object' && Object.keys(schema.properties ?? {}).length) {
    out.add(`${path}: object`)
    for (const [name, field] of Object.entries(schema.properties)) {
      if (schema.required?.includes(name)) out.add(`${path}.${name}!`)
      jsonSchemaFields(field, `${path}.${name}`, out)
    }
  } else if (kind === 'object') out.add(`${path}: map`)
  else if (kind === 'array') {
    out.add(`${path}: array`)
    jsonSchemaFields(schema.items, `${path}[]`, out)
  } else out.add(`${path}: ${kind === 'integer' ? 'number' : kind}`)
  return out
}

function declarations(types: string) {
  const program = typeProgram({ 'runtime.d.ts': RUNTIME_TYPES, 'trigger.d.ts': types })
  const source = program.getSourceFile('trigger.d.ts')!
  const named = (name: string) => source.statements.find((node) => (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) && node.name.text === name)
  return { checker: program.getTypeChecker(), named, errors: typeErrors(program) }
}

function typeFields(checker: ts.TypeChecker, type: ts.Type, path = 'event', out: Fields = new Set()): Fields {
  const parts = type.isUnion() ? type.types.filter((part) => !(part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null))) : [type]
  const kinds = new Set(parts.map((part) => {
    if (part.flags & (ts.TypeFlags.StringLike)) return 'string'
    if (part.flags & ts.TypeFlags.NumberLike) return 'number'
    if (part.flags & ts.TypeFlags.BooleanLike) return 'boolean'
    if (checker.isArrayType(part)) return 'array'
    if (part.flags & ts.TypeFlags.Object) return part.getProperties().length ? 'object' : checker.getIndexInfosOfType(part).length ? 'map' : 'object'
    return checker.typeToString(part)
  }))
  const kind = [...kinds].sort().join('|')
  out.add(`${path}: ${kind}`)
  if (kind === 'object') {
    for (const property of parts[0].getProperties()) {
      const declaration = property.valueDeclaration ?? property.declarations?.[0]
      if (!declaration) continue
      if (!(property.flags & ts.SymbolFlags.Optional)) out.add(`${path}.${property.name}!`)
      typeFields(checker, checker.getTypeOfSymbolAtLocation(property, declaration), `${path}.${property.name}`, out)
    }
  } else if (kind === 'array') {
    typeFields(checker, checker.getTypeArguments(parts[0] as ts.TypeReference)[0], `${path}[]`, out)
  }
  return out
}

/** What one description has that the other lacks; requirements are compared one way (see the header). */
function differences(schema: Fields, types: Fields): string[] {
  const kindsOf = (fields: Fields) => [...fields].filter((field) => !field.endsWith('!'))
  const missing = kindsOf(schema).filter((field) => !types.has(field)).map((field) => `schema has ${field}; types do not`)
  const extra = kindsOf(types).filter((field) => !schema.has(field)).map((field) => `types have ${field}; schema does not`)
  const optional = [...schema].filter((field) => field.endsWith('!') && !types.has(field)).map((field) => `schema requires ${field.slice(0, -1)}; types make it optional`)
  return [...missing, ...extra, ...optional].sort()
}

function eventTypeFields(trigger: TriggerDefinition, types = triggerTypes(trigger.id)): Fields {
  const { checker, named } = declarations(types)
  const declaration = named('Event')
  if (!declaration) throw new Error(`${trigger.id}/types.d.ts.txt declares no Event`)
  const fields = typeFields(checker, checker.getTypeAtLocation(declaration))
  // Each action's secrets are typed by the editor from the action, not by the trigger.
  for (const field of [...fields]) if (field.startsWith('event.secrets')) fields.delete(field)
  fields.add('event.secrets: map')
  return fields
}

describe.each(TRIGGERS.map((trigger) => [trigger.id, trigger] as const))('the %s trigger', (_id, trigger) => {
  it('generates the event editor\'s JSON Schema from its zod schema, field for field', () => {
    expect(differences(zodFields(trigger.event.schema), jsonSchemaFields(eventJsonSchema(trigger.event.schema)))).toEqual([])
  })

  it('types the editor\'s Event as its zod schema describes it', () => {
    expect(declarations(triggerTypes(trigger.id)).errors).toEqual([])
    expect(differences(zodFields(trigger.event.schema), eventTypeFields(trigger))).toEqual([])
  })

  it('declares in API exactly the api methods its rules implement', () => {
    const rules = RULES[trigger.id]
    const state = trigger.state.create(trigger.event.create())
    const context = { tx: state, event: trigger.event.create(), action: { id: 'a', name: 'A' }, phase: 'execute', now: Date.now, local: rules.createLocal(state) }
    const implemented = Object.entries(rules.namespaces(context as never)).flatMap(([namespace, methods]) => Object.keys(methods).map((method) => `${namespace}.${method}`)).sort()
    expect(apiMethods(trigger.id)).toEqual(implemented)
  })

  it('accepts its default event and every preset', () => {
    for (const event of [trigger.event.create(), ...trigger.event.presets.map((preset) => preset.apply(trigger.event.create()))]) {
      expect(trigger.event.schema.safeParse(event).error?.issues ?? []).toEqual([])
    }
  })
})

describe('the comparison', () => {
  it('finds a field the schema has and the types lack, a kind that differs and a requirement the types drop', () => {
    const schema = object('An event.', { user: object('A user.', { email: string('Email.'), id: string('Id.') }, ['id']), count: string('A count.') }, ['user'])
    const types = 'interface Event { user?: { email: string; id?: string }; count: number }\ntype API = {}\n'
    const { checker, named } = declarations(types)
    expect(differences(zodFields(schema), typeFields(checker, checker.getTypeAtLocation(named('Event')!)))).toEqual([
      'schema has event.count: string; types do not',
      'schema requires event.user.id; types make it optional',
      'schema requires event.user; types make it optional',
      'types have event.count: number; schema does not',
    ])
  })
})
