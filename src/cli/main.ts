/**
 * The `actions-playground` command line: `run`, `test`, `link` and `import-deploy`.
 * Exit codes: 0 success, 1 a flow or a test did not do what was asked of it, 2 unreadable input or usage.
 */
import { closest, parseCommandArgs, PROGRAM, usageLine, type Command } from './args.ts'
import { importDeployCommand } from './commands/importDeploy.ts'
import { linkCommand } from './commands/link.ts'
import { runCommand } from './commands/run.ts'
import { testCommand } from './commands/test.ts'
import { InputError } from './inputs.ts'
import { TRIGGER_IDS } from '../engine/triggers.ts'

const COMMANDS: Command[] = [runCommand, testCommand, linkCommand, importDeployCommand]

const HELP = `Usage: ${PROGRAM} <command> [options]

Runs Auth0 Actions flows (${TRIGGER_IDS.join(', ')}) offline, as the Actions Playground app does.

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(14)} ${command.summary}`).join('\n')}

'${PROGRAM} <command> --help' shows a command's options.
`

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined) {
    process.stderr.write(HELP)
    return 2
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(HELP)
    return 0
  }
  const command = COMMANDS.find((candidate) => candidate.name === name)
  if (!command) {
    const suggestion = closest(name, COMMANDS.map((candidate) => candidate.name))
    throw new InputError(`Unknown command '${name}'.${suggestion ? ` Did you mean '${suggestion}'?` : ''} See '${PROGRAM} --help'.`)
  }
  const { values, positionals } = parseCommandArgs(command, rest)
  if (values.help) {
    process.stdout.write(`${usageLine(command)}\n\n${command.help}`)
    return 0
  }
  return command.execute(values, positionals)
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code },
  (error) => {
    process.stderr.write(`${error instanceof InputError ? error.message : `Unexpected error: ${(error as Error).stack ?? error}`}\n`)
    process.exitCode = 2
  },
)
