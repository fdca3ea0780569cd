import { useState } from 'react'
import type { Dependency } from '../../engine/flowDocument.ts'
import { useSelectedAction, useStoreApi } from '../../store/hooks.ts'
import { problemsOf, useProblemChecks } from '../problems/problemChecks.ts'
import { RemoveButton } from '../ui/RemoveButton.tsx'
import { packageNameProblem } from './packageName.ts'

/** An exact version, a range or a tag, as Auth0's dependency editor takes them. */
const VERSION = /^[\w.^~<>=|* -]+$/

function nameProblem(name: string, declared: Dependency[]): string | null {
  if (!name) return 'A dependency needs a package name.'
  const invalid = packageNameProblem(name)
  if (invalid) return invalid
  if (declared.some((dependency) => dependency.name === name)) return `${name} is already a dependency.`
  return null
}

const versionProblem = (version: string) => (VERSION.test(version.trim()) ? null : 'A version such as 9.0.2, ^9.0.0 or latest.')

/** The selected action's npm dependencies (`{ name, version }`, as Auth0 declares them), which its code may require. */
export function DependenciesPanel() {
  const store = useStoreApi()
  const action = useSelectedAction()
  useProblemChecks()
  const [draft, setDraft] = useState({ name: '', version: 'latest' })
  if (!action) return <p className="p-4 text-sm text-slate-600 dark:text-slate-400">Select an action to edit its dependencies.</p>
  const declared = action.dependencies ?? []
  const save = (next: Dependency[]) => store.getState().setDependencies(action.id, next)
  // The quick fix of the "not a dependency" problems: the packages the code requires without declaring them.
  const undeclared = [...new Set(problemsOf(action.code, declared).flatMap((problem) => (problem.fix ? [problem.fix.addDependency.name] : [])))]
  const draftProblem = draft.name ? nameProblem(draft.name, declared) ?? versionProblem(draft.version) : null
  const add = () => {
    if (nameProblem(draft.name, declared) || versionProblem(draft.version)) return
    save([...declared, { name: draft.name, version: draft.version.trim() }])
    setDraft({ name: '', version: 'latest' })
  }
  return (
    <div data-testid="dependencies-panel" className="space-y-3 p-4 text-sm">
      <p className="text-slate-600 dark:text-slate-400">
        npm packages <strong>{action.name}</strong> may <code>require</code>, as in Auth0. The Node built-ins and axios need no declaration.
      </p>
      {undeclared.length > 0 && (
        <div role="group" aria-label="Required but not declared" className="space-y-1 rounded border border-amber-300 bg-amber-50 p-2 dark:border-amber-700 dark:bg-amber-950">
          <p className="text-xs text-amber-900 dark:text-amber-200">The code requires these packages, which are not dependencies: Auth0 would fail with “Cannot find module”.</p>
          {undeclared.map((name) => (
            <button key={name} type="button" onClick={() => save([...declared, { name, version: 'latest' }])} className="mr-2 rounded bg-amber-600 px-2 py-0.5 text-xs font-medium text-white hover:bg-amber-700">
              Add {name}
            </button>
          ))}
        </div>
      )}
      {declared.length === 0 && <p className="text-slate-600 dark:text-slate-400">No dependencies yet.</p>}
      <ul className="space-y-2" aria-label="Dependencies">
        {declared.map((dependency, index) => (
          <li key={dependency.name} className="flex items-center gap-2">
            <code className="w-48 truncate font-mono text-xs" title={dependency.name}>{dependency.name}</code>
            <input
              value={dependency.version}
              aria-label={`Version of ${dependency.name}`}
              aria-invalid={!!versionProblem(dependency.version)}
              onChange={(event) => save(declared.map((item, at) => (at === index ? { ...item, version: event.target.value } : item)))}
              className="w-28 rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs aria-[invalid=true]:border-red-500 dark:border-slate-600 dark:bg-slate-800"
            />
            <RemoveButton what={dependency.name} onRemove={() => save(declared.filter((_, at) => at !== index))} />
          </li>
        ))}
      </ul>
      <form onSubmit={(event) => { event.preventDefault(); add() }} className="space-y-1 border-t border-slate-200 pt-3 dark:border-slate-700">
        <div className="flex gap-2">
          <input
            value={draft.name}
            onChange={(event) => setDraft({ ...draft, name: event.target.value.trim() })}
            placeholder="package"
            aria-label="New dependency name"
            className="w-48 rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs dark:border-slate-600 dark:bg-slate-800"
          />
          <input
            value={draft.version}
            onChange={(event) => setDraft({ ...draft, version: event.target.value })}
            aria-label="New dependency version"
            className="w-28 rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs dark:border-slate-600 dark:bg-slate-800"
          />
          <button type="submit" disabled={!draft.name || !!draftProblem} className="rounded bg-indigo-600 px-3 py-1 text-xs font-medium text-white disabled:opacity-40">
            Add dependency
          </button>
        </div>
        {draftProblem && <p role="alert" className="text-xs text-red-700 dark:text-red-400">{draftProblem}</p>}
      </form>
    </div>
  )
}
