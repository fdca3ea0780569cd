/**
 * The sandbox's files, built with esbuild into one folder: `dist-node/` in the checkout (not committed), or
 * next to the bundled CLI (`src/build/cli.ts`):
 * - `engine-sandbox.js`, evaluated in each run's `vm` context: `context/entry.ts` with the engine and its
 *   dependencies, wrapped in `(function (hostCall) { … })` so that the host's function is a parameter, never
 *   a global (see `context/hostCall.ts`);
 * - `sandbox-process.mjs`, the child process that holds the contexts (`sandboxProcess.ts`); it runs without
 *   tsx, as the permission model lets it read only this folder;
 * - the libraries the host sends with a run that needs them (`../libraries.ts`): `axios.cjs`, and `nodeShims.cjs`
 *   built by `src/build/nodeShims.ts`.
 * In the checkout, `sandboxFolder()` rebuilds them when a file they were built from has changed since.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import type * as Esbuild from 'esbuild'
import { buildNodeShims } from '../../build/nodeShims.ts'
import { LIBRARY_FILES, type LibraryName } from '../libraries.ts'

/** Set by the CLI's build: the sandbox's folder, relative to the bundled CLI. */
declare const __SANDBOX_FOLDER__: string | undefined

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const SANDBOX_DIR = join(ROOT, 'dist-node')
/** The files both scripts were built from; written last, so its time is the build's. */
const INPUTS = join(SANDBOX_DIR, 'inputs.json')
const SELF = fileURLToPath(import.meta.url)

export const contextBundleIn = (folder: string) => join(folder, 'engine-sandbox.js')
export const processScriptIn = (folder: string) => join(folder, 'sandbox-process.mjs')
export const libraryIn = (folder: string, name: LibraryName) => join(folder, `${name}.cjs`)

const BUILDS: Esbuild.BuildOptions[] = [
  {
    entryPoints: [join(ROOT, 'src/runtime/sandbox/context/entry.ts')],
    outfile: 'engine-sandbox.js',
    // No Node built-ins can be bundled: the engine and its dependencies must be plain JavaScript.
    platform: 'neutral',
    mainFields: ['module', 'main'],
    format: 'iife',
    globalName: 'sandboxBundle',
    banner: { js: '(function (hostCall) {\n"use strict";' },
    footer: { js: 'return sandboxBundle.entry\n})' },
  },
  {
    entryPoints: [join(ROOT, 'src/runtime/sandbox/sandboxProcess.ts')],
    outfile: 'sandbox-process.mjs',
    platform: 'node',
    format: 'esm',
  },
]

function writeAtomically(path: string, contents: Uint8Array | string) {
  // Test files may build at the same time: a reader sees the old file or the new one, never half of one.
  const temporary = `${path}.${process.pid}.tmp`
  writeFileSync(temporary, contents)
  renameSync(temporary, path)
}

/** Builds the sandbox's files into `folder` (by default dist-node/); returns the files they were built from. */
export function buildSandboxBundle(folder = SANDBOX_DIR): string[] {
  const { buildSync } = createRequire(import.meta.url)('esbuild') as typeof Esbuild
  const resolve = createRequire(import.meta.url).resolve
  mkdirSync(folder, { recursive: true })
  const inputs = new Set([relative(ROOT, SELF)])
  for (const options of BUILDS) {
    const outfile = join(folder, options.outfile!)
    const built = buildSync({ ...options, outfile, bundle: true, target: 'node20', write: false, metafile: true, absWorkingDir: ROOT, logLevel: 'warning' })
    for (const file of built.outputFiles) writeAtomically(file.path, file.contents)
    for (const input of Object.keys(built.metafile.inputs)) inputs.add(input)
  }
  for (const [name, file] of Object.entries(LIBRARY_FILES) as [LibraryName, string][]) {
    const source = resolve(file)
    writeAtomically(libraryIn(folder, name), readFileSync(source))
    inputs.add(relative(ROOT, source))
  }
  const shims = buildNodeShims()
  writeAtomically(libraryIn(folder, 'nodeShims'), shims.code)
  for (const input of shims.inputs) inputs.add(input)
  const sorted = [...inputs].sort()
  if (folder === SANDBOX_DIR) writeAtomically(INPUTS, JSON.stringify(sorted, null, 1))
  return sorted
}

function isFresh(): boolean {
  try {
    const builtAt = Math.min(statSync(INPUTS).mtimeMs, statSync(contextBundleIn(SANDBOX_DIR)).mtimeMs, statSync(processScriptIn(SANDBOX_DIR)).mtimeMs)
    const inputs = JSON.parse(readFileSync(INPUTS, 'utf8')) as string[]
    return inputs.every((input) => statSync(join(ROOT, input)).mtimeMs <= builtAt)
  } catch {
    return false
  }
}

/** The folder of the sandbox's files: next to the bundled CLI, or dist-node/, rebuilt first when out of date. */
export function sandboxFolder(): string {
  if (typeof __SANDBOX_FOLDER__ === 'string') return fileURLToPath(new URL(__SANDBOX_FOLDER__, import.meta.url))
  if (!isFresh()) buildSandboxBundle()
  return SANDBOX_DIR
}
