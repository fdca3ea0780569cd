/** The Login flow's post-login trigger. */
import type { TriggerDefinition } from '../../engine/trigger.ts'
import { createDefaultEvent } from './defaultEvent.ts'
import { EVENT_PRESETS } from './eventPresets.ts'
import { POST_LOGIN_EVENT } from './eventSchema.ts'
import { transactionResult } from './result.ts'
import { createTransaction } from './transaction.ts'

export const postLogin: TriggerDefinition = {
  id: 'post-login',
  title: 'Login',
  summary: 'Runs after a user authenticates and before tokens are issued: deny, redirect, MFA, forms, claims, metadata.',
  docs: 'https://auth0.com/docs/customize/actions/explore-triggers/signup-and-login-triggers/login-trigger',
  handlers: { execute: 'onExecutePostLogin', continue: 'onContinuePostLogin' },
  event: {
    schema: POST_LOGIN_EVENT,
    objects: ['user', 'request', 'client', 'transaction'],
    create: createDefaultEvent,
    presets: EVENT_PRESETS,
  },
  views: ['tokens', 'id-token', 'metadata', 'saml', 'redirect'],
  words: { start: 'User logged in', complete: 'Token issued', outcome: 'Login', completed: 'the application receives its tokens' },
  state: { create: createTransaction, result: transactionResult },
}
