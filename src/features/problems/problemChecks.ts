/**
 * The problem checks (src/engine/problems.ts, which parses with acorn) load on their own, after the canvas has
 * painted: the first JavaScript a visit loads stays small. Until they are here an action shows no problems;
 * the components that read them render again once they arrive.
 */
import type { Dependency, FlowAction } from '../../engine/flowDocument.ts'
import type { Problem } from '../../engine/problems.ts'
import { useAction, useTriggerId } from '../../store/hooks.ts'
import { lazyModule } from '../ui/lazyModule.ts'

// With the trigger registry: a trigger's actions define its handlers.
const checks = lazyModule(async () => {
  const [problems, triggers] = await Promise.all([import('../../engine/problems.ts'), import('../../engine/triggers.ts')])
  return { findProblems: problems.findProblems, triggerOf: triggers.triggerOf }
})
const NONE: Problem[] = []
const problemCache = new Map<string, Problem[]>()

/**
 * Problems of a piece of action code with the dependencies it declares, computed once per distinct source and
 * names; none while the checks are still loading (a component reads them after `useProblemChecks`, to render
 * again when they arrive).
 */
export function problemsOf(code: string, dependencies: readonly Dependency[] = [], trigger = 'post-login'): Problem[] {
  const loaded = checks.current()
  if (!loaded) {
    checks.load().catch(() => { /* no problems shown until a later try loads them */ })
    return NONE
  }
  const key = `${trigger}\u0001${dependencies.map((dependency) => dependency.name).join('\0')}\u0001${code}`
  let problems = problemCache.get(key)
  if (!problems) {
    problems = loaded.findProblems(code, dependencies, loaded.triggerOf(trigger).handlers)
    if (problemCache.size > 200) problemCache.clear()
    problemCache.set(key, problems)
  }
  return problems
}

/** Loads the checks; the component that calls it renders again when they arrive. */
export const useProblemChecks = (): void => { checks.use() }

/** The problems of an action, by id. */
export const useProblems = (id: string): Problem[] => {
  useProblemChecks()
  const action: FlowAction | undefined = useAction(id)
  const trigger = useTriggerId()
  return problemsOf(action?.code ?? '', action?.dependencies, trigger)
}
