/** Shows the run's secret values in clear in the results, or masks them again; presenter mode hides the toggle. */
import { usePresenter, useStore, useStoreApi } from '../../store/hooks.ts'

export function RevealSecretsToggle() {
  const store = useStoreApi()
  const presenter = usePresenter()
  const revealed = useStore((state) => state.secretsRevealed)
  if (presenter) return null
  return (
    <button
      type="button"
      aria-pressed={revealed}
      title={revealed ? 'Secret values are shown in clear in the results' : 'Secret values are masked in the results'}
      onClick={() => store.getState().setSecretsRevealed(!revealed)}
      className={`rounded px-2 py-0.5 text-xs ${revealed ? 'bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100' : 'text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'}`}
    >
      Reveal secrets
    </button>
  )
}
