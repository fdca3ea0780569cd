/**
 * Statement marks, for stepping (`RunOptions.steps`): `STEP_MARKER(id);` before every statement of an action's code,
 * in every block, branch, loop body, switch case and function body, tells the engine the statement begins; `id`
 * indexes the table of the statements' places. Compiled only into a stepping run's actions, next to the call-site
 * marks (callSites.ts) and like them on the statement's own line, so lines are unchanged.
 */
import type { Node, Program } from 'acorn'
import type { Edit } from './callSites.ts'
import type { IfBranches, StatementKind } from './types.ts'

export const STEP_MARKER = '__playgroundStep'

/** A statement's place in the action's code (1-based line and column) and its kind; an `if`'s also its branches' lines. */
export interface Statement {
  line: number
  column: number
  endLine: number
  kind: StatementKind
  branches?: IfBranches
  /** The statement is the module's own, outside every function: it runs when the module is loaded. */
  topLevel?: true
}

type AnyNode = Node & Record<string, any>

/** Where statements are, by node type and key: in a list, or alone as a branch or a loop's body. */
const LISTS = new Set(['Program.body', 'BlockStatement.body', 'StaticBlock.body', 'SwitchCase.consequent'])
const ALONE = new Set([
  'IfStatement.consequent', 'IfStatement.alternate', 'ForStatement.body', 'ForInStatement.body', 'ForOfStatement.body',
  'WhileStatement.body', 'DoWhileStatement.body', 'WithStatement.body',
])

const KINDS: Record<string, StatementKind> = {
  ExpressionStatement: 'expression', VariableDeclaration: 'declaration', ClassDeclaration: 'declaration',
  IfStatement: 'if', SwitchStatement: 'switch', ReturnStatement: 'return', ThrowStatement: 'throw', TryStatement: 'try',
  ForStatement: 'loop', ForInStatement: 'loop', ForOfStatement: 'loop', WhileStatement: 'loop', DoWhileStatement: 'loop',
  BreakStatement: 'break', ContinueStatement: 'continue', WithStatement: 'other', DebuggerStatement: 'other',
}

/**
 * The kind of a statement that gets a mark. Blocks, empty statements and function declarations run nothing of their
 * own; a directive (`"use strict"`) stays unmarked, or it would no longer be one. A labeled statement is marked
 * before its label, which must stay right before its loop.
 */
function kindOf(node: AnyNode): StatementKind | undefined {
  if (node.type === 'LabeledStatement') return kindOf(node.body)
  if (node.type === 'ExpressionStatement' && node.directive !== undefined) return undefined
  return KINDS[node.type]
}

/** The lines a branch's statements take (a block's: from its first statement to its last), or null for an empty block. */
function linesOf(node: AnyNode): [number, number] | null {
  const body = node.type === 'BlockStatement' ? node.body : [node]
  return body.length ? [body[0].loc.start.line, body.at(-1).loc.end.line] : null
}

/** The lines of an `if`'s branches, so a walk through the run can show the one not taken (an `else if` is an alternate). */
function branchesOf(node: AnyNode): IfBranches {
  const target = node.type === 'LabeledStatement' ? node.body : node
  const then = linesOf(target.consequent)
  const otherwise = target.alternate ? linesOf(target.alternate) : null
  return { ...(then ? { then } : {}), ...(otherwise ? { else: otherwise } : {}) }
}

/** The statement marks of a program parsed by acorn with `locations: true`, and the table their ids index. */
export function statementEdits(program: Program): { edits: Edit[]; statements: Statement[] } {
  const edits: Edit[] = []
  const statements: Statement[] = []
  const statement = (node: AnyNode, alone: boolean, topLevel = false) => {
    const kind = kindOf(node)
    if (kind) {
      const { start, end } = node.loc!
      const mark = `${STEP_MARKER}(${statements.length}); `
      statements.push({ line: start.line, column: start.column + 1, endLine: end.line, kind, ...(kind === 'if' ? { branches: branchesOf(node) } : {}), ...(topLevel ? { topLevel } : {}) })
      // A branch or loop body of one statement is put in braces, which keep its mark in the branch.
      edits.push({ at: node.start, text: alone ? `{${mark}` : mark, line: start.line, column: start.column })
      if (alone) edits.push({ at: node.end, text: '}', line: end.line, column: end.column })
    }
    walk(node)
  }
  const walk = (node: AnyNode) => {
    for (const key in node) {
      if (key === 'loc') continue
      const child = node[key]
      const place = `${node.type}.${key}`
      if (Array.isArray(child)) {
        for (const item of child) {
          if (!item || typeof item.type !== 'string') continue
          if (LISTS.has(place)) statement(item, false, place === 'Program.body')
          else walk(item)
        }
      } else if (child && typeof child === 'object' && typeof child.type === 'string') {
        if (ALONE.has(place)) statement(child, true)
        else walk(child)
      }
    }
  }
  walk(program as AnyNode)
  return { edits, statements }
}
