import { useRef, useState } from 'react'
import { useDismiss } from '../ui/useDismiss.ts'
import { exportDeployCli, exportFlowFile, importFlowFile } from '../share/flowFiles.ts'
import { useHistory } from '../../store/hooks.ts'
import { usePlayground } from '../../store/index.ts'
import type { ThemeChoice } from '../../store/uiSlice.ts'

const SHORTCUTS = [
  ['Ctrl/Cmd+Enter', 'Run the flow'],
  ['Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z', 'Undo, redo a flow change'],
  ['Delete / Backspace', 'Remove the selected action'],
  ['Alt+↑ / Alt+↓', 'Move the selected action'],
]

const item = 'block w-full rounded px-3 py-1.5 text-left text-sm hover:bg-slate-100 disabled:opacity-40 dark:hover:bg-slate-800'

/** The header's menu: undo and redo, the theme, the keyboard shortcuts, a fresh flow. */
export function Menu() {
  const [open, setOpen] = useState(false)
  const [help, setHelp] = useState(false)
  const menu = useRef<HTMLDivElement>(null)
  const file = useRef<HTMLInputElement>(null)
  const { canUndo, canRedo } = useHistory()
  const theme = usePlayground((state) => state.theme)
  const timeLimitMs = usePlayground((state) => state.timeLimitMs)
  useDismiss(menu, open, () => setOpen(false))
  const run = (action: () => void) => () => { action(); setOpen(false) }
  return (
    <div ref={menu} className="relative">
      <input
        ref={file}
        type="file"
        accept=".json,application/json"
        data-testid="import-file"
        className="hidden"
        onChange={(event) => { const chosen = event.target.files?.[0]; event.target.value = ''; if (chosen) void importFlowFile(chosen) }}
      />
      <button type="button" aria-label="Menu" aria-expanded={open} onClick={() => setOpen(!open)} className="rounded px-2 py-1 text-lg leading-none text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">⋯</button>
      {open && (
        <div role="menu" className="absolute right-0 z-50 mt-1 w-64 rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900">
          <button role="menuitem" type="button" className={item} disabled={!canUndo} onClick={run(() => usePlayground.getState().undo())}>Undo</button>
          <button role="menuitem" type="button" className={item} disabled={!canRedo} onClick={run(() => usePlayground.getState().redo())}>Redo</button>
          <div className="my-1 border-t border-slate-200 dark:border-slate-700" />
          <label className="flex items-center justify-between px-3 py-1.5 text-sm">
            Theme
            <select aria-label="Theme" value={theme} onChange={(event) => usePlayground.getState().setTheme(event.target.value as ThemeChoice)} className="rounded border border-slate-200 bg-white px-1.5 py-0.5 text-xs dark:border-slate-700 dark:bg-slate-800">
              <option value="system">System</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </label>
          <label className="flex items-center justify-between px-3 py-1.5 text-sm" title="Auth0 stops a flow after 20 seconds; a shorter limit ends endless loops sooner.">
            Time limit (s)
            <input
              data-testid="time-limit"
              type="number"
              min={0.5}
              max={20}
              step={0.5}
              value={timeLimitMs / 1000}
              onChange={(event) => { const seconds = Number(event.target.value); if (seconds >= 0.5 && seconds <= 20) usePlayground.getState().setTimeLimit(seconds * 1000) }}
              className="w-16 rounded border border-slate-200 bg-white px-1.5 py-0.5 text-xs dark:border-slate-700 dark:bg-slate-800"
            />
          </label>
          <button role="menuitem" type="button" className={item} onClick={run(() => setHelp(true))}>Keyboard shortcuts</button>
          <div className="my-1 border-t border-slate-200 dark:border-slate-700" />
          <button role="menuitem" type="button" className={item} onClick={run(() => usePlayground.getState().newPlayground())}>New playground</button>
          <button role="menuitem" type="button" className={item} onClick={run(() => usePlayground.getState().setGalleryOpen(true))}>Examples…</button>
          <div className="my-1 border-t border-slate-200 dark:border-slate-700" />
          <button role="menuitem" type="button" data-testid="import-flow" className={item} onClick={run(() => file.current?.click())}>Import a flow file…</button>
          <button role="menuitem" type="button" data-testid="export-flow" className={item} onClick={run(() => exportFlowFile(false))}>Export the flow file</button>
          <button role="menuitem" type="button" className={item} onClick={run(() => exportFlowFile(true))}>Export with secret values</button>
          <button role="menuitem" type="button" data-testid="export-deploy" className={item} onClick={run(() => void exportDeployCli())}>Export for the Auth0 Deploy CLI (.zip)</button>
        </div>
      )}
      {help && (
        <div role="dialog" aria-label="Keyboard shortcuts" className="absolute right-0 z-50 mt-1 w-80 rounded-md border border-slate-200 bg-white p-3 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900">
          <div className="mb-2 flex items-center justify-between font-semibold">Keyboard shortcuts <button type="button" aria-label="Close" onClick={() => setHelp(false)}>✕</button></div>
          <dl className="space-y-1">
            {SHORTCUTS.map(([keys, what]) => (
              <div key={keys} className="flex justify-between gap-3"><dt className="font-mono text-xs">{keys}</dt><dd className="text-right text-slate-500 dark:text-slate-400">{what}</dd></div>
            ))}
          </dl>
        </div>
      )}
    </div>
  )
}
