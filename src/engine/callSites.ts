/**
 * Cheap line numbers for the timeline. Every call with arguments is rewritten from `f(a, b)` to
 * `f(a, MARK(line, "f", (b)))`: just before the call runs, MARK tells the engine where it is. An api method,
 * console or HTTP call reads that mark instead of capturing a stack trace, which would cost more than the
 * call itself. Lines are unchanged; the columns that move are mapped back for error positions.
 */
import type { Node, Program } from 'acorn'

export const LINE_MARKER = '__playgroundCallSite'

interface Insertion {
  /** 0-based column in the original line. */
  column: number
  length: number
}

export interface MarkedSource {
  code: string
  /** Insertions per 1-based line, in column order. */
  insertions: Map<number, Insertion[]>
}

type AnyNode = Node & Record<string, any>

function calleeName(callee: AnyNode): string | null {
  if (callee.type === 'Identifier') return callee.name
  if (callee.type !== 'MemberExpression') return null
  if (!callee.computed && callee.property.type === 'Identifier') return callee.property.name
  return callee.computed && typeof callee.property.value === 'string' ? callee.property.value : null
}

function visit(node: AnyNode, onCall: (call: AnyNode) => void) {
  if (node.type === 'CallExpression') onCall(node)
  for (const key in node) {
    const child = node[key]
    if (Array.isArray(child)) {
      for (const item of child) if (item && typeof item.type === 'string') visit(item, onCall)
    } else if (child && typeof child === 'object' && typeof child.type === 'string' && key !== 'loc') {
      visit(child, onCall)
    }
  }
}

/** Text inserted into the action's code at `at`, whose original place is `line` and 0-based `column`. */
export interface Edit {
  at: number
  text: string
  line: number
  column: number
}

/** The call-site marks of a program parsed by acorn with `locations: true`. */
export function callSiteEdits(program: Program): Edit[] {
  const edits: Edit[] = []
  visit(program as AnyNode, (call) => {
    const name = calleeName(call.callee)
    // The last argument, so the mark is set after the other arguments ran their own calls.
    const last = call.arguments.at(-1) as AnyNode | undefined
    if (!name || !last) return
    const target = last.type === 'SpreadElement' ? last.argument : last
    const where = call.callee.type === 'MemberExpression' ? call.callee.property : call.callee
    edits.push({ at: target.start, text: `${LINE_MARKER}(${where.loc.start.line}, ${JSON.stringify(name)}, (`, line: target.loc.start.line, column: target.loc.start.column })
    edits.push({ at: target.end, text: '))', line: target.loc.end.line, column: target.loc.end.column })
  })
  return edits
}

/** The code with the edits made, and where they were inserted (edits at one place keep their order). */
export function applyEdits(code: string, edits: Edit[]): MarkedSource {
  edits.sort((a, b) => a.at - b.at)
  const insertions = new Map<number, Insertion[]>()
  let out = ''
  let last = 0
  for (const edit of edits) {
    out += code.slice(last, edit.at) + edit.text
    last = edit.at
    const line = insertions.get(edit.line) ?? []
    line.push({ column: edit.column, length: edit.text.length })
    insertions.set(edit.line, line)
  }
  return { code: out + code.slice(last), insertions }
}

/** Marks the call sites of a program parsed by acorn with `locations: true`. */
export function markCallSites(code: string, program: Program): MarkedSource {
  return applyEdits(code, callSiteEdits(program))
}

/** The original 1-based column of a 1-based column in the marked source. */
export function originalColumn(insertions: MarkedSource['insertions'], line: number, column: number): number {
  let shift = 0
  for (const insertion of insertions.get(line) ?? []) {
    const start = insertion.column + shift
    if (column - 1 < start) break
    if (column - 1 < start + insertion.length) return insertion.column + 1
    shift += insertion.length
  }
  return column - shift
}
