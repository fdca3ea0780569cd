/** `actions-playground link`: the share link of a flow file, as the app's Share button makes it. */
import { shareUrl } from '../../engine/shareCodec.ts'
import type { Command } from '../args.ts'
import { InputError, readFlowFile } from '../inputs.ts'

/** Where `npm start` serves the app; `--base` points the link at another copy. */
export const DEFAULT_BASE = 'http://localhost:5173/'

export const linkCommand: Command = {
  name: 'link',
  summary: 'print the share link of a flow file',
  usage: '<flow.json> [--base <app URL>]',
  help: `Prints the link the app's Share button gives for this flow: its actions, order, event and mocks, without
secret values (only their names), compressed into the link's fragment, which never reaches a server.

Options:
  --base <app URL>      where the app is hosted (default ${DEFAULT_BASE}, what npm start serves)
  -h, --help            show this help

Exit code: 0, or 2 when the flow file cannot be read or is not valid.
`,
  options: { base: { type: 'string' } },
  async execute(values, positionals) {
    if (positionals.length !== 1) throw new InputError(`link takes one flow file (got ${positionals.length}). See 'actions-playground link --help'.`)
    const base = typeof values.base === 'string' ? values.base : DEFAULT_BASE
    if (!URL.canParse(base)) throw new InputError(`--base must be a URL such as https://playground.example.com/ (got "${values.base}")`)
    const { doc } = readFlowFile(positionals[0])
    process.stdout.write(`${shareUrl(doc, base)}\n`)
    return 0
  },
}
