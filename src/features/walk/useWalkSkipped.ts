import { useStore } from '../../store/hooks.ts'
import { currentRun } from '../../store/runSelectors.ts'
import { branchTaken, skippedLines, walkOf } from '../../engine/walk.ts'

/** The lines of the branch the `if` shown in the walk now did not take, when they are in this action's code. */
export function useWalkSkipped(actionId: string | null): [number, number] | null {
  // A string, so the component re-renders only when the lines change.
  const key = useStore((state) => {
    const run = currentRun(state)
    const index = state.walk?.index ?? -1
    const walk = run && index >= 0 ? walkOf(run.result) : null
    const item = walk?.[index]
    if (!walk || item?.kind !== 'line' || item.step.actionId !== actionId) return null
    const taken = branchTaken(walk, index)
    const lines = taken && skippedLines(taken)
    return lines ? lines.join(':') : null
  })
  return key === null ? null : key.split(':').map(Number) as [number, number]
}
