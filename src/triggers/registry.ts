/**
 * Every trigger the playground runs (src/triggers/README.md): what the page and documents need of each (event,
 * presets, views, state). How the engine runs each one is in rules.ts, which the page never loads.
 */
import type { TriggerDefinition } from '../engine/trigger.ts'
import { credentialsExchange } from './credentials-exchange/index.ts'
import { postLogin } from './post-login/index.ts'
import { preUserRegistration } from './pre-user-registration/index.ts'

export const TRIGGERS: readonly TriggerDefinition[] = [
  postLogin,
  preUserRegistration,
  credentialsExchange,
]
