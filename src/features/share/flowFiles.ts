/**
 * Flow files in and out: export as a flow document (what the CLI runs) or for the Auth0 Deploy CLI; import a flow
 * document, or a folder or zip holding a flow document and its code files, or a Deploy CLI directory.
 */
import type { FlowDocument } from '../../engine/flowDocument.ts'
import type { Files } from '../../engine/deployImport.ts'
import { withoutSecretValues } from '../../engine/secrets.ts'
import type { PlaygroundStore } from '../../store/index.ts'
import { selectDoc } from '../../store/selectors.ts'
import { download, fileSlug } from './download.ts'
import { eventWarnings } from './eventWarnings.ts'
import { FileSetError, folderFiles, zipFiles } from './fileSets.ts'

export function exportFlowFile(playground: PlaygroundStore, includeSecrets: boolean) {
  const doc = selectDoc(playground.getState())
  download(`${fileSlug(doc.name)}.flow.json`, `${JSON.stringify(includeSecrets ? doc : withoutSecretValues(doc), null, 2)}\n`, 'application/json')
}

export async function exportDeployCli(playground: PlaygroundStore) {
  const { deployCliZip } = await import('../../engine/deployExport.ts')
  const store = playground.getState()
  const doc = selectDoc(store)
  const name = `${fileSlug(doc.name)}-auth0-deploy.zip`
  download(name, deployCliZip(doc), 'application/zip')
  const bound = doc.actions.filter((action) => action.enabled).length
  const keywords = [...new Set(doc.actions.flatMap((action) => Object.keys(action.secrets)))]
  store.setNotice({
    tone: 'info',
    text: `Downloaded ${name} for a0deploy import. Importing it replaces the tenant's whole ${doc.trigger} binding list with these ${bound} enabled action${bound === 1 ? '' : 's'}, in this order: actions bound there now and not here are unbound.`
      + ` Its config.json.example limits the import to actions and triggers${keywords.length ? ` and lists the secret keywords to fill in (${keywords.map((keyword) => `##${keyword}##`).join(', ')})` : ''}.`,
  })
}

/** Opens a flow file as a new playground; a file that is not a flow document gets a message naming the problem. A zip goes to `importZip`. */
export async function importFlowFile(playground: PlaygroundStore, file: File) {
  if (/\.zip$/i.test(file.name) || file.type === 'application/zip') return importZip(playground, file)
  const store = playground.getState()
  let text: string
  try {
    text = await file.text()
  } catch {
    return store.setNotice({ tone: 'error', text: `${file.name} could not be read.` })
  }
  const { codeFileList, codeFilesMessage, parseFlowSource } = await import('../../engine/flowDocument.ts')
  const parsed = parseFlowSource(text)
  if (!parsed.ok) {
    return store.setNotice({ tone: 'error', text: `${file.name} is not a flow document: ${parsed.errors.slice(0, 3).join('; ')}${parsed.errors.length > 3 ? ` (and ${parsed.errors.length - 3} more)` : ''}. Nothing was changed.` })
  }
  const codeFiles = codeFileList(parsed.value)
  if (codeFiles.length) return store.setNotice({ tone: 'error', text: `${file.name} cannot open on its own: ${codeFilesMessage(codeFiles)}. Nothing was changed.` })
  store.openAsNew(parsed.value as FlowDocument)
  store.setNotice({ tone: 'info', text: `Opened ${file.name} as a new playground.${eventWarnings(parsed.warnings)}` })
}

/** Opens what a folder's or zip's files hold (`label` names them) as a new playground, or says why not. */
async function importFileSet(playground: PlaygroundStore, label: string, read: () => Promise<Files>, name?: string) {
  const store = playground.getState()
  let files: Files
  try {
    files = await read()
  } catch (error) {
    return store.setNotice({ tone: 'error', text: `${label} could not be imported: ${error instanceof FileSetError ? error.message : 'it could not be read'}. Nothing was changed.` })
  }
  const [{ importFiles }, { missingSecrets }] = await Promise.all([import('../../engine/deployImport.ts'), import('../../engine/shareCodec.ts')])
  const imported = importFiles(files, { name })
  if (!imported.ok) {
    const more = imported.errors.length > 3 ? ` (and ${imported.errors.length - 3} more)` : ''
    return store.setNotice({ tone: 'error', text: `${label} could not be imported: ${imported.errors.slice(0, 3).join('; ')}${more}. Nothing was changed.` })
  }
  const { doc, source, notes, warnings } = imported.value
  store.openAsNew(doc)
  const folder = source.kind === 'deploy' ? source.root.replace(/\/$/, '') : ''
  const what = source.kind === 'deploy'
    ? `Imported the Auth0 Deploy CLI directory ${folder && folder !== label ? `${folder} from ${label}` : label} as a new playground: ${doc.actions.length} action${doc.actions.length === 1 ? '' : 's'} in the tenant's ${doc.trigger} order, their code inline.`
    : `Opened ${source.path} from ${label} as a new playground, its code files inline.`
  const noted = notes.length ? ` Note: ${notes.join('; ')}.` : ''
  store.setNotice({
    tone: 'info',
    text: `${what}${noted}${eventWarnings(warnings)}`,
    missingSecrets: missingSecrets(doc).map((entry) => ({ actionName: entry.actionName, names: entry.names })),
  })
}

/** Imports a zip: a Deploy CLI export (as this app's or a0deploy's), or a flow document with its code files. */
export function importZip(playground: PlaygroundStore, file: File) {
  return importFileSet(playground, file.name, () => zipFiles(file), file.name.replace(/\.zip$/i, ''))
}

/** Imports a folder picked with a directory input: a Deploy CLI directory, or a flow document with its code files. */
export function importFolder(playground: PlaygroundStore, list: ArrayLike<File>) {
  const first = list[0]?.webkitRelativePath.split('/')[0] || 'The folder'
  return importFileSet(playground, first, () => folderFiles(list))
}

function pick(setup: (input: HTMLInputElement) => void, chosen: (files: FileList) => void) {
  const input = document.createElement('input')
  input.type = 'file'
  setup(input)
  input.onchange = () => { if (input.files?.length) chosen(input.files) }
  input.click()
}

/** Asks for a flow file (or a zip) and opens it as a new playground. */
export function pickFlowFile(playground: PlaygroundStore) {
  pick((input) => { input.accept = '.json,application/json,.zip,application/zip' }, (files) => void importFlowFile(playground, files[0]))
}

/** Asks for a zip (a Deploy CLI export, or a flow with its code files) and opens it as a new playground. */
export function pickZip(playground: PlaygroundStore) {
  pick((input) => { input.accept = '.zip,application/zip' }, (files) => void importZip(playground, files[0]))
}

/** Asks for a folder (a Deploy CLI directory, or a flow with its code files) and opens it as a new playground. */
export function pickFolder(playground: PlaygroundStore) {
  pick((input) => { input.webkitdirectory = true }, (files) => void importFolder(playground, files))
}
