/**
 * One CommonJS loader for both sandboxes: `require` for action code and for the files of the npm packages a run
 * carries (`ModuleFiles`), as Node 22 does it. Node's built-ins and axios come from the engine (`builtin`); a bare
 * name, a relative or an absolute path resolves in the run's files (resolve.ts); a file is evaluated once per
 * loader, in the wrapper and with the globals action code gets (compile.ts), JSON files are parsed, ES modules
 * are loaded synchronously as `require(esm)` does (esm.ts), and a module in a cycle sees the other's exports as
 * they are so far. `mocks.modules` of the flow replace a package by the user's own CommonJS source, like
 * `jest.mock`. An action may require only the packages it declares as dependencies, as in Auth0.
 */
import { compileModule, evaluateEsm, instantiate, type CompiledModule, type ModuleScope } from '../compile.ts'
import { builtinName, isPlaygroundModule, moduleError } from '../modules/registry.ts'
import type { EsmModule } from './esm.ts'
import type { Dependency } from '../flowDocument.ts'
import type { ModuleFiles } from './moduleFiles.ts'
import { FileSystem, IMPORT_CONDITIONS, REQUIRE_CONDITIONS, Resolver, codedError, dirname, nodeModulesPaths, packageName } from './resolve.ts'

export type RequireFunction = ((request: string) => unknown) & {
  resolve: ((request: string) => string) & { paths: (request: string) => string[] | null }
  cache: Record<string, Module>
  main: Module | undefined
  extensions: Record<string, unknown>
}

/** What Node gives a module as `module`. */
export class Module {
  exports: any = {}
  loaded = false
  readonly children: Module[] = []
  readonly paths: string[]
  readonly path: string
  require!: RequireFunction
  /** Set for an ES module: its namespace, filled as it links. */
  namespace?: Record<string, unknown>
  esm?: EsmModule

  constructor(readonly id: string, readonly filename: string, readonly parent: Module | null) {
    this.path = dirname(filename)
    this.paths = nodeModulesPaths(this.path)
    if (parent && !parent.children.includes(this)) parent.children.push(this)
  }

  /** An ES module's value for `require`: its namespace, or what it exports as `"module.exports"` (Node 22.12). */
  get required(): unknown {
    const namespace = this.namespace
    if (!namespace) return this.exports
    return Object.hasOwn(namespace, 'module.exports') ? namespace['module.exports'] : namespace
  }
}

export interface LoaderOptions {
  /** The run's package files, shared by its loaders (one per running action). */
  fs: FileSystem
  /** `mocks.modules`: a package name (or any request) → the CommonJS source that replaces it. */
  mocks?: Record<string, string>
  /** A Node built-in (`fs`, `path/posix`; no `node:`) or `axios`: what the engine provides, which may throw to refuse it. */
  builtin: (name: string) => unknown
  /** The globals every module sees (its `require` is its own). */
  scope: Omit<ModuleScope, 'require'>
}

const filesCache = new WeakMap<ModuleFiles, FileSystem>()
/** The file system view of a run's files, made once per files object. */
export function fileSystemOf(files: ModuleFiles): FileSystem {
  let fs = filesCache.get(files)
  if (!fs) filesCache.set(files, fs = new FileSystem(files))
  return fs
}

function notFound(request: string, parent: Module, hint?: string): Error {
  const stack: string[] = []
  for (let module: Module | null = parent; module; module = module.parent) stack.push(module.filename)
  return moduleError(`Cannot find module '${request}'${hint ? `\n${hint}` : ''}\nRequire stack:\n${stack.map((file) => `- ${file}`).join('\n')}`, stack)
}

function checkRequest(request: unknown): asserts request is string {
  if (typeof request !== 'string') {
    const received = request === null ? 'null' : typeof request === 'object' ? 'an instance of Object' : `type ${typeof request} (${String(request)})`
    throw codedError(`The "id" argument must be of type string. Received ${received}`, 'ERR_INVALID_ARG_TYPE')
  }
  if (request === '') throw codedError("The argument 'id' must be a non-empty string. Received ''", 'ERR_INVALID_ARG_VALUE')
}

/** A built-in's namespace, as an ES module imports it: its properties, and the module itself as `default`. */
function builtinNamespace(value: unknown): Record<string, unknown> {
  const namespace: Record<string, unknown> = Object.create(null)
  if (value && (typeof value === 'object' || typeof value === 'function')) {
    for (const key of Object.keys(value)) namespace[key] = (value as Record<string, unknown>)[key]
  }
  namespace.default = value
  return namespace
}

/** A CommonJS module's namespace for an ES module's `import * as`: its exports' own keys, and `default`. */
function commonJsNamespace(exports: unknown): Record<string, unknown> {
  const namespace: Record<string, unknown> = Object.create(null)
  if (exports && (typeof exports === 'object' || typeof exports === 'function')) {
    for (const key of Object.keys(exports)) {
      if (key !== 'default') Object.defineProperty(namespace, key, { get: () => (exports as Record<string, unknown>)[key], enumerable: true })
    }
  }
  namespace.default = exports
  return namespace
}

type Loaded = { module: Module } | { builtin: unknown }

/** Node drops a byte order mark at the start of a module's or a JSON file's text. */
const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)

/** The modules of one running action: its packages' files evaluated once each, on first require. */
export class ModuleLoader {
  private readonly cache: Record<string, Module> = Object.create(null)
  private readonly resolver: Resolver
  private readonly mocks: Record<string, string>
  private main: Module | undefined

  constructor(private readonly options: LoaderOptions) {
    this.resolver = new Resolver(options.fs)
    this.mocks = options.mocks ?? {}
  }

  /**
   * The action's own module and its `require`, which also refuses a package the action does not declare
   * (the engine checks this, as Auth0 installs only the declared dependencies).
   */
  actionModule(filename: string, dependencies: readonly Dependency[] | undefined): Module {
    const module = new Module('.', filename, null)
    const declared = new Set((dependencies ?? []).map((dependency) => dependency.name))
    this.main = module
    module.require = this.makeRequire(module, (request) => {
      const name = packageName(request)
      if (name === null || isPlaygroundModule(request) || declared.has(name)) return
      throw notFound(request, module, `'${name}' is not a dependency of this action: add it (Dependencies tab), as Auth0 installs only an action's declared dependencies.`)
    })
    return module
  }

  /** `module.createRequire(filename)`: a `require` that resolves from that file (a path or a `file:` URL). */
  requireAt(from: string | URL): RequireFunction {
    const path = String(from).replace(/^file:\/\//, '')
    if (!path.startsWith('/')) throw codedError(`The argument 'filename' must be a file URL object, file URL string, or absolute path string. Received ${JSON.stringify(String(from))}`, 'ERR_INVALID_ARG_VALUE')
    return this.makeRequire(new Module(path, path, null))
  }

  private makeRequire(module: Module, check?: (request: string) => void): RequireFunction {
    const require = ((request: string) => {
      checkRequest(request)
      check?.(request)
      return this.load(request, module, REQUIRE_CONDITIONS)
    }) as RequireFunction
    const resolve = ((request: string) => {
      checkRequest(request)
      check?.(request)
      const builtin = builtinName(request)
      if (builtin !== null) return request
      if (isPlaygroundModule(request) || Object.hasOwn(this.mocks, request)) return request
      const path = this.resolve(request, module, REQUIRE_CONDITIONS)
      if (path === null) throw notFound(request, module, this.hint(request, module))
      return path
    }) as RequireFunction['resolve']
    resolve.paths = (request: string) => (builtinName(request) !== null ? null : request.startsWith('.') ? [module.path] : module.paths)
    require.resolve = resolve
    require.cache = this.cache
    require.main = this.main
    require.extensions = Object.create(null, { '.js': { value: () => {}, enumerable: true }, '.json': { value: () => {}, enumerable: true } })
    return require
  }

  private resolve(request: string, parent: Module, conditions: readonly string[]): string | null {
    return this.resolver.resolve(request, parent.path, conditions)
  }

  /** What to tell beyond Node's message when a package is missing. */
  private hint(request: string, parent: Module): string | undefined {
    const name = packageName(request)
    if (name === null) return undefined
    if (parent.id === '.') return `The run has no files for '${name}': the playground did not load the package.`
    return `'${name}' is a dependency of a package the action requires, and the run has no files for it.`
  }

  /** `require(request)` from `parent`: a built-in, a mock, or a file of the run (module.exports, or an ES module's namespace). */
  private load(request: string, parent: Module, conditions: readonly string[]): unknown {
    const loaded = this.locate(request, parent, conditions)
    return 'builtin' in loaded ? loaded.builtin : loaded.module.required
  }

  private locate(request: string, parent: Module, conditions: readonly string[]): Loaded {
    const builtin = builtinName(request)
    if (builtin !== null || isPlaygroundModule(request)) {
      const mock = this.mockSource(request)
      if (mock !== undefined) return { module: this.loadMock(request, mock, parent) }
      try {
        return { builtin: this.options.builtin(builtin ?? request) }
      } catch (error) {
        // A package's own axios, when the run has not the playground's: its files, as Node would load them.
        const path = builtin === null && parent.id !== '.' && (error as { code?: string }).code === 'MODULE_NOT_FOUND' ? this.resolve(request, parent, conditions) : null
        if (path === null) throw error
        return { module: this.loadFile(path, parent) }
      }
    }
    if (request.startsWith('node:')) throw codedError(`No such built-in module: ${request}`, 'ERR_UNKNOWN_BUILTIN_MODULE')
    const mock = this.mockSource(request)
    if (mock !== undefined) return { module: this.loadMock(request, mock, parent) }
    const path = this.resolve(request, parent, conditions)
    if (path === null) throw notFound(request, parent, this.hint(request, parent))
    return { module: this.loadFile(path, parent) }
  }

  private mockSource(request: string): string | undefined {
    const bare = request.startsWith('node:') ? request.slice(5) : request
    for (const key of [request, bare, `node:${bare}`]) if (Object.hasOwn(this.mocks, key)) return this.mocks[key]
    return undefined
  }

  /** A module mock is evaluated as the package's main module would be, once per loader. */
  private loadMock(request: string, source: string, parent: Module): Module {
    const filename = `/__mocks__/${request.replace(/^node:/, '').replace(/[^\w@./-]/g, '_')}.js`
    return this.cache[filename] ?? this.evaluate(filename, parent, () => this.compiled(source, filename, 'commonjs'), 'commonjs')
  }

  private loadFile(path: string, parent: Module): Module {
    const cached = this.cache[path]
    if (cached) {
      if (!parent.children.includes(cached)) parent.children.push(cached)
      return cached
    }
    const fs = this.options.fs
    if (path.endsWith('.json')) {
      const module = new Module(path, path, parent)
      try {
        module.exports = JSON.parse(stripBom(fs.read(path)))
      } catch (error) {
        throw Object.assign(new SyntaxError(`${path}: ${(error as Error).message}`), { code: 'ERR_INVALID_JSON' })
      }
      module.loaded = true
      this.cache[path] = module
      return module
    }
    if (path.endsWith('.node')) throw codedError(`${path}: native addons cannot load in the Actions Playground.`, 'ERR_DLOPEN_DISABLED')
    const source = stripBom(fs.read(path))
    if (fs.isEsm(path)) return this.evaluate(path, parent, () => this.compiled(source, path, 'esm'), 'esm')
    return this.evaluate(path, parent, () => {
      const compiled = compileModule(source, path, 'commonjs')
      // Node 22 runs a .js file outside "type": "module" that only parses as an ES module as one (syntax detection).
      if (!compiled.ok && compiled.error.name === 'SyntaxError' && !path.endsWith('.cjs') && fs.packageScope(dirname(path))?.manifest.type === undefined) {
        const esm = compileModule(source, path, 'esm')
        if (esm.ok) return esm
      }
      return this.unwrap(compiled)
    }, 'commonjs')
  }

  private compiled(source: string, filename: string, kind: 'commonjs' | 'esm'): CompiledModule {
    return this.unwrap(compileModule(source, filename, kind))
  }

  private unwrap(compiled: ReturnType<typeof compileModule>): CompiledModule {
    if (compiled.ok) return compiled
    throw Object.assign(compiled.error.name === 'SyntaxError' ? new SyntaxError(compiled.error.message) : new Error(compiled.error.message), {})
  }

  /** Evaluates a module into the cache; a module that throws leaves the cache, so a later require tries again (Node). */
  private evaluate(filename: string, parent: Module, compile: () => CompiledModule, kind: 'commonjs' | 'esm'): Module {
    const compiled = compile()
    const module = new Module(filename, filename, parent)
    module.require = this.makeRequire(module)
    this.cache[filename] = module
    try {
      if (compiled.esm) this.evaluateEsm(module, compiled)
      else if (kind === 'commonjs') instantiate(compiled, { ...this.options.scope, require: module.require }, module, (specifier) => this.dynamicImport(specifier, module))
    } catch (error) {
      delete this.cache[filename]
      throw error
    }
    module.loaded = true
    return module
  }

  /** `import(specifier)` from a package's module: the module's namespace, loaded as an `import` statement would. */
  private dynamicImport(request: unknown, module: Module): Promise<unknown> {
    return new Promise((resolve) => {
      const target = this.locate(String(request), module, IMPORT_CONDITIONS)
      resolve('builtin' in target ? builtinNamespace(target.builtin) : target.module.namespace ?? commonJsNamespace(target.module.exports))
    })
  }

  /**
   * Links and runs an ES module: its imports are getters of the scope its body sees (live bindings), its exports
   * getters of its namespace; the modules it imports are loaded, in order, after its own exports are defined.
   */
  private evaluateEsm(module: Module, compiled: CompiledModule) {
    const esm = compiled.esm!
    const namespace: Record<string, unknown> = Object.create(null)
    Object.defineProperty(namespace, Symbol.toStringTag, { value: 'Module' })
    module.namespace = namespace
    module.esm = esm
    module.exports = namespace
    const targets: Loaded[] = []
    const namespaceOf = (index: number): Record<string, unknown> => {
      const target = targets[index]
      if (!target) throw new ReferenceError(`Cannot access '${esm.sources[index]}' before it is loaded`)
      if ('builtin' in target) return builtinNamespace(target.builtin)
      return target.module.namespace ?? commonJsNamespace(target.module.exports)
    }
    const binding = (index: number, imported: string): unknown => {
      const target = targets[index]
      if (target && 'module' in target && !target.module.namespace && imported !== '*') {
        return imported === 'default' ? target.module.exports : target.module.exports?.[imported]
      }
      const namespace = namespaceOf(index)
      return imported === '*' ? namespace : namespace[imported]
    }
    const scope: Record<string, unknown> = Object.create(null)
    for (const { local, source, imported } of esm.imports) {
      Object.defineProperty(scope, local, { get: () => binding(source, imported), set: () => { throw new TypeError('Assignment to constant variable.') } })
    }
    const url = `file://${module.filename}`
    const hook = {
      scope,
      meta: { url, filename: module.filename, dirname: module.path, resolve: (request: string) => `file://${module.require.resolve(request)}` },
      import: (request: unknown) => this.dynamicImport(request, module),
      link: (locals: Record<string, () => unknown>) => {
        for (const [name, get] of Object.entries(locals)) Object.defineProperty(namespace, name, { get, enumerable: true })
        esm.sources.forEach((source, index) => { targets[index] = this.locate(source, module, IMPORT_CONDITIONS) })
        for (const { exported, source, imported } of esm.reexports) {
          Object.defineProperty(namespace, exported, { get: () => binding(source, imported), enumerable: true })
        }
        for (const source of esm.stars) {
          for (const name of Object.keys(namespaceOf(source))) {
            if (name !== 'default' && !Object.hasOwn(namespace, name)) Object.defineProperty(namespace, name, { get: () => binding(source, name), enumerable: true })
          }
        }
        for (const { source, imported } of esm.imports) {
          const target = targets[source]
          if (imported !== '*' && imported !== 'default' && 'module' in target && target.module.esm && target.module.loaded && !(imported in target.module.namespace!)) {
            throw new SyntaxError(`The requested module '${esm.sources[source]}' does not provide an export named '${imported}'`)
          }
        }
        // Tools that turned ES modules into CommonJS read `__esModule` to find the default export (Node 22.12).
        if (Object.hasOwn(namespace, 'default') && !Object.hasOwn(namespace, '__esModule')) Object.defineProperty(namespace, '__esModule', { value: true, enumerable: false })
        Object.preventExtensions(namespace)
      },
    }
    evaluateEsm(compiled, { ...this.options.scope, require: module.require }, hook)
  }
}
