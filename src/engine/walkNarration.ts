/** What a step of a walk says: its headline, the branch an `if` took, and the engine's steps in words. */
import { compactJson } from './compact.ts'
import type { FlowDocument } from './flowDocument.ts'
import type { TimelineEntry } from './types.ts'
import type { BranchTaken, WalkItem } from './walk.ts'

const objectOf = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null ? value as Record<string, unknown> : {})

/** The source line a step ran, trimmed; empty when the code changed since. */
export function sourceLine(doc: FlowDocument, actionId: string, line: number): string {
  return doc.actions.find((action) => action.id === actionId)?.code.split('\n')[line - 1]?.trim() ?? ''
}

export function actionName(doc: FlowDocument, actionId: string | undefined): string {
  return doc.actions.find((action) => action.id === actionId)?.name ?? 'the flow'
}

/** Where a statement step is: "Check roles · after /continue · line 7 · 3rd time". */
export function stepPlace(doc: FlowDocument, item: Extract<WalkItem, { kind: 'line' }>): string {
  const { actionId, phase, line, topLevel } = item.step
  return [actionName(doc, actionId), phase === 'continue' ? 'after /continue' : 'execute', `line ${line}`, topLevel ? 'top level' : null, passText(item)].filter(Boolean).join(' · ')
}

/** What the engine did, as a headline and, for the pause, what Auth0 waits for. */
export function eventHeadline(entry: TimelineEntry, doc: FlowDocument, handlers: { execute: string; continue?: string }): { title: string; detail?: string } {
  const args = objectOf(entry.args[0])
  const name = entry.action ?? actionName(doc, entry.actionId)
  switch (entry.call) {
    case 'action.start': return { title: `Auth0 calls ${name}'s ${handlers.execute}` }
    case 'action.continue': return { title: `Auth0 calls ${name}'s ${handlers.continue ?? 'continue handler'}` }
    case 'action.end': return { title: args.status && args.status !== 'ok' ? `${name} ends: ${String(args.status)}` : `${name} ends` }
    case 'profile.update': return { title: args.when === 'before-redirect' ? 'Auth0 writes the queued metadata before the user leaves' : 'Auth0 writes the queued metadata, once', detail: compactJson({ app_metadata: args.app_metadata ?? {}, user_metadata: args.user_metadata ?? {} } as never, 400) }
    case 'redirect': {
      const url = String(args.url ?? '')
      const state = URL.canParse(url) ? new URL(url).searchParams.get('state') : null
      return { title: `The flow pauses: the user leaves for ${url}`, detail: `Auth0 waits for /continue with state=${state ?? '(none)'}` }
    }
    case 'prompt.render': return { title: 'The flow pauses: Auth0 shows the form', detail: `Auth0 waits for the form ${String(args.id ?? '')} to be submitted` }
    case 'mfa.challenge': case 'mfa.enroll': return { title: entry.call === 'mfa.challenge' ? 'The flow pauses: Auth0 challenges the user with MFA' : 'The flow pauses: Auth0 has the user enroll in MFA', detail: `Factors: ${compactJson(args.factors as never ?? [])}` }
    case 'flow.continue': return { title: 'The user is back at /continue', detail: `with ${compactJson(args.query as never ?? {}, 300)}` }
    case 'tokens.issued': return { title: 'Auth0 issues the tokens', detail: args.scope !== undefined ? `scope: ${String(args.scope)}` : undefined }
    case 'flow.end': return { title: `The flow ends: ${String(args.status ?? '')}${args.error ? ` (${String(args.error)})` : ''}` }
    default: return { title: entry.kind === 'engine' ? entry.call.replace(/[._]/g, ' ') : entry.call, detail: entry.args.length ? compactJson(entry.args as never, 300) : undefined }
  }
}

/** "line 7", or "lines 7–9". */
export function linesText([first, last]: [number, number]): string {
  return first === last ? `line ${first}` : `lines ${first}–${last}`
}

const plural = (range: [number, number]) => range[0] !== range[1]
const skipped = (range: [number, number]) => `${linesText(range)} ${plural(range) ? 'are' : 'is'} skipped`
const runs = (range: [number, number] | undefined) => (range ? `${linesText(range)} ${plural(range) ? 'run' : 'runs'}` : 'its block runs')

/** What an `if` did: which lines ran and which were skipped. */
export function branchText({ branches, taken }: BranchTaken): string {
  const { then, else: otherwise } = branches
  if (taken === 'then') return `The condition is true: ${runs(then)}${otherwise ? `; the else branch, ${skipped(otherwise)}` : ''}.`
  if (taken === 'else') return `The condition is false: the else branch (${otherwise ? linesText(otherwise) : ''}) runs${then ? `; ${skipped(then)}` : ''}.`
  return `The condition is false: ${then ? skipped(then) : 'nothing runs'}.`
}

/** A short note for a jump: a return or a throw. */
export function statementNote(item: Extract<WalkItem, { kind: 'line' }>): string | null {
  const { kind } = item.step
  if (kind === 'return') return 'return: this function ends here, the lines after it do not run.'
  if (kind === 'throw') return 'throw: an error leaves this function; uncaught, it fails the action.'
  return null
}

/**
 * At the first of an action's top-level statements in a call: what top-level code is. Auth0's coding guidelines
 * keep data for one login in transaction metadata and data across logins in the cache, never in module variables:
 * whether a loaded module is reused is not promised.
 */
export function topLevelNote(walk: WalkItem[], index: number): string | null {
  const item = walk[index]
  if (item?.kind !== 'line' || !item.step.topLevel) return null
  const previous = walk[index - 1]
  if (previous?.kind === 'line' && previous.step.topLevel && previous.step.actionId === item.step.actionId && previous.step.phase === item.step.phase) return null
  return item.step.phase === 'continue'
    ? 'Top-level code runs again: the playground loads the action\'s module afresh for the request at /continue, and Auth0 does not promise the same module either, so a module variable set before the redirect cannot be counted on. Carry what the continue handler needs in the redirect\'s token or in metadata.'
    : 'Top-level code: it runs when the action\'s module is loaded, before Auth0 calls the handler. Auth0 does not promise to keep a loaded module for later logins, so keep per-login data out of module variables.'
}

/** The notes a statement step gets: a jump's, and top-level code's. */
export function stepNotes(walk: WalkItem[], index: number): string[] {
  const item = walk[index]
  if (item?.kind !== 'line') return []
  return [statementNote(item), topLevelNote(walk, index)].filter((note) => note !== null)
}

/** How many times the statement has run in this call of its action, when more than once (a loop's iteration). */
export function passText(item: Extract<WalkItem, { kind: 'line' }>): string | null {
  return item.pass > 1 ? `${ordinal(item.pass)} time` : null
}

function ordinal(n: number): string {
  const tens = n % 100
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'
  return `${n}${suffix}`
}
