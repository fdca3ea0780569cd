/** Every trigger the playground runs: one line each (src/triggers/README.md). */
import type { TriggerDefinition } from '../engine/trigger.ts'
import { postLogin } from './post-login/index.ts'
import { preUserRegistration } from './pre-user-registration/index.ts'

export const TRIGGERS: readonly TriggerDefinition[] = [
  postLogin,
  preUserRegistration,
]
