/**
 * One Monaco model per action (`file:///actions/<id>.ts`: TypeScript to the language service, see actionModuleTypes.ts). A model lives as long as its action, so it
 * keeps its undo history while the editor shows another action or is closed. Edits go to the store;
 * the action's problems (`findProblems`) become markers.
 */
import type { FlowAction } from '../../engine/flowDocument.ts'
import type { ActionError } from '../../engine/types.ts'
import { findAction } from '../../store/actionLookup.ts'
import { findProblems } from '../../engine/problems.ts'
import type { PlaygroundStore } from '../../store/index.ts'
import { selectActions, selectDoc } from '../../store/selectors.ts'
import { monaco } from './monacoSetup.ts'
import { triggerOf } from '../../engine/triggers.ts'
import { replaceModelText } from './replaceModelText.ts'

type Model = monaco.editor.ITextModel

const MARKER_OWNER = 'playground'
const RUN_MARKER_OWNER = 'run'
const PROBLEMS_DELAY_MS = 200
const ACTIONS_PATH = '/actions/'
const EXTENSION = '.ts'

const viewStates = new Map<string, monaco.editor.ICodeEditorViewState>()

function uriOf(id: string) {
  return monaco.Uri.from({ scheme: 'file', path: `${ACTIONS_PATH}${id}${EXTENSION}` })
}

function existingActionModels(): [string, Model][] {
  return monaco.editor.getModels()
    .filter((model) => model.uri.scheme === 'file' && model.uri.path.startsWith(ACTIONS_PATH))
    .map((model) => [model.uri.path.slice(ACTIONS_PATH.length, -EXTENSION.length), model])
}

function showProblems(store: PlaygroundStore, model: Model, id: string) {
  const doc = selectDoc(store.getState())
  const dependencies = findAction(doc.actions, id)?.dependencies
  const markers = findProblems(model.getValue(), dependencies, triggerOf(doc.trigger).handlers).map((problem): monaco.editor.IMarkerData => ({
    severity: problem.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
    message: problem.message,
    startLineNumber: problem.line,
    startColumn: problem.column,
    endLineNumber: problem.endLine,
    endColumn: problem.endColumn,
  }))
  monaco.editor.setModelMarkers(model, MARKER_OWNER, markers)
}

/** The action's model, created on first use; its edits go to `store`. */
export function actionModel(store: PlaygroundStore, action: FlowAction): Model {
  const uri = uriOf(action.id)
  const existing = monaco.editor.getModel(uri)
  if (existing) return existing
  const model = monaco.editor.createModel(action.code, 'typescript', uri)
  let problemsTimer: ReturnType<typeof setTimeout> | undefined
  model.onDidChangeContent(() => {
    const code = model.getValue()
    const state = store.getState()
    const stored = findAction(selectActions(state), action.id)
    if (stored && stored.code !== code) state.setCode(action.id, code)
    clearTimeout(problemsTimer)
    problemsTimer = setTimeout(() => showProblems(store, model, action.id), PROBLEMS_DELAY_MS)
  })
  model.onWillDispose(() => {
    clearTimeout(problemsTimer)
    viewStates.delete(action.id)
  })
  showProblems(store, model, action.id)
  return model
}

/**
 * Brings the models in line with the store: a removed action's model is disposed, and code changed
 * elsewhere (a loaded document, an import) replaces the model's text as one undoable edit.
 */
export function syncActionModels(actions: FlowAction[]) {
  const byId = new Map(actions.map((action) => [action.id, action]))
  for (const [id, model] of existingActionModels()) {
    const action = byId.get(id)
    if (!action) model.dispose()
    else if (model.getValue() !== action.code) replaceModelText(model, action.code)
  }
}

/**
 * Marks the line where the last run failed in the models of the actions that failed (a flow stops at its
 * first failure, so few), and clears the marks an earlier run left in the others: not a model per action.
 */
export function markRunErrors(store: PlaygroundStore, errors: ReadonlyMap<string, ActionError & { line: number }>) {
  for (const [id, model] of existingActionModels()) if (!errors.has(id)) monaco.editor.setModelMarkers(model, RUN_MARKER_OWNER, [])
  const actions = selectActions(store.getState())
  for (const [id, error] of errors) {
    const action = findAction(actions, id)
    if (!action) continue
    monaco.editor.setModelMarkers(actionModel(store, action), RUN_MARKER_OWNER, [{
      severity: monaco.MarkerSeverity.Error,
      message: `The last run failed here: ${error.name}: ${error.message}`,
      startLineNumber: error.line, startColumn: error.column ?? 1, endLineNumber: error.line, endColumn: (error.column ?? 1) + 1,
    }])
  }
}

/** `state` is null when the editor had no model left (its action was removed): nothing to remember. */
export function rememberViewState(id: string, state: monaco.editor.ICodeEditorViewState | null) {
  if (state) viewStates.set(id, state)
}

export function rememberedViewState(id: string): monaco.editor.ICodeEditorViewState | null {
  return viewStates.get(id) ?? null
}
