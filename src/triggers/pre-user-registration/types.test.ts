/**
 * The editor's pre-user-registration types against the trigger: `Event` has the zod schema's fields (names,
 * optionality, primitive types), `PreUserRegistrationAPI` exactly the methods the rules implement, and every template
 * and example action type-checks as checked JavaScript.
 */
import { readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import type * as z from 'zod'
import { preUserRegistrationNamespaces, type RegistrationContext } from './api.ts'
import { PRE_USER_REGISTRATION_EVENT } from './event.ts'
import { EXAMPLES } from './examples.ts'
import { BLANK_ACTION, TEMPLATES } from './templates.ts'

const TYPES_FILE = 'auth0-actions.d.ts'
const types = `${readFileSync(new URL('../../features/editor/runtime.d.ts.txt', import.meta.url), 'utf8')}\n${readFileSync(new URL('./types.d.ts.txt', import.meta.url), 'utf8')}`

function program(actions: Record<string, string>, secrets = 'interface ActionSecrets { INVITES_API_KEY: string }') {
  const files: Record<string, string> = { [TYPES_FILE]: types, 'secrets.d.ts': secrets, ...actions }
  const options: ts.CompilerOptions = { allowJs: true, checkJs: true, strictNullChecks: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, lib: ['lib.es2022.d.ts'], types: [] }
  const host = ts.createCompilerHost(options)
  const readLib = host.getSourceFile.bind(host)
  host.getSourceFile = (name, version) => (name in files ? ts.createSourceFile(name, files[name], version) : readLib(name, version))
  const libraries = dirname(ts.getDefaultLibFilePath(options))
  host.fileExists = (name) => name in files || (name.startsWith(libraries) && ts.sys.fileExists(name))
  return ts.createProgram(Object.keys(files), options, host)
}

function errors(built: ts.Program): string[] {
  return ts.getPreEmitDiagnostics(built).map((diagnostic) => `${diagnostic.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`)
}

function declaration(built: ts.Program, name: string): ts.InterfaceDeclaration {
  return built.getSourceFile(TYPES_FILE)!.statements.find((node): node is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(node) && node.name.text === name)!
}

/** A zod field as `kind` (string, number, boolean, array, object, record) and whether it is optional. */
function zodField(schema: z.ZodType): { optional: boolean; kind: string; inner: any } {
  let inner: any = schema
  let optional = false
  while (inner.def.type === 'optional') { optional = true; inner = inner.def.innerType }
  return { optional, kind: inner.def.type, inner }
}

function tsKind(checker: ts.TypeChecker, type: ts.Type): string {
  if (type.flags & ts.TypeFlags.String) return 'string'
  if (type.flags & ts.TypeFlags.Number) return 'number'
  if (type.flags & ts.TypeFlags.Boolean) return 'boolean'
  if (checker.isArrayType(type)) return 'array'
  if (type.getStringIndexType()) return 'record'
  return 'object'
}

/** `path: kind, optional?` lines of the schema and of the interface, side by side. */
function describeBoth(checker: ts.TypeChecker, at: ts.Node, schema: any, type: ts.Type, path: string, fromZod: string[], fromTs: string[]) {
  for (const [key, value] of Object.entries(schema.def.shape as Record<string, z.ZodType>)) {
    const field = zodField(value)
    fromZod.push(`${path}.${key}: ${field.kind}${field.optional ? '?' : ''}`)
    const symbol = type.getProperty(key)
    if (!symbol) { fromTs.push(`${path}.${key}: missing`); continue }
    const optional = (symbol.flags & ts.SymbolFlags.Optional) !== 0
    const propertyType = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(symbol, at))
    // `secrets: ActionSecrets` is declared per action by the editor: an interface, a record of strings to the schema.
    const kind = key === 'secrets' && path === 'event' ? 'record' : tsKind(checker, propertyType)
    fromTs.push(`${path}.${key}: ${kind}${optional ? '?' : ''}`)
    if (field.kind === 'object' && kind === 'object') describeBoth(checker, at, field.inner, propertyType, `${path}.${key}`, fromZod, fromTs)
  }
  for (const symbol of type.getProperties()) if (!(symbol.name in schema.def.shape)) fromTs.push(`${path}.${symbol.name}: not in the schema`)
}

describe('the editor\'s pre-user-registration types', () => {
  it('compile with the shared runtime types, without the DOM library', () => {
    expect(errors(program({}))).toEqual([])
  })

  it('declare the event the zod schema describes, field by field', () => {
    const built = program({})
    const checker = built.getTypeChecker()
    const event = declaration(built, 'Event')
    const fromZod: string[] = []
    const fromTs: string[] = []
    describeBoth(checker, event, PRE_USER_REGISTRATION_EVENT, checker.getTypeAtLocation(event), 'event', fromZod, fromTs)
    expect(fromZod.length).toBeGreaterThan(50)
    expect(fromTs).toEqual(fromZod)
  })

  it('declare every api namespace and method the rules implement, and no other', () => {
    const implemented = Object.entries(preUserRegistrationNamespaces({ tx: {} } as unknown as RegistrationContext))
      .flatMap(([namespace, methods]) => Object.keys(methods).map((method) => `${namespace}.${method}`)).sort()
    const built = program({})
    const checker = built.getTypeChecker()
    const api = declaration(built, 'PreUserRegistrationAPI')
    const declared = checker.getTypeAtLocation(api).getProperties().flatMap((namespace) =>
      checker.getTypeOfSymbolAtLocation(namespace, api).getProperties().map((method) => `${namespace.name}.${method.name}`)).sort()
    expect(declared).toEqual(implemented)
  })

  it('type-check every template and example action as checked JavaScript', () => {
    const codes = [BLANK_ACTION, ...TEMPLATES, ...EXAMPLES.flatMap((example) => example.document.actions)].map((action) => action.code)
    const built = program(Object.fromEntries(codes.map((code, index) => [`action${index}.js`, code])))
    expect(errors(built)).toEqual([])
  })
})
