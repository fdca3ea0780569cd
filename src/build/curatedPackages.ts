/**
 * The curated offline set (src/runtime/packages/curated.ts) as a module of the app, `virtual:curated-packages`:
 * built from this project's node_modules (the packages are devDependencies) with the same walk the runs use,
 * so it holds only the files reachable by require from each package's entry. Vite makes it a chunk of its
 * own, which the page imports only for a run that needs one of the packages.
 */
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'
import { collectPackages, dependencyRange } from '../runtime/packages/collect.ts'
import { CURATED_PACKAGES, type CuratedPackage, type CuratedSet } from '../runtime/packages/curated.ts'
import { nodeModulesSource } from '../runtime/packages/nodeModules.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const LOADABLE = /\.(c?js|json)$/
export const CURATED_MODULE = 'virtual:curated-packages'

export async function buildCuratedSet(root = ROOT): Promise<CuratedSet> {
  const source = nodeModulesSource(root)
  const result = await collectPackages(CURATED_PACKAGES.map(({ name }) => ({ name, version: '*', entries: [''] })), source)
  if (result.missing.length) throw new Error(`The curated packages ${result.missing.map((item) => item.name).join(', ')} are not installed: run npm ci`)
  const packages = new Map<string, CuratedPackage>()
  for (const placed of result.packages) {
    const id = `${placed.ref.name}@${placed.ref.version}`
    let entry = packages.get(id)
    if (!entry) {
      const listing = [...await source.list(placed.ref)].filter((path) => LOADABLE.test(path)).sort()
      const manifest = JSON.parse(await source.read(placed.ref, 'package.json')) as Parameters<typeof dependencyRange>[0]
      const names = Object.keys({ ...manifest.peerDependencies, ...manifest.optionalDependencies, ...manifest.dependencies })
      const dependencies: Record<string, string> = {}
      for (const name of names.sort()) {
        const found = await source.resolve(name, dependencyRange(manifest, name), placed.ref)
        if (found) dependencies[name] = found.version
      }
      entry = { name: placed.ref.name, version: placed.ref.version, files: {}, listing, dependencies }
      packages.set(id, entry)
    }
    for (const path of placed.files) entry.files[path] = result.files[`${placed.dir}/${path}`]
  }
  const roots = Object.fromEntries(CURATED_PACKAGES.map(({ name }) => [name, result.packages.find((item) => item.dir === `/node_modules/${name}`)!.ref.version]))
  return { roots, packages: [...packages.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version)) }
}

export function curatedPackages(): Plugin {
  const resolved = `\0${CURATED_MODULE}`
  return {
    name: 'curated-packages',
    resolveId: (id) => (id === CURATED_MODULE ? resolved : undefined),
    async load(id) {
      if (id !== resolved) return undefined
      // One JSON string: parsed faster than the same data as a JavaScript literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(await buildCuratedSet()))})`
    },
  }
}
