/**
 * The flow's actions in the Auth0 Deploy CLI (a0deploy) directory format, ready for `a0deploy import --input_file <folder>`.
 * Layout and keys follow auth0/auth0-deploy-cli: `src/context/directory/handlers/actions.ts` (`mapToAction`,
 * `mapActionCode`: `actions/<name>.json` whose `code` is `./actions/<name>/code.js`), `src/context/directory/handlers/triggers.ts`
 * and `examples/directory/triggers/triggers.json` (`triggers/triggers.json`), `src/utils.ts` (`sanitize`).
 */
import { parse, type Node } from 'acorn'
import { strToU8, zipSync } from 'fflate'
import type { FlowDocument } from './flowDocument.ts'
import { PLAYGROUND_PACKAGES } from './modules/packages.ts'
import type { Dependency } from './flowDocument.ts'
import { triggerOf } from './triggers.ts'

/** The runtime the export writes. */
export const RUNTIME = 'node22'

// The regular expressions of the npm package sanitize-filename, which the Deploy CLI's sanitize() calls with { replacement: '-' }.
const ILLEGAL = /[/?<>\\:*|"]/g
const CONTROL = /[\x00-\x1f\x80-\x9f]/g
const RESERVED = /^\.+$/
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i
const WINDOWS_TRAILING = /[. ]+$/
const MAX_NAME_BYTES = 255

function truncateUtf8(text: string, maxBytes: number): string {
  let bytes = 0
  let out = ''
  for (const char of text) {
    const code = char.codePointAt(0)!
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
    if (bytes > maxBytes) break
    out += char
  }
  return out
}

function sanitizePass(name: string, replacement: string): string {
  return truncateUtf8(
    name.replace(ILLEGAL, replacement).replace(CONTROL, replacement).replace(RESERVED, replacement)
      .replace(WINDOWS_RESERVED, replacement).replace(WINDOWS_TRAILING, replacement),
    MAX_NAME_BYTES,
  )
}

/** A name made safe as a file or folder name, as the Deploy CLI does: `sanitize(name, { replacement: '-' })`. */
export function sanitizeFileName(name: string): string {
  // sanitize-filename runs a second pass without replacement when a replacement was given.
  return sanitizePass(sanitizePass(name, '-'), '')
}

/**
 * The Deploy CLI finds actions and trigger bindings by name, so each exported action needs its own name and its own
 * folder (compared without case, for case-insensitive file systems). Later duplicates become "Name (2)", "Name (3)".
 */
function uniqueNames(doc: FlowDocument): string[] {
  const taken = new Set<string>()
  return doc.actions.map((action) => {
    const base = action.name.trim() || action.id
    let name = base
    for (let n = 2; taken.has(sanitizeFileName(name).toLowerCase()); n++) name = `${base} (${n})`
    taken.add(sanitizeFileName(name).toLowerCase())
    return name
  })
}

type AnyNode = Node & Record<string, any>

function visitCalls(node: AnyNode, onCall: (call: AnyNode) => void) {
  if (node.type === 'CallExpression') onCall(node)
  for (const key in node) {
    const child = node[key]
    if (Array.isArray(child)) {
      for (const item of child) if (item && typeof item.type === 'string') visitCalls(item, onCall)
    } else if (child && typeof child === 'object' && typeof child.type === 'string') {
      visitCalls(child, onCall)
    }
  }
}

/** The module names the code passes to `require` as a constant (`node:` dropped), in order of appearance. */
export function requiredModules(code: string): string[] {
  const names = new Set<string>()
  try {
    const program = parse(code, { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true, allowHashBang: true }) as AnyNode
    visitCalls(program, (call) => {
      const [first] = call.arguments as AnyNode[]
      if (call.callee.type !== 'Identifier' || call.callee.name !== 'require' || !first) return
      if (first.type === 'Literal' && typeof first.value === 'string') names.add(first.value)
      else if (first.type === 'TemplateLiteral' && first.expressions.length === 0) names.add(first.quasis[0].value.cooked)
    })
  } catch {
    // Code that does not parse (it fails in the playground too): the calls that read as require('name').
    for (const match of code.matchAll(/\brequire\s*\(\s*(['"`])([^'"`]+)\1\s*\)/g)) names.add(match[2])
  }
  return [...new Set([...names].map((name) => name.replace(/^node:/, '')))]
}

/**
 * An action's npm dependencies, by name: the ones it declares (`actions[].dependencies`), and the packages the
 * playground provides without a declaration (axios) that its code requires, at the version the playground runs.
 */
export function actionDependencies(code: string, declared: readonly Dependency[] = []): { name: string; version: string }[] {
  const dependencies = new Map(declared.map((dependency) => [dependency.name, { name: dependency.name, version: dependency.version }]))
  for (const name of requiredModules(code)) {
    if (Object.hasOwn(PLAYGROUND_PACKAGES, name) && !dependencies.has(name)) dependencies.set(name, { name, version: PLAYGROUND_PACKAGES[name] })
  }
  return [...dependencies.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

/**
 * `config.json.example`: a Deploy CLI configuration limited to actions and triggers, with every `##NAME##` keyword the
 * action files use listed in `AUTH0_KEYWORD_REPLACE_MAPPINGS` (empty: the secret values to fill in). Credentials are
 * placeholders; the client secret is best passed as the AUTH0_CLIENT_SECRET environment variable.
 */
export function deployCliConfigExample(doc: FlowDocument): string {
  const keywords = [...new Set(doc.actions.flatMap((action) => Object.keys(action.secrets)))].sort()
  return `${JSON.stringify({
    AUTH0_DOMAIN: '<your-tenant>.<region>.auth0.com',
    AUTH0_CLIENT_ID: "<client ID of the Deploy CLI's machine-to-machine application>",
    AUTH0_ALLOW_DELETE: false,
    AUTH0_INCLUDED_ONLY: ['actions', 'triggers'],
    AUTH0_KEYWORD_REPLACE_MAPPINGS: Object.fromEntries(keywords.map((keyword) => [keyword, ''])),
  }, null, 2)}\n`
}

/**
 * Path → text of the Deploy CLI directory files for the flow's actions, and `config.json.example` beside them. Secret
 * values never leave the playground: each secret is a `##NAME##` keyword, which a0deploy fills from
 * `AUTH0_KEYWORD_REPLACE_MAPPINGS` at import. Importing the directory sets the tenant's bindings of the flow's trigger
 * to exactly the enabled actions, in flow order: a0deploy replaces the trigger's whole binding list.
 */
export function deployCliFiles(doc: FlowDocument): Record<string, string> {
  const trigger = triggerOf(doc.trigger)
  const names = uniqueNames(doc)
  const files: Record<string, string> = {}
  doc.actions.forEach((action, index) => {
    const name = names[index]
    const folder = sanitizeFileName(name)
    files[`actions/${folder}/code.js`] = action.code
    files[`actions/${folder}.json`] = `${JSON.stringify({
      name,
      code: `./actions/${folder}/code.js`,
      runtime: RUNTIME,
      dependencies: actionDependencies(action.code, action.dependencies),
      secrets: Object.keys(action.secrets).map((secret) => ({ name: secret, value: `##${secret}##` })),
      supported_triggers: [{ id: trigger.id, version: trigger.deployVersion }],
      deployed: true,
    }, null, 2)}\n`
  })
  const bindings = doc.actions.flatMap((action, index) => (action.enabled ? [{ action_name: names[index], display_name: names[index] }] : []))
  files['triggers/triggers.json'] = `${JSON.stringify({ [trigger.id]: bindings }, null, 2)}\n`
  files['config.json.example'] = deployCliConfigExample(doc)
  return files
}

/** The Deploy CLI files zipped under one folder named after the flow. */
export function deployCliZip(doc: FlowDocument): Uint8Array {
  const top = sanitizeFileName(doc.name.trim()) || 'flow'
  return zipSync(Object.fromEntries(Object.entries(deployCliFiles(doc)).map(([path, text]) => [`${top}/${path}`, strToU8(text)])))
}
