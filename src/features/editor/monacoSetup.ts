/**
 * Monaco for the playground, imported only by the lazily loaded editors: its workers, and a language
 * service that knows Auth0's post-login `event` and `api` (see actionModuleTypes.ts). Import `monaco`
 * from here so this setup has run before any editor or model exists.
 */
import * as monaco from 'monaco-editor/editor'
import 'monaco-editor/features/register.all'
import 'monaco-editor/languages/definitions/typescript/register'
import { jsonDefaults } from 'monaco-editor/languages/features/json/register'
import { typescriptDefaults } from 'monaco-editor/languages/features/typescript/register'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker'
import TsWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker'
import auth0Types from './auth0-actions.d.ts.txt?raw'
import { ACTION_COMPILER_OPTIONS, actionModuleTypes } from './actionModuleTypes.ts'

self.MonacoEnvironment = {
  getWorker(_workerId, label) {
    if (label === 'typescript') return new TsWorker()
    if (label === 'json') return new JsonWorker()
    return new EditorWorker()
  },
}

const AUTH0_TYPES_URI = 'file:///node_modules/@types/auth0-actions/index.d.ts'
const ACTION_MODULE_URI = 'file:///node_modules/@types/auth0-actions/action-module.d.ts'
const SECRETS_TYPES_URI = 'file:///node_modules/@types/auth0-actions/secrets.d.ts'

typescriptDefaults.setCompilerOptions(ACTION_COMPILER_OPTIONS)
// Problems come from `findProblems`, so the editor's markers are the ones the canvas badges show.
typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: true, noSyntaxValidation: true, noSuggestionDiagnostics: true })
typescriptDefaults.setEagerModelSync(true)
typescriptDefaults.addExtraLib(actionModuleTypes(auth0Types), ACTION_MODULE_URI)
// The Auth0 types as a model (not an extra lib), so go-to-definition can show the declaration.
monaco.editor.createModel(auth0Types, 'typescript', monaco.Uri.parse(AUTH0_TYPES_URI))

/** Declares `event.secrets` as exactly the secrets of the action being edited. */
export function setActionSecrets(names: string[]) {
  const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name))
  const members = names.map((name) => `  /** A secret of this action. */\n  ${key(name)}: string\n`).join('')
  typescriptDefaults.addExtraLib(`interface ActionSecrets {\n${members}}\n`, SECRETS_TYPES_URI)
}

export { monaco, jsonDefaults }
