import { lazy, Suspense, useRef, useState } from 'react'
import { useDismiss } from '../ui/useDismiss.ts'
import { useStoreApi } from '../../store/hooks.ts'
import { selectDoc } from '../../store/selectors.ts'

const ShareDialog = lazy(() => import('./ShareDialog.tsx'))

/** Share puts the whole flow, without secret values, in the link's fragment: nothing reaches a server. */
export function ShareButton() {
  const store = useStoreApi()
  const [link, setLink] = useState<string | null>(null)
  const [copied, setCopied] = useState<boolean | null>(null)
  const root = useRef<HTMLDivElement>(null)
  useDismiss(root, link !== null, () => setLink(null))
  const share = async () => {
    const { shareUrl } = await import('../../engine/shareCodec.ts')
    const url = shareUrl(selectDoc(store.getState()), `${location.origin}${location.pathname}`)
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
      {link && <Suspense fallback={null}><ShareDialog link={link} copied={copied} /></Suspense>}
    </div>
  )
}
