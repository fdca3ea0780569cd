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

/** What the code and event editors share: the theme, the layout, no minimap. */
export function editorOptions() {
  return { theme: monacoTheme(), automaticLayout: true, minimap: { enabled: false }, fontSize: 13, tabSize: 2, scrollBeyondLastLine: false, fixedOverflowWidgets: true }
}
