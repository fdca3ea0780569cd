/** The action templates (src/examples/templates.ts), loaded after the first paint: the palette lists them once they are here. */
import { lazyModule } from '../ui/lazyModule.ts'

export const templateCatalog = lazyModule(() => import('../../examples/templates.ts'))

export type Templates = typeof import('../../examples/templates.ts')
