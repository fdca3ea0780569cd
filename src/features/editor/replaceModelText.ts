import type { monaco } from './monacoSetup.ts'

/** Replaces a model's whole text as one undoable edit, so Ctrl+Z in the editor brings the old text back. */
export function replaceModelText(model: monaco.editor.ITextModel, text: string) {
  model.pushStackElement()
  model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null)
  model.pushStackElement()
}
