/**
 * Problems an action has before it runs: a syntax error, no `onExecutePostLogin` (or its trigger's handler), a handler that is not
 * an `async function` (Auth0's loader refuses it), a `require` of a package the action does not declare as a
 * dependency (Auth0 installs only those; Node's built-ins and axios need none).
 * The designer shows them as editor markers and as a badge on the action's node.
 */
import type { TriggerDefinition } from './trigger.ts'
import { parse, type Node } from 'acorn'
import { builtinName, isPlaygroundModule } from './modules/registry.ts'
import type { Dependency } from './flowDocument.ts'
import { packageName } from './packages/resolve.ts'
import { utf8Length } from './serialize.ts'

export interface Problem {
  severity: 'error' | 'warning'
  message: string
  /** 1-based. */
  line: number
  column: number
  endLine: number
  endColumn: number
  /** What a quick fix would do: declare the package the code requires. */
  fix?: { addDependency: { name: string } }
}

type AnyNode = Node & Record<string, any>

/** The Login flow's handlers: what an action of a document without another trigger defines. */
const LOGIN_HANDLERS: TriggerDefinition['handlers'] = { execute: 'onExecutePostLogin', continue: 'onContinuePostLogin' }

function at(node: AnyNode, severity: Problem['severity'], message: string): Problem {
  const { start, end } = node.loc!
  return { severity, message, line: start.line, column: start.column + 1, endLine: end.line, endColumn: end.column + 1 }
}

function walk(node: AnyNode, visit: (node: AnyNode) => void) {
  visit(node)
  for (const key in node) {
    if (key === 'loc') continue
    const child = node[key]
    if (Array.isArray(child)) for (const item of child) { if (item && typeof item.type === 'string') walk(item, visit) }
    else if (child && typeof child === 'object' && typeof child.type === 'string') walk(child, visit)
  }
}

/** `exports.NAME`, `module.exports.NAME`: the exported name an assignment target stands for. */
function exportedName(target: AnyNode): string | null {
  if (target.type !== 'MemberExpression' || target.computed || target.property.type !== 'Identifier') return null
  const object = target.object
  const isExports = (object.type === 'Identifier' && object.name === 'exports') ||
    (object.type === 'MemberExpression' && !object.computed && object.object.type === 'Identifier' && object.object.name === 'module' && object.property.name === 'exports')
  return isExports ? target.property.name : null
}

function isFunction(node: AnyNode): boolean {
  return node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression'
}

/** Actions limitations: an action's code may be at most 100 kB (npm dependencies excluded). */
const MAX_SOURCE_BYTES = 100 * 1024

/** What is wrong with a required name before any file is looked at: an unknown `node:` built-in, or a package not declared. */
function requireProblem(request: string, declared: ReadonlySet<string>): { message: string; name?: string } | null {
  if (isPlaygroundModule(request)) return null
  if (request.startsWith('node:') && builtinName(request) === null) return { message: `No such built-in module: ${request}` }
  const name = packageName(request)
  if (name === null || declared.has(name)) return null
  return { message: `'${name}' is not a dependency of this action: add it (Dependencies tab).`, name }
}

/**
 * The problems of an action's code; `dependencies` are the packages it declares (`actions[].dependencies`), `handlers`
 * the ones its trigger calls.
 */
export function findProblems(code: string, dependencies: readonly Dependency[] = [], handlers: TriggerDefinition['handlers'] = LOGIN_HANDLERS): Problem[] {
  const declared = new Set(dependencies.map((dependency) => dependency.name))
  const bytes = code.length > MAX_SOURCE_BYTES / 3 ? utf8Length(code) : code.length
  if (bytes > MAX_SOURCE_BYTES) {
    return [{ severity: 'error', message: `The code is ${Math.round(bytes / 1024)} kB; Auth0 accepts at most 100 kB per action.`, line: 1, column: 1, endLine: 1, endColumn: 1 }]
  }
  let program: AnyNode
  try {
    program = parse(code, { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true, allowHashBang: true, locations: true }) as AnyNode
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc ?? { line: 1, column: 0 }
    const message = `SyntaxError: ${(error as Error).message.replace(/\s*\(\d+:\d+\)$/, '')}`
    return [{ severity: 'error', message, line: loc.line, column: loc.column + 1, endLine: loc.line, endColumn: loc.column + 2 }]
  }
  const problems: Problem[] = []
  const exported = new Map<string, AnyNode>()
  walk(program, (node) => {
    if (node.type === 'AssignmentExpression') {
      const name = exportedName(node.left)
      if (name) exported.set(name, node)
    }
    if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'require') {
      const [argument] = node.arguments
      if (argument?.type === 'Literal' && typeof argument.value === 'string') {
        const problem = requireProblem(argument.value, declared)
        if (problem) {
          const found = at(node, 'error', problem.message)
          problems.push(problem.name ? { ...found, fix: { addDependency: { name: problem.name } } } : found)
        }
      }
    }
  })
  for (const name of [handlers.execute, handlers.continue].filter((handler) => handler !== undefined)) {
    const assignment = exported.get(name)
    if (!assignment) continue
    if (isFunction(assignment.right) && !assignment.right.async) {
      problems.push(at(assignment, 'error', `Invalid function signature for the "${name}" handler. Use "exports.${name} = async function(event, api) { }" as the signature.`))
    }
  }
  if (!exported.has(handlers.execute)) {
    problems.push({ severity: 'error', message: `No exports.${handlers.execute}: Auth0 calls this handler when the action runs.`, line: 1, column: 1, endLine: 1, endColumn: 1 })
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column)
}
