/** Writes the example flows as flow-document files for the CLI: `npm run examples`. */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import type { ExampleFlow } from '../triggers/content.ts'
import { EXAMPLES } from './catalog.ts'
import { CONTINUE_FILES } from './continueFiles.ts'

export const FLOWS_DIR = new URL('./flows/', import.meta.url)
const TRIGGERS_DIR = new URL('../triggers/', import.meta.url)

/** The Login flow's examples, then each trigger folder's examples.ts, found by folder name. */
export async function allExamples(): Promise<ExampleFlow[]> {
  const folders = readdirSync(TRIGGERS_DIR, { withFileTypes: true }).filter((entry) => entry.isDirectory() && existsSync(new URL(`${entry.name}/examples.ts`, TRIGGERS_DIR)))
  const others = await Promise.all(folders.map(async (folder) => (await import(new URL(`${folder.name}/examples.ts`, TRIGGERS_DIR).href) as { EXAMPLES: ExampleFlow[] }).EXAMPLES))
  return [...EXAMPLES, ...others.flat()]
}

export async function flowFiles(): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for (const example of await allExamples()) files[`${example.slug}.json`] = `${JSON.stringify(example.document, null, 2)}\n`
  for (const [name, spec] of Object.entries(CONTINUE_FILES)) files[`${name}.continue.json`] = `${JSON.stringify(spec, null, 2)}\n`
  return files
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  mkdirSync(FLOWS_DIR, { recursive: true })
  const files = await flowFiles()
  for (const [name, text] of Object.entries(files)) writeFileSync(new URL(name, FLOWS_DIR), text)
  console.log(`Wrote ${Object.keys(files).length} files to src/examples/flows/`)
}
