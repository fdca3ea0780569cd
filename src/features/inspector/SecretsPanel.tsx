import { useState } from 'react'
import { usePresenter, useRememberSecrets, useSelectedAction, useStoreApi } from '../../store/hooks.ts'
import { RemoveButton } from '../ui/RemoveButton.tsx'

/** Auth0's limits (Actions limitations): 30 secrets per action, names up to 128 characters, values up to 4096. */
const LIMITS = { count: 30, name: 128, value: 4096 }
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

function nameProblem(name: string, others: string[]): string | null {
  if (!name) return 'A secret needs a name.'
  if (!NAME.test(name)) return 'Use letters, digits and _ (not starting with a digit), so it reads as event.secrets.NAME.'
  if (name.length > LIMITS.name) return `Names are limited to ${LIMITS.name} characters.`
  if (others.includes(name)) return `There is already a secret named ${name}.`
  return null
}

/**
 * The selected action's secrets, given to it as `event.secrets`. Values are masked and stay in this browser; in
 * presenter mode they are not in the page at all, and can be neither shown nor typed.
 */
export function SecretsPanel() {
  const store = useStoreApi()
  const action = useSelectedAction()
  const [draft, setDraft] = useState({ name: '', value: '' })
  const [shown, setShown] = useState<Record<string, boolean>>({})
  const remember = useRememberSecrets()
  const presenter = usePresenter()
  if (!action) return <p className="p-4 text-sm text-slate-600 dark:text-slate-400">Select an action to edit its secrets.</p>
  const secrets = Object.entries(action.secrets)
  const save = (next: Record<string, string>) => store.getState().setSecrets(action.id, next)
  const draftProblem = draft.name ? nameProblem(draft.name, secrets.map(([name]) => name)) : null
  const full = secrets.length >= LIMITS.count
  const add = () => {
    if (nameProblem(draft.name, secrets.map(([name]) => name)) || full) return
    save({ ...action.secrets, [draft.name]: draft.value.slice(0, LIMITS.value) })
    setDraft({ name: '', value: '' })
  }
  return (
    <div data-testid="secrets-panel" className="space-y-3 p-4 text-sm">
      <p className="text-slate-600 dark:text-slate-400">
        Available to <strong>{action.name}</strong> as <code>event.secrets.NAME</code>. Values stay in this browser: share links carry only the names.
      </p>
      <label className="flex items-center gap-2 text-xs text-slate-600 dark:text-slate-300">
        <input type="checkbox" data-testid="remember-secrets" checked={remember} onChange={(event) => store.getState().setRememberSecrets(event.target.checked)} />
        Remember secret values on this device (otherwise only their names are saved)
      </label>
      {secrets.length === 0 && <p className="text-slate-600 dark:text-slate-400">No secrets yet.</p>}
      <ul className="space-y-2">
        {secrets.map(([name, value]) => (
          <li key={name} className="flex items-center gap-2">
            <code className="w-40 truncate font-mono text-xs" title={name}>{name}</code>
            {presenter ? (
              <span aria-label={`Value of ${name}`} className="min-w-0 flex-1 font-mono text-xs text-slate-600 dark:text-slate-400">••••••</span>
            ) : (
              <>
                <input
                  type={shown[name] ? 'text' : 'password'}
                  value={value}
                  maxLength={LIMITS.value}
                  aria-label={`Value of ${name}`}
                  onChange={(event) => save({ ...action.secrets, [name]: event.target.value })}
                  className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs dark:border-slate-600 dark:bg-slate-800"
                />
                <button type="button" onClick={() => setShown({ ...shown, [name]: !shown[name] })} className="text-xs text-indigo-700 hover:underline dark:text-indigo-300">
                  {shown[name] ? 'Hide' : 'Show'}
                </button>
              </>
            )}
            <RemoveButton what={name} onRemove={() => { const { [name]: _removed, ...rest } = action.secrets; save(rest) }} />
          </li>
        ))}
      </ul>
      {presenter && <p data-testid="secrets-presenter-note" className="text-xs text-slate-600 dark:text-slate-400">Secret values are hidden in presenter mode; leave it to change them.</p>}
      {!presenter && (
        <form onSubmit={(event) => { event.preventDefault(); add() }} className="space-y-1 border-t border-slate-200 pt-3 dark:border-slate-700">
          <div className="flex gap-2">
            <input
              data-testid="secret-name"
              value={draft.name}
              onChange={(event) => setDraft({ ...draft, name: event.target.value.trim() })}
              placeholder="NAME"
              aria-label="New secret name"
              className="w-40 rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs dark:border-slate-600 dark:bg-slate-800"
            />
            <input
              data-testid="secret-value"
              type="password"
              value={draft.value}
              maxLength={LIMITS.value}
              onChange={(event) => setDraft({ ...draft, value: event.target.value })}
              placeholder="value"
              aria-label="New secret value"
              className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs dark:border-slate-600 dark:bg-slate-800"
            />
            <button type="submit" disabled={!draft.name || !!draftProblem || full} className="rounded bg-indigo-600 px-3 py-1 text-xs font-medium text-white disabled:opacity-40">
              Add secret
            </button>
          </div>
          {draftProblem && <p role="alert" className="text-xs text-red-700 dark:text-red-400">{draftProblem}</p>}
          {full && <p className="text-xs text-amber-700 dark:text-amber-300">Auth0 allows {LIMITS.count} secrets per action.</p>}
        </form>
      )}
    </div>
  )
}
