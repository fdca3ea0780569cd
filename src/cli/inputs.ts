/** Reading the CLI's inputs: every problem is an `InputError`, printed as one line (or a short list) with exit code 2. */
import { readFileSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { ContinueSpec } from '../engine/continueRequest.ts'
import { inlineCodeFiles, parseFlowSource, parseJson, type FlowDocument } from '../engine/flowDocument.ts'

export class InputError extends Error {}

export function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    throw new InputError(`Cannot read the ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
}

export interface FlowFile {
  path: string
  doc: FlowDocument
  warnings: string[]
}

/**
 * A flow document from a file; its event is checked against the event schema (problems that do not stop a run are
 * warnings). An action's `codeFile` is read relative to the flow file (anywhere, so long as it is a regular file) and
 * becomes its `code`.
 */
export function readFlowFile(path: string): FlowFile {
  const parsed = parseFlowSource(readText(path, 'flow file'))
  if (!parsed.ok) throw new InputError(`${path} is not a valid flow document: ${parsed.errors.join('; ')}`)
  const doc = inlineCodeFiles(parsed.value, (codeFile, action, index) => {
    const file = resolve(dirname(path), codeFile)
    const where = `${path}: actions[${index}] "${action.name}" takes its code from ${codeFile}`
    let problem: string
    try {
      if (statSync(file).isFile()) return readFileSync(file, 'utf8')
      problem = 'not a regular file'
    } catch (error) {
      problem = (error as NodeJS.ErrnoException).code ?? (error as Error).message
    }
    throw new InputError(`${where}, which cannot be read (${file}: ${problem})`)
  })
  return { path, doc, warnings: parsed.warnings ?? [] }
}

export function readContinueSpec(path: string): ContinueSpec {
  const parsed = parseJson(readText(path, 'continue file'))
  if (!parsed.ok) throw new InputError(`${path}: ${parsed.errors.join('; ')}`)
  return checkContinueSpec(parsed.value, path)
}

/** A `/continue` request as a continue file or a flow test gives it. */
export function checkContinueSpec(spec: unknown, where: string): ContinueSpec {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) throw new InputError(`${where}: a continue request is a JSON object like { "query": {}, "body": {}, "sessionToken": { "payload": {}, "secret": "…" } }`)
  const token = (spec as ContinueSpec).sessionToken
  if (token !== undefined && (typeof token !== 'object' || typeof token?.secret !== 'string')) throw new InputError(`${where}: sessionToken needs a "secret" string`)
  if (token?.secret === '') throw new InputError(`${where}: sessionToken.secret is empty: put there the value of the secret the action validates the session token with`)
  return spec as ContinueSpec
}
