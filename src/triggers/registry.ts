/** Every trigger the playground runs: one line each (src/triggers/README.md). */
import type { TriggerDefinition } from '../engine/trigger.ts'
import { credentialsExchange } from './credentials-exchange/index.ts'
import { postLogin } from './post-login/index.ts'

export const TRIGGERS: readonly TriggerDefinition[] = [
  postLogin,
  credentialsExchange,
]
