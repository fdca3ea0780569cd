/**
 * The Node shims library (src/engine/modules/shims, runtime/libraries.ts `nodeShims`) as one CommonJS file, built with
 * esbuild the same way for the CLI's sandbox folder (runtime/sandbox/bundle.ts), the app (vite.config.ts) and the tests.
 * Its `buffer`, `crypto` and `util` stay `require` calls: the engine's modules, handed in by the library's wrapper.
 */
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type * as Esbuild from 'esbuild'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const NODE_SHIMS_ENTRY = 'src/engine/modules/shims/index.ts'
/** The engine's own modules, which the shims use rather than bundle copies of their own. */
export const NODE_SHIMS_EXTERNAL = ['buffer', 'crypto', 'util']

/** The bundle's text and the files it was built from (relative to the checkout). */
export function buildNodeShims(): { code: string; inputs: string[] } {
  const { buildSync } = createRequire(import.meta.url)('esbuild') as typeof Esbuild
  const built = buildSync({
    entryPoints: [join(ROOT, NODE_SHIMS_ENTRY)],
    bundle: true,
    write: false,
    metafile: true,
    absWorkingDir: ROOT,
    // The npm ports' browser entries (inherits, util-deprecate), and no Node built-in left to resolve.
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: NODE_SHIMS_EXTERNAL,
    define: { global: 'globalThis' },
    minify: true,
    keepNames: true,
    legalComments: 'none',
    logLevel: 'warning',
  })
  return { code: built.outputFiles[0].text, inputs: Object.keys(built.metafile.inputs) }
}
