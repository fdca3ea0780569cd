/** The header menu's items (see Menu.tsx): loaded after the page has painted, before the menu first opens. */
import { useState } from 'react'
import { cdnUrlProblem } from '../../runtime/packages/cdnSetting.ts'
import { usePackageCdn, useStoreApi, useThemeChoice, useTimeLimitMs } from '../../store/hooks.ts'
import type { ThemeChoice } from '../../store/uiSlice.ts'
import { CommandButton } from '../commands/CommandButton.tsx'
import type { CommandId } from '../commands/commands.ts'

const item = 'flex w-full items-center rounded px-3 py-1.5 text-left text-sm hover:bg-slate-100 disabled:opacity-40 dark:hover:bg-slate-800'
const field = 'rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs dark:border-slate-600 dark:bg-slate-800'

const Separator = () => <div role="separator" className="my-1 border-t border-slate-200 dark:border-slate-700" />

/**
 * The package CDN setting: where the page fetches the npm packages that actions declare and the offline set
 * lacks. Kept when it is a URL this build's page may fetch from (its CSP), on Enter or when the field loses focus.
 */
function PackageCdnField() {
  const store = useStoreApi()
  const packageCdn = usePackageCdn()
  const [text, setText] = useState(packageCdn)
  const [problem, setProblem] = useState<string | null>(null)
  const commit = () => {
    const value = text.trim()
    const found = value ? cdnUrlProblem(value, import.meta.env.DEV ? undefined : location.origin) : null
    setProblem(found)
    if (!found) {
      store.getState().setPackageCdn(value)
      setText(store.getState().packageCdn)
    }
  }
  return (
    <div className="px-3 py-1.5 text-sm" title="npm packages outside the offline set come from here: <base>/<name>@<version>/<path>, with ?meta file listings (unpkg's layout). Fetched files are cached in this browser.">
      <label className="flex items-center justify-between gap-2">
        Package CDN
        <input
          data-testid="package-cdn"
          type="url"
          spellCheck={false}
          value={text}
          aria-invalid={problem !== null}
          aria-describedby={problem ? 'package-cdn-problem' : undefined}
          onChange={(event) => setText(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => { if (event.key === 'Enter') { event.preventDefault(); commit() } }}
          className={`w-44 ${field}`}
        />
      </label>
      {problem && <p id="package-cdn-problem" role="alert" className="mt-1 text-xs text-red-700 dark:text-red-400">{problem}</p>}
    </div>
  )
}

/** Commands from the registry, with the theme, the time limit and the package CDN between them. */
export function MenuItems({ close }: { close: () => void }) {
  const store = useStoreApi()
  const theme = useThemeChoice()
  const timeLimitMs = useTimeLimitMs()
  const items = (ids: CommandId[]) => ids.map((id) => <CommandButton key={id} id={id} role="menuitem" className={item} onDone={close} />)
  return (
    <>
      {items(['undo', 'redo'])}
      <Separator />
      <label className="flex items-center justify-between px-3 py-1.5 text-sm">
        Theme
        <select aria-label="Theme" value={theme} onChange={(event) => store.getState().setTheme(event.target.value as ThemeChoice)} className={field}>
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
          onChange={(event) => { const seconds = Number(event.target.value); if (seconds >= 0.5 && seconds <= 20) store.getState().setTimeLimit(seconds * 1000) }}
          className={`w-16 ${field}`}
        />
      </label>
      <PackageCdnField />
      {items(['shortcuts'])}
      <Separator />
      {items(['newPlayground', 'examples'])}
      <Separator />
      {items(['importFile', 'importZip', 'importFolder', 'exportFlow', 'exportWithSecrets', 'exportDeploy'])}
    </>
  )
}
