/** The example flows (src/examples/catalog.ts), loaded when the gallery opens or a link names one (`?example=`). */
import { lazyModule } from '../ui/lazyModule.ts'

export const exampleCatalog = lazyModule(() => import('../../examples/catalog.ts'))
