/** Writes the example flows as flow-document files for the CLI: `npm run examples`. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { EXAMPLES } from './catalog.ts'
import { CONTINUE_FILES } from './continueFiles.ts'

export const FLOWS_DIR = new URL('./flows/', import.meta.url)

export function flowFiles(): Record<string, string> {
  const files: Record<string, string> = {}
  for (const example of EXAMPLES) files[`${example.slug}.json`] = `${JSON.stringify(example.document, null, 2)}\n`
  for (const [name, spec] of Object.entries(CONTINUE_FILES)) files[`${name}.continue.json`] = `${JSON.stringify(spec, null, 2)}\n`
  return files
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  mkdirSync(FLOWS_DIR, { recursive: true })
  for (const [name, text] of Object.entries(flowFiles())) writeFileSync(new URL(name, FLOWS_DIR), text)
  console.log(`Wrote ${Object.keys(flowFiles()).length} files to src/examples/flows/`)
}
