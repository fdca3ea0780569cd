/**
 * `npm run build:cli` (and `prepare`, so `npm ci`, `npm install` and `npm pack` have it): the package's
 * JavaScript in `dist-cli/`, which Node runs as it is, without TypeScript:
 * - `cli.mjs`, the `actions-playground` program (src/cli/main.ts);
 * - `index.mjs` and `index.d.ts`, the library entry (src/cli/library.ts) with its types (`types.d.ts`);
 * - the sandbox's files (src/runtime/sandbox/bundle.ts), which the bundles find next to themselves.
 */
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildSync } from 'esbuild'
import ts from 'typescript'
import { buildSandboxBundle } from '../runtime/sandbox/bundle.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const DIST_CLI = join(ROOT, 'dist-cli')

/** Declarations of one module whose exports carry their types (isolated declarations), its imports renamed. */
function declarations(source: string, renames: Record<string, string>): string {
  const { outputText, diagnostics } = ts.transpileDeclaration(readFileSync(join(ROOT, source), 'utf8'), {
    fileName: source,
    compilerOptions: { isolatedDeclarations: true, declaration: true, allowImportingTsExtensions: true, module: ts.ModuleKind.ESNext },
  })
  if (diagnostics?.length) throw new Error(`${source}: ${diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('\n')}`)
  let text = outputText
  for (const [from, to] of Object.entries(renames)) text = text.replaceAll(`'${from}'`, `'${to}'`)
  const left = /from '(\.[^']+\.ts)'/.exec(text)
  if (left) throw new Error(`${source}: its declarations import ${left[1]}, which the package does not ship`)
  return text
}

export function buildCli(): void {
  const started = performance.now()
  rmSync(DIST_CLI, { recursive: true, force: true })
  mkdirSync(DIST_CLI, { recursive: true })
  buildSandboxBundle(DIST_CLI)
  const shared = {
    bundle: true, platform: 'node', format: 'esm', target: 'node20', absWorkingDir: ROOT, logLevel: 'warning',
    // Less to parse at every start; names kept for the stack traces and messages that show them.
    minify: true, keepNames: true,
    // The bundles find the sandbox's files next to themselves (src/runtime/sandbox/bundle.ts).
    define: { __SANDBOX_FOLDER__: '"./"' },
    // Bundled CommonJS dependencies may call require() for Node's modules.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  } as const
  buildSync({ ...shared, entryPoints: ['src/cli/main.ts'], outfile: join(DIST_CLI, 'cli.mjs'), banner: { js: `#!/usr/bin/env node\n${shared.banner.js}` } })
  chmodSync(join(DIST_CLI, 'cli.mjs'), 0o755)
  buildSync({ ...shared, entryPoints: ['src/cli/library.ts'], outfile: join(DIST_CLI, 'index.mjs') })
  writeFileSync(join(DIST_CLI, 'index.d.ts'), declarations('src/cli/library.ts', { '../engine/types.ts': './types.js' }))
  writeFileSync(join(DIST_CLI, 'types.d.ts'), declarations('src/engine/types.ts', {}))
  console.log(`built dist-cli/ in ${Math.round(performance.now() - started)} ms`)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildCli()
