/**
 * Flow documents from files: an Auth0 Deploy CLI (a0deploy) directory, or a folder holding a flow document and the
 * code files its actions name. Pure (no Node or DOM API): the files come in as a map of `/`-separated path → text, so
 * `actions-playground import-deploy` and the app's folder and zip import share it.
 *
 * The Deploy CLI's directory format, as its directory handlers read it (auth0/auth0-deploy-cli
 * `src/context/directory/handlers/actions.ts` and `triggers.ts`):
 * - `actions/<name>.json`: `{ name, code, runtime, dependencies, secrets: [{ name, value }], supported_triggers, … }`,
 *   where `code` is the path of the action's code file relative to the directory (`./actions/<name>/code.js`);
 * - `triggers/triggers.json` (a0deploy reads the folder's first JSON file): `{ "post-login": [{ action_name,
 *   display_name }], … }`, the actions bound to each trigger in the order the tenant runs them.
 * A flow runs one trigger, so one trigger's actions and bindings are imported.
 * Keywords (`##NAME##`, `@@NAME@@`) are a0deploy's, replaced from its configuration at import: they are never values.
 */
import { uniqueActionId } from './actionIds.ts'
import { RUNTIME } from './deployExport.ts'
import { inlineCodeFiles, parseJson, validateFlowSource, type FlowAction, type FlowDocument, type Parsed } from './flowDocument.ts'
import { PLAYGROUND_PACKAGES } from './modules/packages.ts'
import { PLAYGROUND_MODULES } from './modules/registry.ts'
import { triggerOf, TRIGGER_IDS } from './triggers.ts'

/** Path (relative, `/`-separated) → text. */
export type Files = Readonly<Record<string, string>>

export interface DeployImport {
  doc: FlowDocument
  /** Per action of `doc`, the path of its code file in the files (relative to the directory, possibly `../…`). */
  codePaths: string[]
  /** What the conversion left out or could not carry (other triggers, unbound actions, runtime, dependencies). */
  notes: string[]
}

const POST_LOGIN = 'post-login'
const KEYWORD = /##\w+##|@@\w+@@/

/** `a/./b/../c` → `a/c`; backslashes become slashes; leading `..` stay. */
export function normalizePath(path: string): string {
  const out: string[] = []
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..' && out.length && out[out.length - 1] !== '..') out.pop()
    else out.push(part)
  }
  return out.join('/')
}

/** `dir` joined with `relative` (a path written relative to `dir`), normalized. */
export function joinPath(dir: string, relative: string): string {
  return normalizePath(dir ? `${dir}/${relative}` : relative)
}

const dirnameOf = (path: string) => path.split('/').slice(0, -1).join('/')

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

const quoted = (name: string) => JSON.stringify(name)

/** The folder (`''` or `some/folder/`) that holds `actions/<name>.json`, the shallowest if several do. */
export function findDeployRoot(files: Files): string | undefined {
  const roots = Object.keys(files).flatMap((path) => {
    const match = /^((?:[^/]+\/)*?)actions\/[^/]+\.json$/.exec(path)
    return match ? [match[1]] : []
  })
  return roots.sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b))[0]
}

interface ActionFile {
  path: string
  name: string
  codePath: string
  code: string
  secrets: string[]
  runtime?: string
  dependencies?: { name: string; version: string }[]
  /** Action modules it uses (`require('actions:<name>')`). */
  modules: string[]
  /** The ids of its `supported_triggers`. */
  triggers: string[]
}

function readActionFile(files: Files, root: string, path: string, errors: string[], notes: string[]): ActionFile | undefined {
  const json = parseJson(files[path])
  if (!json.ok) { errors.push(`${path}: ${json.errors[0]}`); return }
  const action = json.value
  if (!isObject(action)) { errors.push(`${path}: expected an action object`); return }
  if (typeof action.name !== 'string' || !action.name.trim()) { errors.push(`${path}: the action has no "name"`); return }
  const name = action.name
  if (typeof action.code !== 'string' || !action.code.trim()) {
    errors.push(`${path}: "code" should be the path of the action's code file, such as ./actions/${name}/code.js`)
    return
  }
  const codePath = joinPath(root.replace(/\/$/, ''), action.code)
  const code = files[codePath]
  if (code === undefined) { errors.push(`${path}: the code file of ${quoted(name)}, ${action.code}, is missing`); return }
  // An action file without supported_triggers (which a0deploy would refuse) is taken as a post-login one.
  const triggers = Array.isArray(action.supported_triggers)
    ? action.supported_triggers.flatMap((trigger) => (isObject(trigger) && typeof trigger.id === 'string' ? [trigger.id] : []))
    : [POST_LOGIN]
  // a0deploy also accepts secrets as one keyword (`"@@SECRETS@@"`) that its configuration turns into the list.
  let secrets: string[] = []
  if (Array.isArray(action.secrets)) {
    secrets = [...new Set(action.secrets.flatMap((secret) => (isObject(secret) && typeof secret.name === 'string' && secret.name ? [secret.name] : [])))]
  } else if (typeof action.secrets === 'string' && action.secrets) {
    notes.push(`${quoted(name)}: its secrets are the keyword ${action.secrets}, which a0deploy fills from its configuration; add their names in the playground`)
  }
  const modules = Array.isArray(action.modules)
    ? action.modules.flatMap((module) => (isObject(module) && typeof module.module_name === 'string' ? [module.module_name] : []))
    : []
  const dependencies = Array.isArray(action.dependencies)
    ? action.dependencies.flatMap((dependency) => (isObject(dependency) && typeof dependency.name === 'string'
      ? [{ name: dependency.name, version: typeof dependency.version === 'string' ? dependency.version : 'latest' }]
      : []))
    : undefined
  return {
    path, name, codePath, code, secrets, dependencies, triggers, modules,
    runtime: typeof action.runtime === 'string' ? action.runtime : undefined,
  }
}

/** The names of the actions bound to the trigger, in order, or errors. */
function readBindings(files: Files, root: string, trigger: string, errors: string[], notes: string[]): string[] | undefined {
  const triggerFiles = Object.keys(files).filter((path) => path.startsWith(`${root}triggers/`) && /^[^/]+\.json$/.test(path.slice(root.length + 9))).sort()
  const path = triggerFiles.includes(`${root}triggers/triggers.json`) ? `${root}triggers/triggers.json` : triggerFiles[0]
  if (path === undefined) {
    notes.push(`there is no triggers/triggers.json, so no action is bound to ${trigger}: all are imported disabled`)
    return []
  }
  const json = parseJson(files[path])
  if (!json.ok) { errors.push(`${path}: ${json.errors[0]}`); return }
  if (!isObject(json.value)) { errors.push(`${path}: expected an object of trigger → bindings, such as { "${trigger}": [{ "action_name": "…" }] }`); return }
  const bindings = json.value[trigger] ?? []
  if (!Array.isArray(bindings)) { errors.push(`${path}: "${trigger}" should be a list of bindings ({ "action_name": "…", "display_name": "…" })`); return }
  return bindings.flatMap((binding, index) => {
    if (isObject(binding) && typeof binding.action_name === 'string') return [binding.action_name]
    errors.push(`${path}: ${trigger} binding ${index + 1} has no "action_name"`)
    return []
  })
}

function dependencyNotes(file: ActionFile): string[] {
  return (file.dependencies ?? []).flatMap((dependency) => {
    const label = `${dependency.name}${dependency.version ? `@${dependency.version}` : ''}`
    const version = Object.hasOwn(PLAYGROUND_PACKAGES, dependency.name) ? PLAYGROUND_PACKAGES[dependency.name] : undefined
    if (version === undefined) {
      return [`${quoted(file.name)} depends on ${label}, which the playground does not provide (it has ${PLAYGROUND_MODULES.join(', ')}): require('${dependency.name}') fails here`]
    }
    return dependency.version === version ? [] : [`${quoted(file.name)} depends on ${label}; the playground runs ${dependency.name} ${version} (and its Deploy CLI export writes that version)`]
  })
}

/**
 * A Deploy CLI directory as a flow document of one trigger: its actions in the order of the trigger's bindings
 * (enabled), then its actions bound nowhere (disabled); secrets by name with empty values; the trigger's default event.
 * Each action keeps `runtime` and `dependencies` as the directory gives them, and the notes say what does not carry over.
 * `root` is the directory's folder among the files (`''`, or `folder/` with its slash). `trigger` is a registered
 * trigger's id (another throws); without it, post-login when the directory has actions for it, else the first trigger
 * in the registry's order that has.
 */
export function importDeployDirectory(files: Files, options: { name?: string; root?: string; trigger?: string } = {}): Parsed<DeployImport> {
  const root = options.root ?? ''
  const errors: string[] = []
  const notes: string[] = []
  const actionPaths = Object.keys(files).filter((path) => path.startsWith(`${root}actions/`) && /^[^/]+\.json$/.test(path.slice(root.length + 8))).sort()
  if (!actionPaths.length) {
    return { ok: false, errors: [`no ${root}actions/<name>.json files: an Auth0 Deploy CLI directory (a0deploy export --format=directory) has actions/<name>.json, actions/<name>/code.js and triggers/triggers.json`] }
  }
  const byName = new Map<string, ActionFile>()
  for (const path of actionPaths) {
    const file = readActionFile(files, root, path, errors, notes)
    if (!file) continue
    const other = byName.get(file.name)
    if (other) errors.push(`${other.path} and ${path} both name the action ${quoted(file.name)}`)
    else byName.set(file.name, file)
  }
  const withActions = TRIGGER_IDS.filter((id) => [...byName.values()].some((file) => file.triggers.includes(id)))
  // Post-login when no registered trigger has actions, for the error that says so.
  const defaultTrigger = withActions.includes(POST_LOGIN) ? POST_LOGIN : withActions[0] ?? POST_LOGIN
  const trigger = options.trigger === undefined ? defaultTrigger : triggerOf(options.trigger).id
  const forTrigger = (file: ActionFile) => file.triggers.includes(trigger)
  const bindings = readBindings(files, root, trigger, errors, notes)
  if (errors.length || !bindings) return { ok: false, errors }

  for (const file of byName.values()) {
    if (!forTrigger(file)) notes.push(`${quoted(file.name)} is for ${file.triggers.join(', ')}, not ${trigger}: left out`)
  }
  const others = withActions.filter((id) => id !== trigger)
  if (options.trigger === undefined && others.length) {
    notes.push(`the directory also has actions for ${others.join(', ')}; a flow runs one trigger, so this one imports ${trigger}'s: import another with actions-playground import-deploy --trigger <id>`)
  }
  const ordered: { file: ActionFile; enabled: boolean }[] = []
  const bound = new Set<string>()
  for (const name of bindings) {
    const file = byName.get(name)
    if (bound.has(name)) { notes.push(`triggers.json binds ${quoted(name)} to ${trigger} twice: imported once, at its first place`); continue }
    bound.add(name)
    if (!file) notes.push(`triggers.json binds ${quoted(name)} to ${trigger}, but actions/ has no action of that name (a Marketplace integration, or an action kept elsewhere): left out`)
    else if (forTrigger(file)) ordered.push({ file, enabled: true })
  }
  const unbound = [...byName.values()].filter((file) => forTrigger(file) && !bound.has(file.name))
  if (unbound.length) notes.push(`not bound to ${trigger} in triggers.json, so imported disabled after the bound ones: ${unbound.map((file) => quoted(file.name)).join(', ')}`)
  for (const file of unbound) ordered.push({ file, enabled: false })
  if (!ordered.length) {
    const found = [...new Set([...byName.values()].flatMap((file) => file.triggers))].join(', ') || 'no trigger'
    const missing = options.trigger === undefined ? `action for a trigger the playground runs (${TRIGGER_IDS.join(', ')})` : `${trigger} action`
    return { ok: false, errors: [`no ${missing}: the actions there are for ${found}`] }
  }

  const ids: string[] = []
  const actions = ordered.map(({ file, enabled }): FlowAction => {
    const id = uniqueActionId(file.name, ids)
    ids.push(id)
    if (file.runtime && file.runtime !== RUNTIME) notes.push(`${quoted(file.name)} runs on ${file.runtime} in the tenant; the playground's Deploy CLI export writes ${RUNTIME}`)
    notes.push(...dependencyNotes(file))
    if (file.modules.length) notes.push(`${quoted(file.name)} uses action modules (${file.modules.join(', ')}), which the playground does not provide: require('actions:…') fails here`)
    const keyword = KEYWORD.exec(file.code)?.[0]
    if (keyword) notes.push(`${quoted(file.name)}: its code holds the keyword ${keyword}, which a0deploy replaces at import; the playground runs the code as written`)
    return {
      id, name: file.name, code: file.code, enabled,
      secrets: Object.fromEntries(file.secrets.map((secret) => [secret, ''])),
      ...(file.runtime !== undefined ? { runtime: file.runtime } : {}),
      ...(file.dependencies !== undefined ? { dependencies: file.dependencies } : {}),
    }
  })
  if (actions.some((action) => Object.keys(action.secrets).length)) {
    notes.push('secrets come by name with empty values (a Deploy CLI directory holds no secret values, only keywords that a0deploy fills): fill them in before running')
  }
  const doc: FlowDocument = {
    version: 1, trigger, name: options.name?.trim() || 'Imported from the Auth0 Deploy CLI',
    actions, event: triggerOf(trigger).event.create(), mocks: { http: [] },
  }
  return { ok: true, value: { doc, codePaths: ordered.map(({ file }) => file.codePath), notes } }
}

export interface FilesImport {
  doc: FlowDocument
  /** What was found: a flow document (its path), or a Deploy CLI directory (its folder). */
  source: { kind: 'flow'; path: string } | { kind: 'deploy'; root: string }
  notes: string[]
  /** Event problems that do not stop a run. */
  warnings: string[]
}

const looksLikeFlow = (value: unknown) => isObject(value) && value.version === 1 && typeof value.trigger === 'string' && TRIGGER_IDS.includes(value.trigger) && Array.isArray(value.actions)

/**
 * A folder's or a zip's files as one flow document with inline code: a flow document among them (the shallowest),
 * its `codeFile`s read from the same files relative to it; otherwise a Deploy CLI directory among them, named after
 * its folder (`options.name` when it is at the top of the files).
 */
export function importFiles(given: Files, options: { name?: string } = {}): Parsed<FilesImport> {
  const files = Object.fromEntries(Object.entries(given).map(([path, text]) => [normalizePath(path), text]))
  const flows = Object.keys(files).filter((path) => path.endsWith('.json')).flatMap((path) => {
    const json = parseJson(files[path])
    return json.ok && looksLikeFlow(json.value) ? [{ path, value: json.value }] : []
  }).sort((a, b) => a.path.split('/').length - b.path.split('/').length || a.path.localeCompare(b.path))
  if (flows.length) {
    const [{ path, value }] = flows
    const parsed = validateFlowSource(value)
    if (!parsed.ok) return { ok: false, errors: parsed.errors.map((error) => `${path}: ${error}`) }
    const missing: string[] = []
    const doc = inlineCodeFiles(parsed.value, (codeFile, action) => {
      const resolved = joinPath(dirnameOf(path), codeFile)
      const code = files[resolved]
      if (code === undefined) missing.push(`${path}: ${quoted(action.name)} takes its code from ${codeFile}, which is ${resolved.split('/')[0] === '..' ? 'outside the folder' : 'not there'}`)
      return code ?? ''
    })
    if (missing.length) return { ok: false, errors: missing }
    const notes = flows.length > 1 ? [`the other flow documents there were not opened: ${flows.slice(1).map((flow) => flow.path).join(', ')}`] : []
    return { ok: true, value: { doc, source: { kind: 'flow', path }, notes, warnings: parsed.warnings ?? [] } }
  }
  const root = findDeployRoot(files)
  if (root === undefined) {
    return { ok: false, errors: ['neither a flow document nor an Auth0 Deploy CLI directory (actions/<name>.json, actions/<name>/code.js, triggers/triggers.json) is there'] }
  }
  const name = root ? root.replace(/\/$/, '').split('/').pop() : options.name
  const imported = importDeployDirectory(files, { name, root })
  if (!imported.ok) return imported
  return { ok: true, value: { doc: imported.value.doc, source: { kind: 'deploy', root }, notes: imported.value.notes, warnings: [] } }
}
