/** Monaco's theme is global to the page: every editor follows the `dark` class the app sets on <html>. */
import { useEffect } from 'react'
import { monaco } from './monacoSetup.ts'

export function monacoTheme(): string {
  return document.documentElement.classList.contains('dark') ? 'vs-dark' : 'vs'
}

export function useMonacoTheme() {
  useEffect(() => {
    const apply = () => monaco.editor.setTheme(monacoTheme())
    apply()
    const observer = new MutationObserver(apply)
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] })
    return () => observer.disconnect()
  }, [])
}

/** What the code and event editors share: the theme, the layout, no minimap, a narrow gutter and scrollbar. */
export function editorOptions() {
  return {
    theme: monacoTheme(), automaticLayout: true, minimap: { enabled: false }, fontSize: 13, tabSize: 2, scrollBeyondLastLine: false, fixedOverflowWidgets: true,
    // Every column counts where the longest line of a template has to fit: room for 3 digits, one column after the longest line.
    lineNumbersMinChars: 3, scrollBeyondLastColumn: 1, scrollbar: { verticalScrollbarSize: 10, horizontalScrollbarSize: 10 },
  }
}
