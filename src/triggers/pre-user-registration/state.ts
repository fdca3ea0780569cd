/** What a pre-user-registration run keeps and its result: light, for the page as well as the engine. */
import { createRunState, plainResult } from '../../engine/runState.ts'
import type { RunRecord } from '../../engine/trigger.ts'
import type { RunResult, RunStatus } from '../../engine/types.ts'
import type { Registration } from './api.ts'
import { preUserRegistrationWarning } from './warnings.ts'

export const PASSWORDLESS_STRATEGIES = ['email', 'sms']

export function createState(event: Record<string, any>): Registration {
  const strategy = typeof event.connection?.strategy === 'string' ? event.connection.strategy : ''
  const state: Registration = { ...createRunState(event), strategy, rejection: null }
  // "The pre-user-registration trigger runs when a user attempts to register through a Database or Passwordless
  // connection" (the trigger's page): a social or enterprise signup never runs these actions.
  if (strategy && strategy !== 'auth0' && !PASSWORDLESS_STRATEGIES.includes(strategy)) {
    state.warnings.push(preUserRegistrationWarning('connection-not-run', { strategy }))
  }
  return state
}

export function result(_event: Record<string, any>, state: Registration, status: RunStatus, record: RunRecord): RunResult {
  return plainResult(state, status, record)
}
