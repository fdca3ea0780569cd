/** Monaco's theme is global to the page: every editor follows the `dark` class the app sets on <html>, and its font size the `presenter` class. */
import { useEffect } from 'react'
import { monaco } from './monacoSetup.ts'

// The app's palette (Tailwind's slate and indigo), so the editors sit in the page rather than on it.
monaco.editor.defineTheme('playground-light', {
  base: 'vs', inherit: true, rules: [],
  colors: { 'editor.background': '#ffffff', 'editorLineNumber.foreground': '#64748b', 'editorLineNumber.activeForeground': '#0f172a', focusBorder: '#6366f1', 'editor.lineHighlightBorder': '#f1f5f9' },
})
monaco.editor.defineTheme('playground-dark', {
  base: 'vs-dark', inherit: true, rules: [],
  colors: { 'editor.background': '#020617', 'editorLineNumber.foreground': '#94a3b8', 'editorLineNumber.activeForeground': '#f1f5f9', focusBorder: '#818cf8', 'editor.lineHighlightBorder': '#1e293b', 'editorWidget.background': '#0f172a' },
})

export function monacoTheme(): string {
  return document.documentElement.classList.contains('dark') ? 'playground-dark' : 'playground-light'
}

/** The editors' font size: larger in presenter mode (the `presenter` class on <html>). */
function editorFontSize(): number {
  return document.documentElement.classList.contains('presenter') ? 18 : 13
}

export function useMonacoTheme() {
  useEffect(() => {
    const apply = () => {
      monaco.editor.setTheme(monacoTheme())
      const fontSize = editorFontSize()
      for (const editor of monaco.editor.getEditors()) if (editor.getOption(monaco.editor.EditorOption.fontSize) !== fontSize) editor.updateOptions({ fontSize })
    }
    apply()
    const observer = new MutationObserver(apply)
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] })
    return () => observer.disconnect()
  }, [])
}

/** What the code and event editors share: the theme, the layout, no minimap, a narrow gutter and scrollbar. */
export function editorOptions() {
  return {
    theme: monacoTheme(), automaticLayout: true, minimap: { enabled: false }, fontSize: editorFontSize(), tabSize: 2, scrollBeyondLastLine: false, fixedOverflowWidgets: true,
    // Every column counts where the longest line of a template has to fit: room for 3 digits, one column after the longest line.
    lineNumbersMinChars: 3, scrollBeyondLastColumn: 1, scrollbar: { verticalScrollbarSize: 10, horizontalScrollbarSize: 10 },
  }
}
