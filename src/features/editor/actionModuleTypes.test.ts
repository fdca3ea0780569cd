/** Completions in action code without Auth0's JSDoc header, with the editor's language service setup. */
import { readFileSync } from 'node:fs'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { postLogin } from '../../triggers/post-login/index.ts'
import { ACTION_COMPILER_OPTIONS, actionModuleTypes } from './actionModuleTypes.ts'

const runtimeTypes = readFileSync(new URL('./runtime.d.ts.txt', import.meta.url), 'utf8')
const auth0Types = `${runtimeTypes}\n${readFileSync(new URL('../../triggers/post-login/types.d.ts.txt', import.meta.url), 'utf8')}`

function completionsAt(code: string, marker: string): string[] {
  const files: Record<string, string> = {
    '/types/index.d.ts': auth0Types,
    '/types/action-module.d.ts': actionModuleTypes(runtimeTypes, postLogin.handlers),
    '/types/secrets.d.ts': 'interface ActionSecrets { API_KEY: string }',
    '/actions/a.ts': code.replace(marker, ''),
    '/actions/b.ts': 'const fromAnotherAction = 1\nexports.onExecutePostLogin = async () => {}\n',
  }
  const read = (name: string) => files[name] ?? ts.sys.readFile(name)
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => Object.keys(files),
    getScriptVersion: () => '1',
    getScriptSnapshot: (name) => { const text = read(name); return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text) },
    getCurrentDirectory: () => '/',
    getCompilationSettings: () => ({ ...ACTION_COMPILER_OPTIONS, lib: ['lib.es2022.d.ts'], types: [] }) as ts.CompilerOptions,
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: (name) => read(name) !== undefined,
    readFile: read,
  }
  const service = ts.createLanguageService(host)
  return service.getCompletionsAtPosition('/actions/a.ts', code.indexOf(marker), {})?.entries.map((entry) => entry.name) ?? []
}

describe('completions in an action without a JSDoc header', () => {
  it('know event and api in exports.onExecutePostLogin', () => {
    const code = 'exports.onExecutePostLogin = async (event, api) => {\n  event.|\n}\n'
    expect(completionsAt(code, '|')).toEqual(expect.arrayContaining(['user', 'client', 'request', 'secrets', 'transaction']))
    expect(completionsAt(code.replace('event.|', 'api.|'), '|')).toEqual(expect.arrayContaining(['access', 'idToken', 'accessToken', 'redirect', 'user']))
  })

  it('know them in onContinuePostLogin, in module.exports and in a function expression', () => {
    expect(completionsAt('exports.onContinuePostLogin = async function (event, api) { api.redirect.| }', '|')).toEqual(expect.arrayContaining(['sendUserTo', 'validateToken']))
    expect(completionsAt('module.exports = { onExecutePostLogin: async (event, api) => { event.secrets.| } }', '|')).toEqual(['API_KEY'])
  })

  it('type what require gives, and keep other actions\' names out', () => {
    const code = "const axios = require('axios')\nexports.onExecutePostLogin = async (event, api) => { axios.| }"
    expect(completionsAt(code, '|')).toEqual(expect.arrayContaining(['get', 'post', 'create']))
    expect(completionsAt('exports.onExecutePostLogin = async (event, api) => { f| }', '|')).not.toContain('fromAnotherAction')
  })
})
