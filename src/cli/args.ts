/** Command-line parsing for every command: Node's `parseArgs`, with errors that name the command and suggest a fix. */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { InputError } from './inputs.ts'

export type Options = NonNullable<ParseArgsConfig['options']>

export interface Command {
  name: string
  /** One line for the program's help. */
  summary: string
  /** `<flow.json> [--json] …`, after the program and command name. */
  usage: string
  /** The command's help after its usage line. */
  help: string
  options: Options
  execute(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<number>
}

export const PROGRAM = 'actions-playground'

/** Edit distance, for "did you mean" hints. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    previous = row
  }
  return previous[b.length]
}

/** The closest of `candidates` to `input`, if close enough to be a typo. */
export function closest(input: string, candidates: string[]): string | undefined {
  const ranked = candidates.map((candidate) => ({ candidate, cost: distance(input, candidate) })).sort((a, b) => a.cost - b.cost)
  return ranked[0] && ranked[0].cost <= Math.max(2, Math.floor(input.length / 3)) ? ranked[0].candidate : undefined
}

export function usageLine(command: Command): string {
  return `Usage: ${PROGRAM} ${command.name} ${command.usage}`
}

export function parseCommandArgs(command: Command, argv: string[]) {
  const options = { ...command.options, help: { type: 'boolean', short: 'h' } } satisfies Options
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options })
  } catch (error) {
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec((error as Error).message)?.[1]
    const help = `See '${PROGRAM} ${command.name} --help'.`
    if (unknown) {
      const names = Object.keys(options).map((name) => `--${name}`)
      const suggestion = closest(unknown.split('=')[0], names)
      throw new InputError(`Unknown option ${unknown} for ${command.name}.${suggestion ? ` Did you mean ${suggestion}?` : ''} ${help}`)
    }
    throw new InputError(`${(error as Error).message.split('\n')[0]} ${help}`)
  }
}
