/**
 * The sandbox's two scripts, built with esbuild into `dist-node/` (not committed):
 * - `engine-sandbox.js`, evaluated in each run's `vm` context: `context/entry.ts` with the engine and its
 *   dependencies, wrapped in `(function (hostCall) { … })` so that the host's function is a parameter, never
 *   a global (see `context/hostCall.ts`);
 * - `sandbox-process.mjs`, the child process that holds the contexts (`sandboxProcess.ts`); it runs without
 *   tsx, as the permission model lets it read only this folder.
 * `ensureSandboxBundle()` rebuilds them when a file they were built from has changed since.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import type * as Esbuild from 'esbuild'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
export const SANDBOX_DIR = join(ROOT, 'dist-node')
export const CONTEXT_BUNDLE = join(SANDBOX_DIR, 'engine-sandbox.js')
export const PROCESS_SCRIPT = join(SANDBOX_DIR, 'sandbox-process.mjs')
/** The files both scripts were built from; written last, so its time is the build's. */
const INPUTS = join(SANDBOX_DIR, 'inputs.json')
const SELF = fileURLToPath(import.meta.url)

const BUILDS: Esbuild.BuildOptions[] = [
  {
    entryPoints: [join(ROOT, 'src/runtime/sandbox/context/entry.ts')],
    outfile: CONTEXT_BUNDLE,
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
    outfile: PROCESS_SCRIPT,
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

export function buildSandboxBundle(): void {
  const { buildSync } = createRequire(import.meta.url)('esbuild') as typeof Esbuild
  mkdirSync(SANDBOX_DIR, { recursive: true })
  const inputs = new Set([relative(ROOT, SELF)])
  for (const options of BUILDS) {
    const built = buildSync({ ...options, bundle: true, target: 'node20', write: false, metafile: true, absWorkingDir: ROOT, logLevel: 'warning' })
    for (const file of built.outputFiles) writeAtomically(file.path, file.contents)
    for (const input of Object.keys(built.metafile.inputs)) inputs.add(input)
  }
  writeAtomically(INPUTS, JSON.stringify([...inputs].sort(), null, 1))
}

function isFresh(): boolean {
  try {
    const builtAt = Math.min(statSync(INPUTS).mtimeMs, statSync(CONTEXT_BUNDLE).mtimeMs, statSync(PROCESS_SCRIPT).mtimeMs)
    const inputs = JSON.parse(readFileSync(INPUTS, 'utf8')) as string[]
    return inputs.every((input) => statSync(join(ROOT, input)).mtimeMs <= builtAt)
  } catch {
    return false
  }
}

/** Builds the sandbox's scripts unless they are up to date; returns their folder. */
export function ensureSandboxBundle(): string {
  if (!isFresh()) buildSandboxBundle()
  return SANDBOX_DIR
}
