import { useGalleryOpen, useStoreApi } from '../../store/hooks.ts'
import { Dialog } from '../ui/Dialog.tsx'
import { exampleCatalog } from './exampleCatalog.ts'

/** Every example flow, with what it teaches: the first screen of a new user, and always one click away. */
export function Gallery() {
  const open = useGalleryOpen()
  if (!open) return null
  return <GalleryDialog />
}

/** The examples load with the gallery's first opening: until then it says so. */
function GalleryDialog() {
  const store = useStoreApi()
  const catalog = exampleCatalog.use()
  const close = () => store.getState().setGalleryOpen(false)
  return (
    // A new dialog once the examples are here, so that the first Open takes the focus (and Escape gives it back as before).
    <Dialog key={catalog ? 'examples' : 'loading'} title="Explore Auth0 Actions flows" onClose={close} className="max-w-5xl" testId="gallery">
      <div className="flex items-center gap-4 px-5 pt-4">
        <p className="flex-1 text-sm text-slate-600 dark:text-slate-400">Open an example as a new playground, run it, and change it. Nothing runs until you press Run.</p>
        <button type="button" data-testid="gallery-close" onClick={close} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">
          Start with my own flow
        </button>
      </div>
      {!catalog && <p data-testid="gallery-loading" className="px-5 py-4 text-sm text-slate-600 dark:text-slate-400">Loading the examples…</p>}
      <ul className="grid grid-cols-1 gap-3 p-5 sm:grid-cols-2 lg:grid-cols-3">
        {catalog?.EXAMPLES.map((example, index) => (
          <li key={example.slug} data-testid={`example-${example.slug}`} className="flex flex-col rounded-lg border border-slate-200 p-3 dark:border-slate-700">
            <h3 className="text-sm font-semibold">{example.title}</h3>
            {example.document.trigger !== 'post-login' && <p className="text-[11px] font-medium text-indigo-700 dark:text-indigo-300">{example.document.trigger}</p>}
            <p className="mt-1 flex-1 text-xs text-slate-600 dark:text-slate-400">{example.teaches}</p>
            <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">{example.document.actions.map((action) => action.name).join(' → ')}</p>
            <button
              type="button"
              data-autofocus={index === 0 || undefined}
              onClick={() => store.getState().openAsNew(structuredClone(example.document), example.slug)}
              className="mt-2 self-start rounded-md bg-indigo-600 px-3 py-1 text-xs font-semibold text-white hover:bg-indigo-500"
            >
              Open
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  )
}
