/**
 * The flow's module mocks (`mocks.modules`): a package replaced by CommonJS source of the user's own, like
 * `jest.mock`, edited in Monaco. Loaded with React.lazy, as Monaco is.
 */
import { useEffect, useRef, useState } from 'react'
import { useModuleMocks, useStoreApi } from '../../store/hooks.ts'
import { selectDoc } from '../../store/selectors.ts'
import { bindEditorCommands } from '../editor/editorCommands.ts'
import { monaco } from '../editor/monacoSetup.ts'
import { editorOptions, useMonacoTheme } from '../editor/monacoTheme.ts'
import { EDITOR_REGION_CLASS } from '../ui/typingTarget.ts'
import { RemoveButton } from '../ui/RemoveButton.tsx'
import { packageNameProblem } from './packageName.ts'

const STARTER = (name: string) => `// Replaces '${name}' for every action (and package) that requires it.\nmodule.exports = {\n}\n`


function MockEditor({ name }: { name: string }) {
  const container = useRef<HTMLDivElement>(null)
  const store = useStoreApi()
  useMonacoTheme()
  useEffect(() => {
    const uri = monaco.Uri.parse(`file:///module-mocks/${encodeURIComponent(name)}.js`)
    const text = selectDoc(store.getState()).mocks.modules?.[name] ?? ''
    const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(text, 'javascript', uri)
    if (model.getValue() !== text) model.setValue(text)
    const editor = monaco.editor.create(container.current!, { model, ...editorOptions(), ariaLabel: `Module mock of ${name}` })
    const unbindCommands = bindEditorCommands(editor, store)
    const typed = model.onDidChangeContent(() => {
      const state = store.getState()
      const modules = selectDoc(state).mocks.modules ?? {}
      if (name in modules) state.setModuleMocks({ ...modules, [name]: model.getValue() })
    })
    return () => {
      typed.dispose()
      unbindCommands()
      editor.dispose()
    }
  }, [name, store])
  return <div ref={container} data-testid="module-mock-editor" className={`${EDITOR_REGION_CLASS} h-72 border border-slate-200 dark:border-slate-700`} />
}

export default function ModuleMocksPanel() {
  const store = useStoreApi()
  const modules = useModuleMocks()
  const names = Object.keys(modules)
  const [selected, setSelected] = useState<string | null>(names[0] ?? null)
  const [draft, setDraft] = useState('')
  const current = selected !== null && selected in modules ? selected : names[0] ?? null
  const problem = draft ? packageNameProblem(draft) ?? (draft in modules ? `${draft} already has a mock.` : null) : null
  const save = (next: Record<string, string>) => store.getState().setModuleMocks(next)
  const add = () => {
    if (!draft || problem) return
    save({ ...modules, [draft]: STARTER(draft) })
    setSelected(draft)
    setDraft('')
  }
  return (
    <div data-testid="module-mocks-panel" className="space-y-3 p-4 text-sm">
      <p className="text-slate-600 dark:text-slate-400">
        A module mock replaces a package with your own CommonJS, like <code>jest.mock</code>: for a package that cannot run here, or to pin what it returns. Actions still declare the package as a dependency.
      </p>
      {names.length === 0 && <p className="text-slate-600 dark:text-slate-400">No module mocks yet.</p>}
      <ul className="flex flex-wrap gap-2" aria-label="Module mocks">
        {names.map((name) => (
          <li key={name} className="flex items-center gap-1">
            <button type="button" aria-pressed={name === current} onClick={() => setSelected(name)} className="rounded border border-slate-300 px-2 py-0.5 font-mono text-xs aria-pressed:border-indigo-500 aria-pressed:bg-indigo-50 dark:border-slate-600 dark:aria-pressed:bg-indigo-950">
              {name}
            </button>
            <RemoveButton what={`the mock of ${name}`} onRemove={() => { const { [name]: _removed, ...rest } = modules; save(rest) }} />
          </li>
        ))}
      </ul>
      {current && <MockEditor key={current} name={current} />}
      <form onSubmit={(event) => { event.preventDefault(); add() }} className="space-y-1 border-t border-slate-200 pt-3 dark:border-slate-700">
        <div className="flex gap-2">
          <input value={draft} onChange={(event) => setDraft(event.target.value.trim())} placeholder="package" aria-label="Package to mock" className="w-48 rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs dark:border-slate-600 dark:bg-slate-800" />
          <button type="submit" disabled={!draft || !!problem} className="rounded bg-indigo-600 px-3 py-1 text-xs font-medium text-white disabled:opacity-40">Add module mock</button>
        </div>
        {problem && <p role="alert" className="text-xs text-red-700 dark:text-red-400">{problem}</p>}
      </form>
    </div>
  )
}
