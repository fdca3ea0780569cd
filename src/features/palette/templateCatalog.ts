/**
 * Each trigger's action templates, loaded after the first paint: a trigger folder's templates.ts
 * (src/triggers/<id>/templates.ts), found by folder name, and the Login flow's in src/examples/templates.ts.
 */
import type { TriggerTemplates } from '../../triggers/content.ts'
import { lazyModule, type LazyModule } from '../ui/lazyModule.ts'

const FOLDERS = import.meta.glob<TriggerTemplates>('../../triggers/*/templates.ts')

const LOADERS: Record<string, () => Promise<TriggerTemplates>> = {
  'post-login': () => import('../../examples/templates.ts'),
  ...Object.fromEntries(Object.entries(FOLDERS).map(([path, load]) => [path.split('/').at(-2)!, load])),
}

const catalogs = new Map<string, LazyModule<TriggerTemplates>>()
const NONE: TriggerTemplates = { BLANK_ACTION: { name: 'New action', code: '' }, TEMPLATES: [] }

/** The templates of a trigger (none for a trigger without templates.ts). */
export function templateCatalog(trigger: string): LazyModule<TriggerTemplates> {
  let catalog = catalogs.get(trigger)
  if (!catalog) catalogs.set(trigger, (catalog = lazyModule(LOADERS[trigger] ?? (async () => NONE))))
  return catalog
}
