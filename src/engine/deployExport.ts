/**
 * The flow's actions in the Auth0 Deploy CLI (a0deploy) directory format, ready for `a0deploy import --input_file <folder>`.
 * Layout and keys follow auth0/auth0-deploy-cli: `src/context/directory/handlers/actions.ts` (`mapToAction`,
 * `mapActionCode`: `actions/<name>.json` whose `code` is `./actions/<name>/code.js`), `src/context/directory/handlers/triggers.ts`
 * and `examples/directory/triggers/triggers.json` (`triggers/triggers.json`), `src/utils.ts` (`sanitize`).
 */
import { strToU8, zipSync } from 'fflate'
import type { FlowDocument } from './flowDocument.ts'

const RUNTIME = 'node22'
const POST_LOGIN = { id: 'post-login', version: 'v3' }

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

/**
 * Path → text of the Deploy CLI directory files for the flow's actions. Secret values never leave the playground: each
 * secret is a `##NAME##` keyword, which a0deploy fills from `AUTH0_KEYWORD_REPLACE_MAPPINGS` at import.
 */
export function deployCliFiles(doc: FlowDocument): Record<string, string> {
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
      dependencies: [],
      secrets: Object.keys(action.secrets).map((secret) => ({ name: secret, value: `##${secret}##` })),
      supported_triggers: [POST_LOGIN],
      deployed: true,
    }, null, 2)}\n`
  })
  const bindings = doc.actions.flatMap((action, index) => (action.enabled ? [{ action_name: names[index], display_name: names[index] }] : []))
  files['triggers/triggers.json'] = `${JSON.stringify({ [POST_LOGIN.id]: bindings }, null, 2)}\n`
  return files
}

/** The Deploy CLI files zipped under one folder named after the flow. */
export function deployCliZip(doc: FlowDocument): Uint8Array {
  const top = sanitizeFileName(doc.name.trim()) || 'flow'
  return zipSync(Object.fromEntries(Object.entries(deployCliFiles(doc)).map(([path, text]) => [`${top}/${path}`, strToU8(text)])))
}
