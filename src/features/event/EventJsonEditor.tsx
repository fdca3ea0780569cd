/**
 * The event as JSON in Monaco, checked against the flow's trigger's event schema. What the user types goes to
 * the store as typed (even when invalid); only a replacement from elsewhere (a preset, the form, a loaded
 * document) rewrites the text, as one undoable edit.
 */
import { useEffect, useRef } from 'react'
import { useStoreApi, useTriggerId } from '../../store/hooks.ts'
import type { PlaygroundStore } from '../../store/index.ts'
import { selectEventText } from '../../store/selectors.ts'
import { jsonDefaults, monaco } from '../editor/monacoSetup.ts'
import { bindEditorCommands } from '../editor/editorCommands.ts'
import { editorOptions, useMonacoTheme } from '../editor/monacoTheme.ts'
import { EDITOR_REGION_CLASS } from '../ui/typingTarget.ts'
import { replaceModelText } from '../editor/replaceModelText.ts'
import { triggerOf } from '../../engine/triggers.ts'
import { eventJsonSchema } from '../../triggers/eventFields.ts'

const EVENT_URI = monaco.Uri.parse('file:///event.json')

declare global {
  interface Window {
    /** For end-to-end tests: the text in the event's JSON editor. */
    __playgroundEventJson?: () => string
  }
}

let checkedTrigger: string | null = null

/** Checks the event editor's JSON against the trigger's event schema. */
function useEventSchema(id: string) {
  useEffect(() => {
    if (checkedTrigger === id) return
    checkedTrigger = id
    jsonDefaults.setDiagnosticsOptions({
      validate: true,
      allowComments: false,
      enableSchemaRequest: false,
      schemas: [{ uri: `https://actions-playground.local/schemas/${id}-event.json`, fileMatch: [EVENT_URI.toString()], schema: eventJsonSchema(triggerOf(id).event.schema) }],
    })
  }, [id])
}

/** The event's model outlives the editor, so its undo history survives switching tabs. */
function eventModel(store: PlaygroundStore): monaco.editor.ITextModel {
  const text = selectEventText(store.getState())
  const model = monaco.editor.getModel(EVENT_URI) ?? monaco.editor.createModel(text, 'json', EVENT_URI)
  if (model.getValue() !== text) replaceModelText(model, text)
  return model
}

export default function EventJsonEditor() {
  const container = useRef<HTMLDivElement>(null)
  const store = useStoreApi()
  useMonacoTheme()
  useEventSchema(useTriggerId())

  useEffect(() => {
    const model = eventModel(store)
    const editor = monaco.editor.create(container.current!, {
      model,
      ...editorOptions(),
      ariaLabel: 'Event JSON',
    })
    const unbindCommands = bindEditorCommands(editor, store)
    const typed = model.onDidChangeContent(() => {
      const text = model.getValue()
      if (text !== selectEventText(store.getState())) store.getState().setEventText(text)
    })
    const unsubscribe = store.subscribe((state, previous) => {
      const text = selectEventText(state)
      if (text !== selectEventText(previous) && text !== model.getValue()) replaceModelText(model, text)
    })
    window.__playgroundEventJson = () => model.getValue()
    return () => {
      delete window.__playgroundEventJson
      unsubscribe()
      unbindCommands()
      typed.dispose()
      editor.dispose()
    }
  }, [store])

  return <div ref={container} data-testid="event-json-editor" className={`${EDITOR_REGION_CLASS} h-full min-h-80`} />
}
