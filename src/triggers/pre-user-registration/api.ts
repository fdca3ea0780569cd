/**
 * The pre-user-registration `api` object ("Actions Triggers: pre-user-registration - API Object",
 * https://auth0.com/docs/customize/actions/explore-triggers/signup-and-login-triggers/pre-user-registration-trigger/pre-user-registration-api-object):
 * `access.deny`, `user.setAppMetadata`/`setUserMetadata`, `validation.error` and `cache`.
 */
import { PASSWORDLESS_STRATEGIES } from './state.ts'
import { cacheApi, CHAIN, refuseReservedKey, requireString, type ApiContext, type Namespace } from '../../engine/api/context.ts'
import type { RunState } from '../../engine/runState.ts'
import { unbuilt } from '../../engine/lazy.ts'
import { jsonCopy } from '../../engine/serialize.ts'

/** Why the signup fails, once an action asked for it. */
export interface Rejection {
  /** What the application receives as `error`. */
  code: string
  /** What the application receives as `error_description` (and the tenant logs). */
  description: string
  /** What the signup page shows the user. */
  userMessage?: string
  action: string
}

export interface Registration extends RunState {
  /** The connection's strategy: `auth0` (database), `email` or `sms` (passwordless), or another. */
  strategy: string
  rejection: Rejection | null
  /** Set once the passwordless warning was given, so it is given once. */
  passwordlessMetadataWarned?: boolean
}

/** The handler-call state: nothing beyond the run's, for this trigger. */
export type RegistrationLocal = Record<string, never>

export type RegistrationContext = ApiContext<Registration, RegistrationLocal>


function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function accessApi(ctx: RegistrationContext): Namespace {
  return {
    /**
     * "The signup flow will immediately stop following the completion of this action and no further Actions will be
     * executed": it does not throw; the first deny (or validation error) of the flow is the one that counts.
     * `reason` goes to the tenant logs and, as Auth0 community reports show, to the application as
     * `error_description` with `error: "extensibility_error"`; `userMessage` "may be presented directly in end-user
     * interfaces" (the signup page).
     */
    deny(reason: unknown, userMessage?: unknown) {
      ctx.tx.rejection ??= {
        code: 'extensibility_error',
        description: reason === undefined ? '' : String(reason),
        ...(userMessage === undefined ? {} : { userMessage: String(userMessage) }),
        action: ctx.action.name,
      }
      return CHAIN
    },
  }
}

export function validationApi(ctx: RegistrationContext): Namespace {
  return {
    /**
     * Rejects the signup with an error code and message of the action's own; the signup prompt shows the message
     * ("Validate and store user data with Actions": `api.validation.error("invalid_payload", "Missing first name")`
     * shows the error on submit). UNVERIFIED: that it ends the flow after the action as a deny does (we follow
     * post-login's api.validation.error) and that the code reaches the application as `error`.
     */
    error(errorCode: unknown, errorMessage: unknown) {
      const code = requireString(errorCode, 'The error code')
      const message = requireString(errorMessage, 'The error message')
      ctx.tx.rejection ??= { code, description: message, userMessage: message, action: ctx.action.name }
      return CHAIN
    },
  }
}

/**
 * `api.user`: the metadata of the user about to be created. "Invoking this method won't update the metadata
 * immediately. You can call this several times throughout multiple actions of the same flow and the engine will
 * aggregate the changes and update the metadata at once before the flow is completed."
 */
export function userApi(ctx: RegistrationContext): Namespace {
  const setter = (field: 'app_metadata' | 'user_metadata') => (name: unknown, value: unknown) => {
    const user = ctx.event.user
    // The user may sign up without metadata: absent is an empty object, anything else is refused as in post-login.
    // A metadata object not read yet is one (the engine builds it on first read): checked without copying it.
    const current = user && unbuilt(user, field) ? undefined : user?.[field]
    if (current !== undefined && !isObject(current)) throw new Error(`Unexpected ${field} format. Must be a valid JSON object.`)
    const key = refuseReservedKey(requireString(name, 'The metadata property name'), `${field} property`)
    if (PASSWORDLESS_STRATEGIES.includes(ctx.tx.strategy)) {
      // "You cannot currently use pre-user-registration Actions to add metadata to passwordless users" (the
      // trigger's page). UNVERIFIED how: we accept the call and leave the user's metadata unchanged, with a warning.
      if (!ctx.tx.passwordlessMetadataWarned) {
        ctx.tx.passwordlessMetadataWarned = true
        ctx.tx.warnings.push(`${ctx.action.name}: Auth0 does not add metadata to passwordless users in pre-user-registration (connection strategy "${ctx.tx.strategy}"), so the user is created without it.`)
      }
      return CHAIN
    }
    // `undefined` disappears when the update is serialized, so it changes nothing; `null` removes the property.
    if (value !== undefined) ctx.tx.pending[field][key] = jsonCopy(value)
    return CHAIN
  }
  return { setAppMetadata: setter('app_metadata'), setUserMetadata: setter('user_metadata') }
}

export function preUserRegistrationNamespaces(ctx: RegistrationContext): Record<string, Namespace> {
  return {
    access: accessApi(ctx),
    cache: cacheApi(ctx),
    user: userApi(ctx),
    validation: validationApi(ctx),
  }
}
