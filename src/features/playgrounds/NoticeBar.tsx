import { useDeleted, useNotice, useSaveProblem, useStoreApi } from '../../store/hooks.ts'

const toneClass = {
  info: 'bg-sky-50 text-sky-900 dark:bg-sky-950 dark:text-sky-100',
  error: 'bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100',
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
        <div data-testid="notice" data-tone={notice.tone} role={notice.tone === 'error' ? 'alert' : 'status'} className={`flex items-start gap-3 px-3 py-2 text-sm ${toneClass[notice.tone]}`}>
          <div className="min-w-0 flex-1">
            <p className="break-words">{notice.text}</p>
            {!!notice.missingSecrets?.length && (
              <p data-testid="missing-secrets" className="mt-1 text-xs">
                Secrets to fill in (Secrets tab): {notice.missingSecrets.map((entry) => `${entry.actionName}: ${entry.names.join(', ')}`).join('; ')}
              </p>
            )}
          </div>
          <button type="button" aria-label="Dismiss" onClick={() => store.getState().setNotice(null)} className="opacity-70 hover:opacity-100">✕</button>
        </div>
      )}
      {saveProblem && (
        <div role="alert" className={`flex items-start gap-3 px-3 py-2 text-sm ${toneClass.error}`}>
          <p className="min-w-0 flex-1 break-words">{saveProblem}</p>
          <button type="button" aria-label="Dismiss the saving problem" onClick={() => store.getState().setSaveProblem(null)} className="opacity-70 hover:opacity-100">✕</button>
        </div>
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
