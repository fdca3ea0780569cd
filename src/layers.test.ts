/**
 * Imports go one way: engine ← runtime ← store ← features, the triggers (src/triggers/) beside the engine, whose
 * action runner knows no trigger. No file of a layer imports from a layer above it,
 * and none of them imports the command line, the benchmarks or (below the features) the example content.
 * Tests are exempt: they may reach across layers to check them.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const SRC = fileURLToPath(new URL('.', import.meta.url))
const LAYERS = ['engine', 'runtime', 'store', 'features']
/** Folders of a layer's rank besides the layer's own. */
const BESIDE: Record<string, string> = { triggers: 'engine' }
const rank = (folder: string) => LAYERS.indexOf(BESIDE[folder] ?? folder)
/** Folders outside the chain that no layer may import; `examples` only the features may. */
const OFF_LIMITS: Record<string, string[]> = { cli: LAYERS, bench: LAYERS, examples: ['engine', 'runtime', 'store'] }

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) return sources(path)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
  })
}

/** The relative specifiers of a file's imports and re-exports (static and dynamic). */
function importsOf(text: string): string[] {
  return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.[^'"]+)['"]/gm)].map((match) => match[1])
}

function violations(): string[] {
  const found: string[] = []
  for (const layer of [...LAYERS, ...Object.keys(BESIDE)]) {
    for (const file of sources(join(SRC, layer))) {
      for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
        const target = relative(SRC, join(dirname(file), specifier)).split(sep)[0]
        const above = rank(target) > rank(layer)
        const forbidden = OFF_LIMITS[target]?.includes(BESIDE[layer] ?? layer) ?? false
        if (above || forbidden) found.push(`${relative(SRC, file)} imports ${specifier} (${target})`)
      }
    }
  }
  return found
}

describe('layers', () => {
  it('import only from their own layer or the layers below (engine ← runtime ← store ← features)', () => {
    expect(violations()).toEqual([])
  })

  it('keep the action runner trigger-free: it, its api object and its trigger interface import nothing of a trigger', () => {
    const core = ['engine/actionRunner.ts', 'engine/trigger.ts', 'engine/api/apiObject.ts', 'engine/api/context.ts', 'engine/runState.ts']
    const reached = core.flatMap((file) => importsOf(readFileSync(join(SRC, file), 'utf8')).filter((specifier) => specifier.includes('triggers')).map((specifier) => `${file} imports ${specifier}`))
    expect(reached).toEqual([])
    expect(readFileSync(join(SRC, 'engine/actionRunner.ts'), 'utf8')).not.toMatch(/PostLogin|post-login/)
  })

  it('are checked: the scan finds the imports it must judge', () => {
    expect(importsOf("import { a } from '../engine/x.ts'\nexport * from './y.ts'\nconst z = () => import('../store/z.ts')\nimport './side.css'")).toEqual(['../engine/x.ts', './y.ts', '../store/z.ts', './side.css'])
    const store = sources(join(SRC, 'features')).flatMap((file) => importsOf(readFileSync(file, 'utf8')))
    expect(store.some((specifier) => specifier.includes('/store/'))).toBe(true)
  })
})
