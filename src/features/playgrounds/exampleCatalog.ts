/**
 * The example flows, loaded when the gallery opens or a link names one (`?example=`): the Login flow's
 * (src/examples/catalog.ts), then each trigger folder's examples.ts, found by folder name.
 */
import type { ExampleFlow } from '../../triggers/content.ts'
import { lazyModule } from '../ui/lazyModule.ts'

const FOLDERS = import.meta.glob<{ EXAMPLES: ExampleFlow[] }>('../../triggers/*/examples.ts')

export const exampleCatalog = lazyModule(async () => {
  const [login, ...others] = await Promise.all([import('../../examples/catalog.ts'), ...Object.values(FOLDERS).map((load) => load())])
  const EXAMPLES: ExampleFlow[] = [...login.EXAMPLES, ...others.flatMap((folder) => folder.EXAMPLES)]
  return { EXAMPLES }
})

/** The example a link names: a Login flow's without loading the other triggers' examples, else any trigger's. */
export async function findExample(slug: string): Promise<ExampleFlow | undefined> {
  return (await import('../../examples/catalog.ts')).findExample(slug)
    ?? (await exampleCatalog.load()).EXAMPLES.find((example) => example.slug === slug)
}
