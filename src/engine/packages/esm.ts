/**
 * ES modules as function bodies, for `require()` of an ES module (Node 22 loads ES modules synchronously through
 * `require`, and packages such as jose 6 and uuid 14 ship only ES modules). The module's `import` and `export`
 * declarations are taken out, line for line, and described instead: the loader (loader.ts) defines the imported
 * names as getters of an object the module body sees through `with`, so they stay live bindings (and inner
 * declarations shadow them as any scope does), and the module's exports as getters over its own variables.
 * The body itself runs in strict mode, as module code does. Top-level `await` is refused, as Node's `require` does.
 */
import { parse, type Node } from 'acorn'

type AnyNode = Node & Record<string, any>

/** `import x from` → `default`, `import { a as b }` → `a`, `import * as ns` → `*`. */
export interface ImportBinding { local: string; source: number; imported: string }
export interface Reexport { exported: string; source: number; imported: string }

export interface EsmModule {
  /** The module's code with its declarations taken out, on the same lines, to run as a function body. */
  body: string
  /** The modules it imports, in order of first appearance (the order they are evaluated in). */
  sources: string[]
  imports: ImportBinding[]
  /** Exported name → the local variable holding it. */
  locals: [exported: string, local: string][]
  reexports: Reexport[]
  /** `export * from`: the sources whose exports it passes on. */
  stars: number[]
  topLevelAwait: boolean
}

/** What the loader calls the object the body reaches its loader through; never a name real code uses. */
export const ESM_HOOK = '__playgroundEsm'
const DEFAULT_LOCAL = '__playgroundDefault'

function nameOf(node: AnyNode): string {
  return node.type === 'Literal' ? String(node.value) : node.name
}

/** The names a declaration pattern binds: `const { a, b: [c, ...d] } = …` → a, c, d. */
function boundNames(pattern: AnyNode, out: string[] = []): string[] {
  switch (pattern.type) {
    case 'Identifier': out.push(pattern.name); break
    case 'ObjectPattern': for (const property of pattern.properties) boundNames(property.type === 'RestElement' ? property.argument : property.value, out); break
    case 'ArrayPattern': for (const element of pattern.elements) if (element) boundNames(element, out); break
    case 'RestElement': boundNames(pattern.argument, out); break
    case 'AssignmentPattern': boundNames(pattern.left, out); break
  }
  return out
}

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression'])

/** Calls `visit` for every node, telling it whether the node is inside a function (where `await` is not top-level). */
function walk(node: AnyNode, visit: (node: AnyNode, inFunction: boolean) => void, inFunction = false) {
  visit(node, inFunction)
  const inner = inFunction || FUNCTIONS.has(node.type)
  for (const key in node) {
    if (key === 'loc') continue
    const child = node[key]
    if (Array.isArray(child)) { for (const item of child) if (item && typeof item.type === 'string') walk(item, visit, inner) }
    else if (child && typeof child === 'object' && typeof child.type === 'string') walk(child, visit, inner)
  }
}

/** Whether source text is likely an ES module, before trying it as CommonJS fails (Node's syntax detection). */
export function looksLikeEsm(code: string): boolean {
  return /(^|[\n;])\s*(import\s*[\w{*'"]|export\s+[\w{*])/.test(code)
}

/** Parses an ES module and takes it apart; throws acorn's SyntaxError for code that is not one. */
export function transformEsm(code: string): EsmModule {
  const program = parse(code, { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true }) as AnyNode
  const edits: { start: number; end: number; text: string }[] = []
  const blank = (node: AnyNode) => edits.push({ start: node.start, end: node.end, text: code.slice(node.start, node.end).replace(/[^\n]/g, '') })
  const sources: string[] = []
  const sourceIndex = (node: AnyNode) => {
    const source = String(node.source.value)
    let index = sources.indexOf(source)
    if (index < 0) index = sources.push(source) - 1
    return index
  }
  const result: Omit<EsmModule, 'body' | 'sources'> = { imports: [], locals: [], reexports: [], stars: [], topLevelAwait: false }

  for (const statement of program.body as AnyNode[]) {
    switch (statement.type) {
      case 'ImportDeclaration': {
        const source = sourceIndex(statement)
        for (const specifier of statement.specifiers) {
          const imported = specifier.type === 'ImportDefaultSpecifier' ? 'default' : specifier.type === 'ImportNamespaceSpecifier' ? '*' : nameOf(specifier.imported)
          result.imports.push({ local: specifier.local.name, source, imported })
        }
        blank(statement)
        break
      }
      case 'ExportNamedDeclaration': {
        if (statement.declaration) {
          const declaration = statement.declaration
          const names = declaration.type === 'VariableDeclaration'
            ? declaration.declarations.flatMap((declarator: AnyNode) => boundNames(declarator.id))
            : [declaration.id.name]
          for (const name of names) result.locals.push([name, name])
          edits.push({ start: statement.start, end: declaration.start, text: '' })
        } else if (statement.source) {
          const source = sourceIndex(statement)
          for (const specifier of statement.specifiers) result.reexports.push({ exported: nameOf(specifier.exported), source, imported: nameOf(specifier.local) })
          blank(statement)
        } else {
          for (const specifier of statement.specifiers) result.locals.push([nameOf(specifier.exported), nameOf(specifier.local)])
          blank(statement)
        }
        break
      }
      case 'ExportDefaultDeclaration': {
        const declaration = statement.declaration
        if ((declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration') && declaration.id) {
          result.locals.push(['default', declaration.id.name])
          edits.push({ start: statement.start, end: declaration.start, text: '' })
        } else {
          result.locals.push(['default', DEFAULT_LOCAL])
          edits.push({ start: statement.start, end: declaration.start, text: `const ${DEFAULT_LOCAL} = ` })
          edits.push({ start: statement.end, end: statement.end, text: ';' })
        }
        break
      }
      case 'ExportAllDeclaration': {
        const source = sourceIndex(statement)
        if (statement.exported) result.reexports.push({ exported: nameOf(statement.exported), source, imported: '*' })
        else result.stars.push(source)
        blank(statement)
        break
      }
    }
  }
  walk(program, (node, inFunction) => {
    if (node.type === 'MetaProperty' && node.meta.name === 'import') edits.push({ start: node.start, end: node.end, text: `${ESM_HOOK}.meta` })
    else if (node.type === 'ImportExpression') edits.push({ start: node.start, end: node.start + 'import'.length, text: `${ESM_HOOK}.import` })
    else if (!inFunction && (node.type === 'AwaitExpression' || (node.type === 'ForOfStatement' && node.await))) result.topLevelAwait = true
  })
  edits.sort((a, b) => b.start - a.start)
  let body = code.startsWith('#!') ? `//${code.slice(2)}` : code
  for (const edit of edits) body = body.slice(0, edit.start) + edit.text + body.slice(edit.end)
  return { body, sources, ...result }
}

/**
 * The first line of the function body: hands the loader the module's exports as getters over its own variables
 * (before anything runs, so a module in an import cycle sees them, in their temporal dead zone until declared),
 * and has it load the imported modules.
 */
export function esmPrologue(module: EsmModule): string {
  const getters = module.locals.map(([exported, local]) => `${JSON.stringify(exported)}: () => ${local}`)
  return `${ESM_HOOK}.link({ ${getters.join(', ')} });`
}
