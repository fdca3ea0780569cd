/**
 * Monaco for the playground, imported only by the lazily loaded editors: its workers, and a JavaScript
 * language service that knows Auth0's post-login `event` and `api`. Import `monaco` from here so this
 * setup has run before any editor or model exists.
 */
import * as monaco from 'monaco-editor/editor'
import 'monaco-editor/features/register.all'
import 'monaco-editor/languages/definitions/javascript/register'
import 'monaco-editor/languages/definitions/typescript/register'
import { jsonDefaults } from 'monaco-editor/languages/features/json/register'
import { javascriptDefaults, ModuleKind, typescriptDefaults, type ScriptTarget } from 'monaco-editor/languages/features/typescript/register'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker'
import TsWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker'
import auth0Types from './auth0-actions.d.ts.txt?raw'

self.MonacoEnvironment = {
  getWorker(_workerId, label) {
    if (label === 'javascript' || label === 'typescript') return new TsWorker()
    if (label === 'json') return new JsonWorker()
    return new EditorWorker()
  },
}

const AUTH0_TYPES_URI = 'file:///node_modules/@types/auth0-actions/index.d.ts'
const SECRETS_TYPES_URI = 'file:///node_modules/@types/auth0-actions/secrets.d.ts'

javascriptDefaults.setCompilerOptions({
  allowJs: true,
  // Checked JavaScript (its errors stay hidden, see below): unchecked, TypeScript pads every completion
  // list with all the names in the file.
  checkJs: true,
  allowNonTsExtensions: true,
  target: 9 as ScriptTarget, // ES2022: Monaco's copy of the enum stops at ES2020
  module: ModuleKind.CommonJS,
  // No `dom`: the `@param {Event} event` of Auth0's templates must resolve to the post-login Event.
  lib: ['es2022'],
})
// Problems come from `findProblems`, so the editor's markers are the ones the canvas badges show.
javascriptDefaults.setDiagnosticsOptions({ noSemanticValidation: true, noSyntaxValidation: true, noSuggestionDiagnostics: true })
javascriptDefaults.setEagerModelSync(true)
javascriptDefaults.addExtraLib(auth0Types, AUTH0_TYPES_URI)
// The same text as a model, so go-to-definition can show the declaration. It is the only TypeScript
// model: colour it, but start no second TypeScript worker for it.
typescriptDefaults.setModeConfiguration({})
monaco.editor.createModel(auth0Types, 'typescript', monaco.Uri.parse(AUTH0_TYPES_URI))

/** Declares `event.secrets` as exactly the secrets of the action being edited. */
export function setActionSecrets(names: string[]) {
  const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name))
  const members = names.map((name) => `  /** A secret of this action. */\n  ${key(name)}: string\n`).join('')
  javascriptDefaults.addExtraLib(`interface ActionSecrets {\n${members}}\n`, SECRETS_TYPES_URI)
}

export { monaco, jsonDefaults }
