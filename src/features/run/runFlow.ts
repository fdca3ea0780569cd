/** Runs the flow being designed in the engine worker and records the result in the store. */
import { usePlayground } from '../../store/index.ts'
import { pageRunner } from './pageRunner.ts'

/** Why the flow cannot run now, or null when it can. */
export function runBlocker(state: ReturnType<typeof usePlayground.getState>): string | null {
  if (state.running) return 'A run is in progress.'
  if (state.eventError) return `Fix the event first: ${state.eventError}`
  return null
}

export async function runCurrentFlow() {
  const state = usePlayground.getState()
  if (runBlocker(state)) return
  state.runStarted()
  const result = await pageRunner.run(state.doc, {
    onProgress: (event) => {
      if (event.type === 'action') usePlayground.getState().runProgress(event.status === 'running' ? event.id : null)
    },
  })
  usePlayground.getState().runFinished(result)
}
