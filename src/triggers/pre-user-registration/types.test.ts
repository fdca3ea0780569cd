/**
 * The editor's pre-user-registration types with the actions people write: every template and example action
 * type-checks as checked JavaScript. (src/triggers/eventTypes.test.ts compares `Event` with the zod schema and `API`
 * with the implemented api.)
 */
import { readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
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

describe('the editor\'s pre-user-registration types', () => {
  it('compile with the shared runtime types, without the DOM library', () => {
    expect(errors(program({}))).toEqual([])
  })

  it('type-check every template and example action as checked JavaScript', () => {
    const codes = [BLANK_ACTION, ...TEMPLATES, ...EXAMPLES.flatMap((example) => example.document.actions)].map((action) => action.code)
    const built = program(Object.fromEntries(codes.map((code, index) => [`action${index}.js`, code])))
    expect(errors(built)).toEqual([])
  })
})
