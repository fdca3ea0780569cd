/**
 * Where keys belong to what the user is typing. Editors (Monaco edits through a native EditContext element
 * in Chromium, which is neither a textarea nor contenteditable) are marked with EDITOR_REGION_CLASS, the
 * class React Flow also honours: its pan (Space) and delete keys ignore everything inside it.
 */
export const EDITOR_REGION_CLASS = 'nokey'

const TEXT_INPUTS = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number'])

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false
  if (target.closest(`.${EDITOR_REGION_CLASS}`)) return true
  if (target instanceof HTMLElement && target.isContentEditable) return true
  if (target instanceof HTMLInputElement) return TEXT_INPUTS.has(target.type)
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement
}
