/**
 * Every trigger the playground runs (src/triggers/README.md). `TRIGGERS` are what the page and documents need (event,
 * presets, views); `RULES` are how the engine runs each one, apart so the page's bundle leaves them out.
 */
import type { TriggerDefinition, TriggerRules } from '../engine/trigger.ts'
import { postLogin } from './post-login/index.ts'
import { postLoginRules } from './post-login/rules.ts'
import { preUserRegistration } from './pre-user-registration/index.ts'
import { preUserRegistrationRules } from './pre-user-registration/rules.ts'

export const TRIGGERS: readonly TriggerDefinition[] = [
  postLogin,
  preUserRegistration,
]

export const RULES: Record<string, TriggerRules<any, any>> = {
  [postLogin.id]: postLoginRules,
  [preUserRegistration.id]: preUserRegistrationRules,
}
