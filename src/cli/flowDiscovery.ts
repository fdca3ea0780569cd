/**
 * The flow files `test` runs: folders are searched recursively (not node_modules nor dot folders) for every
 * `*.flow.json`, which must be a valid flow document, and for other `*.json` files that are flow documents
 * with `tests` (any other JSON is left alone). A file named on the command line must be a flow document.
 */
import { readdirSync, statSync } from 'node:fs'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { parseJson } from '../engine/json.ts'
import { TRIGGER_IDS } from '../engine/triggers.ts'
import { InputError, readFlowFile, readText, type FlowFile } from './inputs.ts'

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** A `*.json` found in a folder is meant as a tested flow document when it names a trigger the playground runs and has tests. */
function looksLikeTestedFlow(path: string): boolean {
  const parsed = parseJson(readText(path, 'file'))
  return parsed.ok && isObject(parsed.value) && TRIGGER_IDS.includes(parsed.value.trigger as string) && 'tests' in parsed.value
}

function statOf(path: string) {
  try {
    return statSync(path)
  } catch (error) {
    throw new InputError(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
}

/** The files under `folder` that are flow files to test, in no particular order. */
function searchFolder(folder: string, found: string[]) {
  let entries
  try {
    entries = readdirSync(folder, { withFileTypes: true })
  } catch (error) {
    throw new InputError(`Cannot read the folder ${folder}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
    const path = join(folder, entry.name)
    // Symbolic links to folders are not followed (they could loop); links to files are read.
    const isFile = entry.isFile() || (entry.isSymbolicLink() && statOf(path).isFile())
    if (entry.isDirectory()) searchFolder(path, found)
    else if (isFile && entry.name.endsWith('.flow.json')) found.push(path)
    else if (isFile && entry.name.endsWith('.json') && looksLikeTestedFlow(path)) found.push(path)
  }
}

/**
 * The flow files of the arguments (files or folders; the current folder when there are none), read and
 * validated, sorted by path and each once. Paths are shown relative to the current folder when inside it.
 */
export function discoverFlowFiles(args: string[]): FlowFile[] {
  const found: string[] = []
  for (const arg of args.length ? args : ['.']) {
    if (statOf(arg).isDirectory()) searchFolder(arg, found)
    else found.push(arg)
  }
  const unique = new Map<string, string>()
  for (const path of found) {
    const absolute = resolve(path)
    const shown = relative(process.cwd(), absolute)
    unique.set(absolute, shown && shown !== '..' && !shown.startsWith(`..${sep}`) && !isAbsolute(shown) ? shown : absolute)
  }
  return [...unique.values()].sort().map((path) => readFlowFile(path))
}
