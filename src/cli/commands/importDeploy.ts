/** `actions-playground import-deploy`: an Auth0 Deploy CLI directory as a flow document whose actions name their code files. */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { importDeployDirectory, joinPath, type Files } from '../../engine/deployImport.ts'
import { parseJson } from '../../engine/flowDocument.ts'
import { TRIGGER_IDS } from '../../engine/triggers.ts'
import type { Command } from '../args.ts'
import { InputError } from '../inputs.ts'

/** A Deploy CLI file larger than this is not an action's code or configuration. */
const MAX_FILE_BYTES = 5 * 1024 * 1024

function isFile(path: string): boolean {
  try {
    const stat = statSync(path)
    return stat.isFile() && stat.size <= MAX_FILE_BYTES
  } catch {
    return false
  }
}

/** The JSON files directly in `folder` (as a0deploy reads `actions/` and `triggers/`), as paths relative to the directory. */
function jsonFiles(dir: string, folder: string): string[] {
  try {
    return readdirSync(join(dir, folder)).filter((name) => name.endsWith('.json') && isFile(join(dir, folder, name))).map((name) => `${folder}/${name}`)
  } catch {
    return []
  }
}

/** What the conversion reads: the action and trigger files, and each code file an action file names. */
function readDirectory(dir: string): Files {
  const files: Record<string, string> = {}
  const read = (path: string) => {
    try {
      files[path] = readFileSync(join(dir, path), 'utf8')
    } catch (error) {
      throw new InputError(`Cannot read ${join(dir, path)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
    }
  }
  for (const path of [...jsonFiles(dir, 'actions'), ...jsonFiles(dir, 'triggers')]) read(path)
  for (const [path, text] of Object.entries(files)) {
    if (!path.startsWith('actions/')) continue
    const parsed = parseJson(text)
    const code = parsed.ok && typeof parsed.value === 'object' && parsed.value !== null ? (parsed.value as { code?: unknown }).code : undefined
    if (typeof code !== 'string' || !code.trim()) continue
    const codePath = joinPath('', code)
    if (!(codePath in files) && isFile(resolve(dir, codePath))) read(codePath)
  }
  return files
}

/** `path` relative to `from`, with `/` and a leading `./` when it does not go up. */
function relativeRef(from: string, path: string): string {
  const ref = relative(from, path).split(sep).join('/')
  return ref.startsWith('../') ? ref : `./${ref}`
}

export const importDeployCommand: Command = {
  name: 'import-deploy',
  summary: 'turn an Auth0 Deploy CLI directory into a flow file',
  usage: '<dir> [--output <flow.json>] [--trigger <id>]',
  help: `Reads an Auth0 Deploy CLI directory (a0deploy export --format=directory: actions/<name>.json,
actions/<name>/code.js, triggers/triggers.json) and prints a flow document for it, of one trigger (--trigger):
  - the trigger's actions in the tenant's order (its bindings in triggers/triggers.json), enabled; its actions
    bound nowhere follow, disabled; actions of other triggers are left out
  - each action's code as "codeFile", the path of its code.js relative to the flow file, so the flow runs the
    directory's code as it changes (actions-playground run <flow.json>)
  - secrets by name with empty values (the directory holds only keywords like ##NAME##, not values)
  - the tenant's runtime and dependencies kept on each action, and the trigger's default event
What does not carry over (another runtime, packages the playground lacks, action modules) is noted on stderr.

Options:
  --output <flow.json>  write the flow document there, code file paths relative to it (without --output it is
                        printed, code file paths relative to the current directory)
  --trigger <id>        the trigger whose actions to import: ${TRIGGER_IDS.join(', ')}
                        (default: post-login when the directory has actions for it, else the first of these that has)
  -h, --help            show this help

Exit code: 0, or 2 when the directory cannot be read or is not a Deploy CLI directory.
`,
  options: { output: { type: 'string' }, trigger: { type: 'string' } },
  async execute(values, positionals) {
    if (positionals.length !== 1) throw new InputError(`import-deploy takes one directory (got ${positionals.length}). See 'actions-playground import-deploy --help'.`)
    const trigger = typeof values.trigger === 'string' ? values.trigger : undefined
    if (trigger !== undefined && !TRIGGER_IDS.includes(trigger)) throw new InputError(`Unknown trigger "${trigger}" for --trigger: the playground runs ${TRIGGER_IDS.join(', ')}.`)
    const dir = positionals[0]
    let isDirectory: boolean
    try {
      isDirectory = statSync(dir).isDirectory()
    } catch (error) {
      throw new InputError(`Cannot read the Deploy CLI directory ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
    }
    if (!isDirectory) throw new InputError(`${dir} is not a directory: import-deploy takes an Auth0 Deploy CLI directory (with actions/ and triggers/triggers.json)`)
    const imported = importDeployDirectory(readDirectory(dir), { name: basename(resolve(dir)), trigger })
    if (!imported.ok) {
      const more = imported.errors.length > 1 ? ` (and ${imported.errors.length - 1} more problem${imported.errors.length > 2 ? 's' : ''})` : ''
      throw new InputError(`${dir} is not a usable Auth0 Deploy CLI directory: ${imported.errors[0]}${more}`)
    }
    const { doc, codePaths, notes } = imported.value
    const output = typeof values.output === 'string' ? values.output : undefined
    const base = output === undefined ? process.cwd() : dirname(resolve(output))
    const flow = {
      ...doc,
      actions: doc.actions.map((action, index) => Object.fromEntries(Object.entries(action).map(([key, value]) => (
        key === 'code' ? ['codeFile', relativeRef(base, resolve(dir, codePaths[index]))] : [key, value]
      )))),
    }
    const text = `${JSON.stringify(flow, null, 2)}\n`
    if (output === undefined) {
      for (const note of notes) process.stderr.write(`note: ${note}\n`)
      process.stdout.write(text)
    } else {
      try {
        writeFileSync(output, text)
      } catch (error) {
        throw new InputError(`Cannot write ${output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
      }
      for (const note of notes) process.stderr.write(`note: ${note}\n`)
      process.stdout.write(`Wrote ${output}: ${doc.actions.length} action${doc.actions.length === 1 ? '' : 's'} (${doc.actions.map((action) => `${action.name}${action.enabled ? '' : ' (disabled)'}`).join(', ')})\n`)
    }
    return 0
  },
}
