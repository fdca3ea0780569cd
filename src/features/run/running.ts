/**
 * Run and Stop as the page's first JavaScript knows them: the code that runs a flow (runFlow.ts) loads after the
 * first paint, when the page is idle (main.tsx), or at the first Run.
 */
import type { PlaygroundStore } from '../../store/index.ts'
import { lazyModule } from '../ui/lazyModule.ts'

export const runFlowModule = lazyModule(() => import('./runFlow.ts'))

export async function runCurrentFlow(store: PlaygroundStore, onlyActionId?: string) {
  return (runFlowModule.current() ?? await runFlowModule.load()).runCurrentFlow(store, onlyActionId)
}

/** A run can only have started through runFlow.ts: before it is loaded, nothing runs. */
export function stopRun(store: PlaygroundStore) {
  runFlowModule.current()?.stopRun(store)
}
