import type { ReactNode } from 'react'
import { useDeleted, useNotice, useSaveProblem, useStoreApi } from '../../store/hooks.ts'

const toneClass = {
  info: 'bg-sky-50 text-sky-900 dark:bg-sky-950 dark:text-sky-100',
  error: 'bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100',
}

/** One line of the bar: an error is an alert, anything else a status; ✕ dismisses it. */
function NoticeRow({ tone, dismissLabel, onDismiss, testId, children }: {
  tone: 'info' | 'error'; dismissLabel: string; onDismiss(): void; testId?: string; children: ReactNode
}) {
  return (
    <div data-testid={testId} data-tone={tone} role={tone === 'error' ? 'alert' : 'status'} className={`flex items-start gap-3 px-3 py-2 text-sm ${toneClass[tone]}`}>
      <div className="min-w-0 flex-1">{children}</div>
      <button type="button" aria-label={dismissLabel} onClick={onDismiss} className="opacity-70 hover:opacity-100">✕</button>
    </div>
  )
}

/**
 * What just happened that the user should know: a flow opened from a link, data that could not be read, an undoable
 * delete; and, beside them, playgrounds that could not be saved.
 */
export function NoticeBar() {
  const store = useStoreApi()
  const notice = useNotice()
  const deleted = useDeleted()
  const saveProblem = useSaveProblem()
  if (!notice && !deleted && !saveProblem) return null
  return (
    <div className="shrink-0 space-y-px">
      {notice && (
        <NoticeRow testId="notice" tone={notice.tone} dismissLabel="Dismiss" onDismiss={() => store.getState().setNotice(null)}>
          <p className="break-words">{notice.text}</p>
          {!!notice.missingSecrets?.length && (
            <p data-testid="missing-secrets" className="mt-1 text-xs">
              Secrets to fill in (Secrets tab): {notice.missingSecrets.map((entry) => `${entry.actionName}: ${entry.names.join(', ')}`).join('; ')}
            </p>
          )}
        </NoticeRow>
      )}
      {saveProblem && (
        <NoticeRow tone="error" dismissLabel="Dismiss the saving problem" onDismiss={() => store.getState().setSaveProblem(null)}>
          <p className="break-words">{saveProblem}</p>
        </NoticeRow>
      )}
      {deleted && (
        <div data-testid="deleted-notice" role="status" className="flex items-center gap-3 bg-slate-800 px-3 py-2 text-sm text-white">
          <span className="flex-1">Deleted “{deleted.playground.doc.name}”.</span>
          <button type="button" onClick={() => store.getState().undoDelete()} className="font-semibold text-indigo-300 hover:underline">Undo</button>
          <button type="button" aria-label="Dismiss" onClick={() => store.getState().dismissDeleted()} className="opacity-70 hover:opacity-100">✕</button>
        </div>
      )}
    </div>
  )
}
