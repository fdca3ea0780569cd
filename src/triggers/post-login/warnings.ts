/** Post-login's run warnings: each code's message (its values are in RunWarningValues, src/engine/types.ts). */
import { TOKEN_NAMES, warningMaker, type MessageBuilders } from '../../engine/warnings.ts'

export const POST_LOGIN_MESSAGES: MessageBuilders<'saml-login-no-token' | 'record-method-outside-continue' | 'saml-deprecated-algorithm'> = {
  'saml-login-no-token': ({ token }) => `This is a SAML login: Auth0 issues no ${TOKEN_NAMES[token]}, so its custom claims are not delivered.`,
  'record-method-outside-continue': ({ action }) => `${action}: api.authentication.recordMethod is only available in onContinuePostLogin; the method was not recorded.`,
  'saml-deprecated-algorithm': ({ action, setter, algorithm, replacement }) => `${action}: ${setter}("${algorithm}") is deprecated and insecure; use "${replacement}".`,
}

export const postLoginWarning = warningMaker(POST_LOGIN_MESSAGES)
