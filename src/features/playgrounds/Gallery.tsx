import { useId, useRef } from 'react'
import { EXAMPLES } from '../../examples/catalog.ts'
import { usePlayground } from '../../store/index.ts'
import { useModal } from '../ui/useModal.ts'

const close = () => usePlayground.getState().setGalleryOpen(false)

function GalleryDialog() {
  const dialog = useRef<HTMLDivElement>(null)
  const heading = useId()
  useModal(dialog, close)
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/50 p-6" onMouseDown={(event) => { if (event.target === event.currentTarget) close() }}>
      <div ref={dialog} role="dialog" aria-modal="true" aria-labelledby={heading} tabIndex={-1} data-testid="gallery" className="flex max-h-full w-full max-w-5xl flex-col rounded-xl bg-white shadow-2xl outline-none dark:bg-slate-900">
        <div className="flex items-start gap-4 border-b border-slate-200 p-5 dark:border-slate-800">
          <div className="flex-1">
            <h2 id={heading} className="text-lg font-semibold">Explore Auth0 Login flows</h2>
            <p className="text-sm text-slate-500 dark:text-slate-400">Open an example as a new playground, run it, and change it. Nothing runs until you press Run.</p>
          </div>
          <button type="button" data-testid="gallery-close" onClick={close} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">
            Start with my own flow
          </button>
          <button type="button" aria-label="Close" title="Close (Escape)" onClick={close} className="rounded-md px-2 py-1.5 text-sm text-slate-500 hover:bg-slate-100 hover:text-slate-800 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100">
            ✕
          </button>
        </div>
        <ul className="grid min-h-0 grid-cols-1 gap-3 overflow-y-auto p-5 sm:grid-cols-2 lg:grid-cols-3">
          {EXAMPLES.map((example) => (
            <li key={example.slug} data-testid={`example-${example.slug}`} className="flex flex-col rounded-lg border border-slate-200 p-3 dark:border-slate-700">
              <h3 className="text-sm font-semibold">{example.title}</h3>
              <p className="mt-1 flex-1 text-xs text-slate-500 dark:text-slate-400">{example.teaches}</p>
              <p className="mt-2 text-xs text-slate-400">{example.document.actions.map((action) => action.name).join(' → ')}</p>
              <button type="button" onClick={() => usePlayground.getState().openAsNew(structuredClone(example.document))} className="mt-2 self-start rounded-md bg-indigo-600 px-3 py-1 text-xs font-semibold text-white hover:bg-indigo-500">
                Open
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  )
}

/** Every example flow, with what it teaches: the first screen of a new user, and always one click away. */
export function Gallery() {
  const open = usePlayground((state) => state.galleryOpen)
  return open ? <GalleryDialog /> : null
}
