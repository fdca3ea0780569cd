/** The Machine to Machine flow's credentials-exchange trigger. */
import type { TriggerDefinition } from '../../engine/trigger.ts'
import { CREDENTIALS_EXCHANGE_EVENT_SCHEMA, createDefaultEvent, EVENT_PRESETS } from './event.ts'
import { plainResult } from '../../engine/runState.ts'
import { createExchange } from './exchange.ts'

export const credentialsExchange: TriggerDefinition = {
  id: 'credentials-exchange',
  title: 'Machine to Machine',
  summary: 'Runs when an access token is issued through the Client Credentials Flow, before it is returned: deny the exchange, add custom claims.',
  docs: 'https://auth0.com/docs/customize/actions/explore-triggers/credentials-exchange',
  handlers: { execute: 'onExecuteCredentialsExchange' },
  event: {
    schema: CREDENTIALS_EXCHANGE_EVENT_SCHEMA,
    objects: ['accessToken', 'client', 'request', 'resource_server', 'tenant', 'transaction'],
    create: createDefaultEvent,
    presets: EVENT_PRESETS,
  },
  views: ['tokens'],
  words: { start: 'Client asks for a token', complete: 'Access token issued', outcome: 'Token request', completed: 'the client receives its access token' },
  state: { create: createExchange, result: (_event, state, status, record) => plainResult(state, status, record) },
}
