import { useRef, useState } from 'react'
import { useDismiss } from '../ui/useDismiss.ts'
import { useStoreApi } from '../../store/hooks.ts'
import { selectDoc } from '../../store/selectors.ts'

/** Some chat tools cut links longer than this (Discord caps a message at 2,000 characters). */
const LONG_LINK = 2000

/** Share puts the whole flow, without secret values, in the link's fragment: nothing reaches a server. */
export function ShareButton() {
  const store = useStoreApi()
  const [link, setLink] = useState<string | null>(null)
  const [copied, setCopied] = useState<boolean | null>(null)
  const root = useRef<HTMLDivElement>(null)
  useDismiss(root, link !== null, () => setLink(null))
  const share = async () => {
    const { encodeShareLink } = await import('../../engine/shareCodec.ts')
    const url = `${location.origin}${location.pathname}#${encodeShareLink(selectDoc(store.getState()))}`
    setLink(url)
    try {
      await navigator.clipboard.writeText(url)
      setCopied(true)
    } catch {
      setCopied(false)
    }
  }
  return (
    <div ref={root} className="relative">
      <button type="button" data-testid="share" onClick={() => void share()} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">
        Share
      </button>
      {link && (
        <div role="dialog" aria-label="Share link" data-testid="share-dialog" className="absolute right-0 z-50 mt-1 w-96 space-y-2 rounded-md border border-slate-200 bg-white p-3 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900">
          <p className="font-medium">{copied ? 'Link copied to the clipboard' : copied === false ? 'Copy the link below' : 'Your link'}</p>
          <input data-testid="share-link" readOnly value={link} onFocus={(event) => event.currentTarget.select()} className="w-full rounded border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-xs dark:border-slate-600 dark:bg-slate-800" />
          <p data-testid="share-length" className="text-xs text-slate-600 dark:text-slate-400">{link.length.toLocaleString('en-US')} characters. The flow is in the link itself; secret values are left out (the names are kept).</p>
          {link.length > LONG_LINK && <p data-testid="share-long" className="text-xs text-amber-700 dark:text-amber-300">Over {LONG_LINK.toLocaleString('en-US')} characters: some chat tools cut long links. Export a flow file instead if it gets cut.</p>}
        </div>
      )}
    </div>
  )
}
