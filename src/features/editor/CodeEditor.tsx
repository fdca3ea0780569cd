/**
 * The selected action's code in Monaco, with IntelliSense for `event` and `api` and the action's
 * problems as markers. Loaded with React.lazy: Monaco stays out of the page's first chunk.
 */
import { useEffect, useRef, useState } from 'react'
import { useCodeFocus, useEditorFocusPending, useResult, useSelectedActionId, useStore, useStoreApi, useTabMovesFocus, useTriggerId } from '../../store/hooks.ts'
import { selectActions, selectSelectedAction } from '../../store/selectors.ts'
import { EDITOR_REGION_CLASS } from '../ui/typingTarget.ts'
import { useStoredFlag } from '../ui/useStoredFlag.ts'
import { useWalkSkipped } from '../walk/useWalkSkipped.ts'
import { actionModel, markRunErrors, rememberedViewState, rememberViewState, syncActionModels } from './actionModels.ts'
import { bindEditorCommands } from './editorCommands.ts'
import { monaco, setActionSecrets, setTriggerTypes } from './monacoSetup.ts'
import { editorOptions, useMonacoTheme } from './monacoTheme.ts'

type Editor = monaco.editor.IStandaloneCodeEditor

/** For end-to-end tests: what the editor shows, since the ESM build of Monaco has no page global. */
export interface PlaygroundEditorHandle {
  getValue(): string
  /** The markers of the shown model, ours (owner 'playground') and any other owner's. */
  getMarkers(): { owner: string; severity: 'error' | 'warning' | 'info' | 'hint'; message: string; line: number; column: number }[]
  /** The width the text needs and the width it has: Monaco shows a horizontal scrollbar when the first is larger. */
  getWidths(): { scrollWidth: number; contentWidth: number }
}

declare global {
  interface Window {
    __playgroundEditor?: PlaygroundEditorHandle
  }
}

const SEVERITY_NAMES = {
  [monaco.MarkerSeverity.Error]: 'error',
  [monaco.MarkerSeverity.Warning]: 'warning',
  [monaco.MarkerSeverity.Info]: 'info',
  [monaco.MarkerSeverity.Hint]: 'hint',
} as const

function testHandle(editor: Editor): PlaygroundEditorHandle {
  return {
    getValue: () => editor.getValue(),
    getMarkers: () => {
      const model = editor.getModel()
      if (!model) return []
      return monaco.editor.getModelMarkers({ resource: model.uri })
        .map((marker) => ({ owner: marker.owner, severity: SEVERITY_NAMES[marker.severity], message: marker.message, line: marker.startLineNumber, column: marker.startColumn }))
    },
    getWidths: () => ({ scrollWidth: editor.getScrollWidth(), contentWidth: editor.getLayoutInfo().contentWidth }),
  }
}

/** The selected action's secret names as one string, so the effect below runs only when they change. */
const useSecretNames = () =>
  useStore((state) => JSON.stringify(Object.keys(selectSelectedAction(state)?.secrets ?? {})))

/** How to leave the editor with the keyboard, where a keyboard user looks for it. */
function KeyboardHint() {
  const tabMovesFocus = useTabMovesFocus()
  return (
    <p className="truncate text-xs text-slate-600 dark:text-slate-400">
      F6 leaves the editor · Ctrl+M: Tab {tabMovesFocus ? 'moves the focus' : 'indents'}
    </p>
  )
}

export default function CodeEditor() {
  const store = useStoreApi()
  const selectedId = useSelectedActionId()
  const secretNames = useSecretNames()
  const container = useRef<HTMLDivElement>(null)
  const shownId = useRef<string | null>(null)
  const [editor, setEditor] = useState<Editor | null>(null)
  const [wordWrap, setWordWrap] = useStoredFlag('actions-playground:word-wrap', false)
  useMonacoTheme()

  useEffect(() => {
    const instance = monaco.editor.create(container.current!, {
      model: null,
      ...editorOptions(),
      ariaLabel: 'Action code',
      // Completions come from the types only: `event.secrets.` lists exactly the action's secrets.
      wordBasedSuggestions: 'off',
      // A standalone editor cannot open another file, so Ctrl+click shows the Auth0 types in a peek.
      definitionLinkOpensInPeek: true,
    })
    const unbindCommands = bindEditorCommands(instance, store)
    syncActionModels(selectActions(store.getState()))
    const unsubscribe = store.subscribe((state, previous) => {
      const actions = selectActions(state)
      if (actions !== selectActions(previous)) syncActionModels(actions)
    })
    window.__playgroundEditor = testHandle(instance)
    setEditor(instance)
    return () => {
      if (shownId.current) rememberViewState(shownId.current, instance.saveViewState())
      unsubscribe()
      unbindCommands()
      delete window.__playgroundEditor
      instance.dispose()
    }
  }, [store])

  useEffect(() => {
    if (!editor) return
    if (shownId.current) rememberViewState(shownId.current, editor.saveViewState())
    const action = selectActions(store.getState()).find((item) => item.id === selectedId)
    shownId.current = action ? action.id : null
    editor.setModel(action ? actionModel(store, action) : null)
    const saved = action && rememberedViewState(action.id)
    if (saved) editor.restoreViewState(saved)
  }, [editor, selectedId, store])

  const focusPending = useEditorFocusPending()
  useEffect(() => {
    if (!editor || !focusPending || !selectedId) return
    editor.focus()
    store.getState().editorFocused()
  }, [editor, focusPending, selectedId, store])

  useEffect(() => setActionSecrets(JSON.parse(secretNames) as string[]), [secretNames])
  const trigger = useTriggerId()
  useEffect(() => setTriggerTypes(trigger), [trigger])

  useEffect(() => editor?.updateOptions({ wordWrap: wordWrap ? 'on' : 'off' }), [editor, wordWrap])

  // A timeline entry or a console line asked to see this line: scroll to it and highlight it.
  const focus = useCodeFocus()
  useEffect(() => {
    if (!editor || !focus || focus.actionId !== selectedId || !focus.line) return
    editor.revealLineInCenter(focus.line)
    editor.setPosition({ lineNumber: focus.line, column: 1 })
    const highlight = editor.createDecorationsCollection([
      { range: new monaco.Range(focus.line, 1, focus.line, 1), options: { isWholeLine: true, className: 'playground-focus-line', linesDecorationsClassName: 'playground-focus-gutter' } },
    ])
    return () => highlight.clear()
  }, [editor, focus, selectedId])

  // Stepping through the run: the branch an `if` did not take is dimmed.
  const skipped = useWalkSkipped(selectedId)
  const [skippedFrom, skippedTo] = skipped ?? [0, 0]
  useEffect(() => {
    if (!editor || !skippedFrom) return
    const dimmed = editor.createDecorationsCollection([
      { range: new monaco.Range(skippedFrom, 1, skippedTo, 1), options: { isWholeLine: true, className: 'playground-skipped-lines', hoverMessage: { value: 'Not run: the `if` above took the other way.' } } },
    ])
    return () => dimmed.clear()
  }, [editor, skippedFrom, skippedTo])

  // The error that failed the last run, as a marker on its line.
  const result = useResult()
  useEffect(() => {
    if (!editor) return
    const errors = new Map(result?.actions.flatMap(({ id, error }) => (error?.line ? [[id, { ...error, line: error.line }] as const] : [])))
    markRunErrors(store, errors)
  }, [editor, result, store])

  return (
    <div className="flex h-full min-h-48 flex-col">
      <div className="relative min-h-0 flex-1">
        <div ref={container} data-testid="code-editor" className={`${EDITOR_REGION_CLASS} absolute inset-0 ${selectedId ? '' : 'invisible'}`} />
        {!selectedId && <p className="p-4 text-sm text-slate-600 dark:text-slate-400">Select an action to edit its code.</p>}
      </div>
      <div className="flex items-center justify-between gap-3 border-t border-slate-200 px-3 py-0.5 dark:border-slate-800">
        <KeyboardHint />
        <label className="flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-400">
          <input type="checkbox" checked={wordWrap} onChange={(event) => setWordWrap(event.target.checked)} />
          Word wrap
        </label>
      </div>
    </div>
  )
}
