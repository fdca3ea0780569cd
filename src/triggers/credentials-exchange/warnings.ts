/** Credentials-exchange's run warnings: each code's message (its values are in RunWarningValues, src/engine/types.ts). */
import { warningMaker, type MessageBuilders } from '../../engine/warnings.ts'

export const CREDENTIALS_EXCHANGE_MESSAGES: MessageBuilders<'target-scope-dropped'> = {
  'target-scope-dropped': ({ scope }) => `Auth0 drops the target scope "${scope}": the client grant does not include it.`,
}

export const credentialsExchangeWarning = warningMaker(CREDENTIALS_EXCHANGE_MESSAGES)
