/**
 * How the engine runs each trigger of registry.ts, by id: the engine's half of a trigger, apart so that nothing the
 * page loads reaches it (the page's bundle would carry every trigger's api, outcome rules and token signing).
 */
import type { TriggerRules } from '../engine/trigger.ts'
import { credentialsExchangeRules } from './credentials-exchange/rules.ts'
import { postLoginRules } from './post-login/rules.ts'
import { preUserRegistrationRules } from './pre-user-registration/rules.ts'

export const RULES: Record<string, TriggerRules<any, any>> = {
  'post-login': postLoginRules,
  'pre-user-registration': preUserRegistrationRules,
  'credentials-exchange': credentialsExchangeRules,
}
