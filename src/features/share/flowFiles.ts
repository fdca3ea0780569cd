/** Flow files in and out: export as a flow document (what the CLI runs) or for the Auth0 Deploy CLI; import a flow document. */
import { withoutSecretValues } from '../../engine/secrets.ts'
import { usePlayground } from '../../store/index.ts'
import { download, fileSlug } from './download.ts'
import { eventWarnings } from './eventWarnings.ts'

export function exportFlowFile(includeSecrets: boolean) {
  const doc = usePlayground.getState().doc
  download(`${fileSlug(doc.name)}.flow.json`, `${JSON.stringify(includeSecrets ? doc : withoutSecretValues(doc), null, 2)}\n`, 'application/json')
}

export async function exportDeployCli() {
  const { deployCliZip } = await import('../../engine/deployExport.ts')
  const doc = usePlayground.getState().doc
  download(`${fileSlug(doc.name)}-auth0-deploy.zip`, deployCliZip(doc), 'application/zip')
}

/** Opens a flow file as a new playground; a file that is not a flow document gets a message naming the problem. */
export async function importFlowFile(file: File) {
  const store = usePlayground.getState()
  let text: string
  try {
    text = await file.text()
  } catch {
    return store.setNotice({ tone: 'error', text: `${file.name} could not be read.` })
  }
  const { parseFlowDocument } = await import('../../engine/flowDocument.ts')
  const parsed = parseFlowDocument(text)
  if (!parsed.ok) {
    return store.setNotice({ tone: 'error', text: `${file.name} is not a flow document: ${parsed.errors.slice(0, 3).join('; ')}${parsed.errors.length > 3 ? ` (and ${parsed.errors.length - 3} more)` : ''}. Nothing was changed.` })
  }
  store.openAsNew(parsed.value)
  store.setNotice({ tone: 'info', text: `Opened ${file.name} as a new playground.${eventWarnings(parsed.warnings)}` })
}

/** Asks for a flow file and opens it as a new playground. */
export function pickFlowFile() {
  const input = document.createElement('input')
  input.type = 'file'
  input.accept = '.json,application/json'
  input.onchange = () => { const chosen = input.files?.[0]; if (chosen) void importFlowFile(chosen) }
  input.click()
}

