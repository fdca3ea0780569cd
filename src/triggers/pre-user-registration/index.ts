/** The Signup flow's pre-user-registration trigger. */
import type { TriggerDefinition } from '../../engine/trigger.ts'
import { createDefaultEvent, EVENT_PRESETS, PRE_USER_REGISTRATION_EVENT } from './event.ts'
import { createState, result } from './state.ts'

export const preUserRegistration: TriggerDefinition = {
  id: 'pre-user-registration',
  title: 'Pre User Registration',
  summary: 'Runs when a user signs up through a database or passwordless connection, before the user is created: deny the signup, reject a field, set metadata.',
  docs: 'https://auth0.com/docs/customize/actions/explore-triggers/signup-and-login-triggers/pre-user-registration-trigger',
  handlers: { execute: 'onExecutePreUserRegistration' },
  event: {
    schema: PRE_USER_REGISTRATION_EVENT,
    objects: ['user', 'connection', 'request', 'tenant'],
    create: createDefaultEvent,
    presets: EVENT_PRESETS,
  },
  views: ['metadata'],
  words: { start: 'User signs up', complete: 'User created', outcome: 'Signup', completed: 'the user is created' },
  state: { create: createState, result },
}
