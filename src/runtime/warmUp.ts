/**
 * A realm's first run is slow: the engine's code is still cold (interpreted, no type feedback). A new engine worker
 * runs this small flow of the playground's own while it waits as the spare for the next run, so the user's run finds
 * the engine compiled. Only this flow runs before the user's in the realm: nothing of another user run is there.
 */
import { actionFileName, compileAction, type Compiled } from '../engine/compile.ts'
import type { FlowDocument } from '../engine/flowDocument.ts'
import { runFlow } from '../engine/pipeline.ts'
import { createDefaultEvent } from '../triggers/post-login/defaultEvent.ts'

const CODE = `exports.onExecutePostLogin = async (event, api) => {
  const email = event.user.email;
  api.user.setAppMetadata("visits", event.stats.logins_count);
  api.user.setUserMetadata("seen", true);
  api.idToken.setCustomClaim("https://warm-up.example.com/email", email);
  for (let i = 0; i < 8; i++) api.accessToken.setCustomClaim("https://warm-up.example.com/c" + i, i);
  api.accessToken.addScope("read:warm-up");
  api.transaction.setMetadata("step", 1);
  console.log("signed in", email);
};`

const ROUNDS = 4

/** Runs the warm-up flow; throws if it did not complete, so a change that breaks it is noticed (warmUp.test.ts). */
export async function warmUp(): Promise<void> {
  const doc: FlowDocument = {
    version: 1, trigger: 'post-login', name: 'warm-up', event: createDefaultEvent(), mocks: { http: [] },
    actions: Array.from({ length: 4 }, (_, i) => ({ id: `warm-up-${i}`, name: `Warm-up ${i}`, code: CODE, enabled: true, secrets: {} })),
  }
  for (let round = 0; round < ROUNDS; round++) {
    const result = await runFlow(doc, { deferSigning: true, seed: round, now: 0 })
    if (result.status !== 'completed') throw new Error(`The warm-up run ended ${result.status}: ${result.error?.description ?? ''}`)
  }
}

/**
 * Compiles a flow's actions as its run will (the spare realm gets the last run's flow: a flow is mostly run again),
 * so the run finds them compiled. Compiling runs none of the action's code.
 */
export function prepareActions(actions: readonly Pick<FlowDocument['actions'][number], 'id' | 'code' | 'enabled'>[]): Compiled[] {
  return actions.flatMap((action, index) => (action.enabled ? [compileAction(action.code, actionFileName(index, action.id))] : []))
}
