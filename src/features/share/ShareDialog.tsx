/** The link Share made, whether it was copied, and how long it is. */

/** Some chat tools cut links longer than this (Discord caps a message at 2,000 characters). */
const LONG_LINK = 2000

export default function ShareDialog({ link, copied }: { link: string; copied: boolean | null }) {
  return (
    <div role="dialog" aria-label="Share link" data-testid="share-dialog" className="absolute right-0 z-50 mt-1 w-96 space-y-2 rounded-md border border-slate-200 bg-white p-3 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900">
      <p className="font-medium">{copied ? 'Link copied to the clipboard' : copied === false ? 'Copy the link below' : 'Your link'}</p>
      <input data-testid="share-link" readOnly value={link} onFocus={(event) => event.currentTarget.select()} className="w-full rounded border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-xs dark:border-slate-600 dark:bg-slate-800" />
      <p data-testid="share-length" className="text-xs text-slate-600 dark:text-slate-400">{link.length.toLocaleString('en-US')} characters. The flow is in the link itself; secret values are left out (the names are kept).</p>
      {link.length > LONG_LINK && <p data-testid="share-long" className="text-xs text-amber-700 dark:text-amber-300">Over {LONG_LINK.toLocaleString('en-US')} characters: some chat tools cut long links. Export a flow file instead if it gets cut.</p>}
    </div>
  )
}
