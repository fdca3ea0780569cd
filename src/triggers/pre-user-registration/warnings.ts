/** Pre-user-registration's run warnings: each code's message (its values are in RunWarningValues, src/engine/types.ts). */
import { warningMaker, type MessageBuilders } from '../../engine/warnings.ts'

export const PRE_USER_REGISTRATION_MESSAGES: MessageBuilders<'passwordless-metadata-ignored' | 'connection-not-run'> = {
  'passwordless-metadata-ignored': ({ action, strategy }) =>
    `${action}: Auth0 does not add metadata to passwordless users in pre-user-registration (connection strategy "${strategy}"), so the user is created without it.`,
  'connection-not-run': ({ strategy }) =>
    `Auth0 runs pre-user-registration only for database (strategy "auth0") and passwordless ("email", "sms") connections; a signup through a "${strategy}" connection would not run these actions.`,
}

export const preUserRegistrationWarning = warningMaker(PRE_USER_REGISTRATION_MESSAGES)
