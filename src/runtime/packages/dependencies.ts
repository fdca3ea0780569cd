/** The npm packages a flow's run needs: what its enabled actions declare, and the entries their code requires. */
import type { FlowDocument } from '../../engine/flowDocument.ts'
import { requiredSpecifiers, splitSpecifier, type RootDependency } from './collect.ts'

export interface FlowDependencies {
  roots: RootDependency[]
  /** Two actions declaring different versions of one package: the run has one tree, the first declared wins. */
  warnings: string[]
}

/** The flow's module mocks (`mocks.modules`) replace packages, which then need no files. */
function mockedModules(doc: FlowDocument): Set<string> {
  const modules = (doc.mocks as { modules?: unknown } | undefined)?.modules
  return new Set(typeof modules === 'object' && modules !== null ? Object.keys(modules) : [])
}

export function flowDependencies(doc: FlowDocument): FlowDependencies {
  const mocked = mockedModules(doc)
  const roots = new Map<string, RootDependency>()
  const warnings: string[] = []
  for (const action of doc.actions) {
    if (!action.enabled || !action.dependencies?.length) continue
    const subpaths = new Map<string, Set<string>>()
    for (const specifier of requiredSpecifiers(action.code)) {
      const split = splitSpecifier(specifier)
      if (split) subpaths.set(split.name, (subpaths.get(split.name) ?? new Set()).add(split.subpath))
    }
    for (const { name, version } of action.dependencies) {
      if (mocked.has(name)) continue
      const entries = [...(subpaths.get(name) ?? [''])]
      const known = roots.get(name)
      if (!known) { roots.set(name, { name, version, entries }); continue }
      if (known.version !== version) warnings.push(`"${action.name}" declares ${name}@${version}, another action ${name}@${known.version}: the run uses ${known.version}`)
      known.entries = [...new Set([...known.entries, ...entries])]
    }
  }
  return { roots: [...roots.values()], warnings }
}

/** A stable text of what a flow needs, to reuse packages already collected for it. */
export function dependenciesKey(roots: readonly RootDependency[]): string {
  return JSON.stringify(roots.map((root) => [root.name, root.version, [...root.entries].sort()]))
}
