/**
 * Monaco for the playground, imported only by the lazily loaded editors: its workers, and a language
 * service that knows the flow's trigger's `event` and `api` (see actionModuleTypes.ts). Import `monaco`
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
import runtimeTypes from './runtime.d.ts.txt?raw'
import { triggerOf } from '../../engine/triggers.ts'
import { ACTION_COMPILER_OPTIONS, actionModuleTypes } from './actionModuleTypes.ts'

self.MonacoEnvironment = {
  getWorker(_workerId, label) {
    if (label === 'typescript') return new TsWorker()
    if (label === 'json') return new JsonWorker()
    return new EditorWorker()
  },
}

const RUNTIME_TYPES_URI = 'file:///node_modules/@types/auth0-actions/index.d.ts'
const TRIGGER_TYPES_URI = 'file:///node_modules/@types/auth0-actions/trigger.d.ts'
const ACTION_MODULE_URI = 'file:///node_modules/@types/auth0-actions/action-module.d.ts'
const SECRETS_TYPES_URI = 'file:///node_modules/@types/auth0-actions/secrets.d.ts'

typescriptDefaults.setCompilerOptions(ACTION_COMPILER_OPTIONS)
// Problems come from `findProblems`, so the editor's markers are the ones the canvas badges show.
typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: true, noSyntaxValidation: true, noSuggestionDiagnostics: true })
typescriptDefaults.setEagerModelSync(true)
// The types as models (not extra libs), so go-to-definition can show the declaration.
monaco.editor.createModel(runtimeTypes, 'typescript', monaco.Uri.parse(RUNTIME_TYPES_URI))

/** Each trigger's `Event` and `API` (src/triggers/<id>/types.d.ts.txt), by trigger id. */
const TRIGGER_TYPES = Object.fromEntries(Object.entries(
  import.meta.glob<string>('../../triggers/*/types.d.ts.txt', { query: '?raw', import: 'default', eager: true }),
).map(([path, text]) => [path.split('/').at(-2)!, text]))

let typedTrigger: string | null = null

/** Makes `event` and `api` in action code the given trigger's. */
export function setTriggerTypes(id: string) {
  if (typedTrigger === id) return
  typedTrigger = id
  typescriptDefaults.addExtraLib(actionModuleTypes(runtimeTypes, triggerOf(id).handlers), ACTION_MODULE_URI)
  const uri = monaco.Uri.parse(TRIGGER_TYPES_URI)
  const model = monaco.editor.getModel(uri)
  if (model) model.setValue(TRIGGER_TYPES[id] ?? '')
  else monaco.editor.createModel(TRIGGER_TYPES[id] ?? '', 'typescript', uri)
}
setTriggerTypes('post-login')

/** Declares `event.secrets` as exactly the secrets of the action being edited. */
export function setActionSecrets(names: string[]) {
  const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name))
  const members = names.map((name) => `  /** A secret of this action. */\n  ${key(name)}: string\n`).join('')
  typescriptDefaults.addExtraLib(`interface ActionSecrets {\n${members}}\n`, SECRETS_TYPES_URI)
}

export { monaco, jsonDefaults }
