/** What can be dragged from the palette onto the flow, and the action each item becomes. */
import type { FlowAction, FlowDocument, HttpMock } from '../../engine/flowDocument.ts'
import { actionFromSpec, type TriggerTemplates } from '../../triggers/content.ts'
import { templateCatalog } from './templateCatalog.ts'

export const PALETTE_MIME = 'application/x-playground-item'

export type PaletteItem = { kind: 'template'; slug: string } | { kind: 'blank' } | { kind: 'copy'; id: string }

export interface NewAction {
  action: FlowAction
  /** HTTP mocks the action needs that the flow does not have yet. */
  mocks: HttpMock[]
}

/** The trigger's templates, loaded now if they have not been yet. */
export const loadedTemplates = async (trigger: string): Promise<TriggerTemplates> => templateCatalog(trigger).current() ?? await templateCatalog(trigger).load()

export function newActionFor(item: PaletteItem, doc: FlowDocument, { BLANK_ACTION, TEMPLATES }: TriggerTemplates): NewAction | null {
  const taken = doc.actions.map((action) => action.id)
  if (item.kind === 'blank') return { action: actionFromSpec(BLANK_ACTION, taken), mocks: [] }
  if (item.kind === 'copy') {
    const source = doc.actions.find((action) => action.id === item.id)
    // The store gives the copy a free name: "Name (2)".
    return source ? { action: actionFromSpec(source, taken), mocks: [] } : null
  }
  const template = TEMPLATES.find((candidate) => candidate.slug === item.slug)
  if (!template) return null
  const missing = (template.mocks ?? []).filter((mock) => !doc.mocks.http.some((existing) => existing.method === mock.method && existing.url === mock.url))
  return { action: actionFromSpec(template, taken), mocks: missing }
}

export function readPaletteItem(data: string): PaletteItem | null {
  try {
    const item = JSON.parse(data) as PaletteItem
    return item && ['template', 'blank', 'copy'].includes(item.kind) ? item : null
  } catch {
    return null
  }
}
