/**
 * `run --steps`: the walk through a stepping run (engine/walk.ts) as text for a terminal or a CI log, in the words
 * the app's "Step through" tab uses. What Auth0 does with a call or an engine step is explained the first time it
 * appears, with its documentation page, so a long loop does not repeat the same paragraph.
 */
import { compactArgs, compactJson, compactText } from '../engine/compact.ts'
import type { FlowDocument } from '../engine/flowDocument.ts'
import { triggerOf } from '../engine/triggers.ts'
import type { RunResult, TimelineEntry } from '../engine/types.ts'
import { branchTaken, walkOf } from '../engine/walk.ts'
import { branchText, eventHeadline, sourceLine, stepNotes, stepPlace } from '../engine/walkNarration.ts'
import { explain } from '../triggers/explanations.ts'

function entryText(entry: TimelineEntry): string {
  if (entry.kind === 'console') return `console: ${compactText(String(entry.args[0] ?? ''), 200)}`
  const returned = entry.returned !== undefined ? ` -> ${compactJson(entry.returned)}` : ''
  const threw = entry.error !== undefined ? ` threw ${entry.error}` : ''
  return `${entry.call}(${compactArgs(entry.args, 200)})${returned}${threw}`
}

/** The steps of `result`, numbered; a note when the run did not record them. */
export function walkText(result: RunResult, doc: FlowDocument): string {
  const walk = walkOf(result)
  if (!walk) return 'Steps: this run did not record its statements.'
  const { handlers } = triggerOf(doc.trigger)
  const width = String(walk.length).length
  const indent = ' '.repeat(width + 4)
  const explained = new Set<string>()
  const explanation = (call: string): string[] => {
    const found = explain(doc.trigger, call)
    if (!found || explained.has(call)) return []
    explained.add(call)
    return [`${indent}${found.text.replaceAll('`', '')} (${found.docs})`]
  }
  const lines = [`Steps (${walk.length}):`]
  walk.forEach((item, index) => {
    const number = `${String(index + 1).padStart(width + 2)}. `
    if (item.kind === 'event') {
      const { title, detail } = eventHeadline(item.entry, doc, handlers)
      lines.push(`${number}${title}`)
      if (detail) lines.push(`${indent}${detail}`)
      lines.push(...explanation(item.entry.call))
      return
    }
    lines.push(`${number}${stepPlace(doc, item)}: ${compactText(sourceLine(doc, item.step.actionId, item.step.line), 120)}`)
    const taken = branchTaken(walk, index)
    if (taken) lines.push(`${indent}${branchText(taken)}`)
    for (const note of stepNotes(walk, index)) lines.push(`${indent}${note}`)
    for (const entry of item.entries) {
      lines.push(`${indent}${entryText(entry)}`)
      if (entry.kind === 'api') lines.push(...explanation(entry.call))
    }
  })
  return lines.join('\n')
}
