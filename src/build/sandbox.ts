/** `npm run build:sandbox`: builds the CLI's sandbox scripts into dist-node/ (the runner also does when they are stale). */
import { relative } from 'node:path'
import { CONTEXT_BUNDLE, PROCESS_SCRIPT, buildSandboxBundle } from '../runtime/sandbox/bundle.ts'

const started = performance.now()
buildSandboxBundle()
console.log(`built ${relative(process.cwd(), CONTEXT_BUNDLE)} and ${relative(process.cwd(), PROCESS_SCRIPT)} in ${Math.round(performance.now() - started)} ms`)
