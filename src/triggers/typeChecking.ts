/**
 * For tests: type-checking as the editor does. The runtime's and a trigger's declarations, plus the given files
 * (actions as checked JavaScript), with TypeScript's own libraries and nothing from the project's node_modules.
 */
import { readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import ts from 'typescript'

/** The declarations of what every action has (console, require, …): the editor's runtime.d.ts. */
export const RUNTIME_TYPES = readFileSync(new URL('../features/editor/runtime.d.ts.txt', import.meta.url), 'utf8')

/** A trigger's own declarations (`Event`, `API`, its handlers). */
export function triggerTypes(triggerId: string): string {
  return readFileSync(new URL(`./${triggerId}/types.d.ts.txt`, import.meta.url), 'utf8')
}

export function typeProgram(files: Record<string, string>): ts.Program {
  const options: ts.CompilerOptions = { allowJs: true, checkJs: true, strictNullChecks: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, lib: ['lib.es2022.d.ts'], types: [] }
  const host = ts.createCompilerHost(options)
  const readLib = host.getSourceFile.bind(host)
  host.getSourceFile = (name, version) => (name in files ? ts.createSourceFile(name, files[name], version) : readLib(name, version))
  const libraries = dirname(ts.getDefaultLibFilePath(options))
  host.fileExists = (name) => name in files || (name.startsWith(libraries) && ts.sys.fileExists(name))
  return ts.createProgram(Object.keys(files), options, host)
}

/** The name of the declarations' file in an actions program. */
export const TYPES_FILE = 'auth0-actions.d.ts'

/** A program of a trigger's declarations, an `ActionSecrets` declaration and the given action files. */
export function actionsProgram(triggerId: string, actions: Record<string, string>, secrets: string): ts.Program {
  return typeProgram({ [TYPES_FILE]: `${RUNTIME_TYPES}\n${triggerTypes(triggerId)}`, 'secrets.d.ts': secrets, ...actions })
}

/** The program's errors, each as `file: message`. */
export function typeErrors(program: ts.Program): string[] {
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => `${diagnostic.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`)
}

/** `namespace.method` for every method of a trigger's `API` type (its types.d.ts.txt), sorted. */
export function apiMethods(triggerId: string): string[] {
  const program = typeProgram({ 'runtime.d.ts': RUNTIME_TYPES, 'trigger.d.ts': triggerTypes(triggerId) })
  const declaration = program.getSourceFile('trigger.d.ts')!.statements.find((node) => ts.isTypeAliasDeclaration(node) && node.name.text === 'API')
  if (!declaration) throw new Error(`${triggerId}/types.d.ts.txt declares no type API`)
  const checker = program.getTypeChecker()
  return checker.getTypeAtLocation(declaration).getProperties().flatMap((namespace) =>
    checker.getTypeOfSymbolAtLocation(namespace, declaration).getProperties().map((method) => `${namespace.name}.${method.name}`)).sort()
}
