/** `npm run build:sandbox`: builds the CLI's sandbox files into dist-node/ (the runner also does when they are stale). */
import { buildSandboxBundle } from '../runtime/sandbox/bundle.ts'

const started = performance.now()
const inputs = buildSandboxBundle()
console.log(`built dist-node/ from ${inputs.length} files in ${Math.round(performance.now() - started)} ms`)
