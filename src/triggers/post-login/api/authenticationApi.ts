/** `api.authentication` and `api.multifactor`. */
import { jsonCopy } from '../../../engine/serialize.ts'
import type { JsonObject, MfaFactor } from '../../../engine/types.ts'
import { CHAIN, requireString, type Namespace } from '../../../engine/api/context.ts'
import { postLoginWarning } from '../warnings.ts'
import type { PostLoginContext as ApiContext } from './context.ts'

const CHALLENGE_FACTORS = ['otp', 'recovery-code', 'email', 'push-notification', 'phone', 'webauthn-platform', 'webauthn-roaming']
// Email can be enrolled too ("Enroll and Challenge Email Authenticators").
const ENROLL_FACTORS = CHALLENGE_FACTORS
const MFA_PROVIDERS = ['any', 'duo', 'google-authenticator', 'guardian', 'none']
const MAX_PRIMARY_USER_ID = 128
const MAX_MFA_COMMANDS = 4

function toFactor(value: unknown, allowed: string[]): MfaFactor {
  const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined
  // `push` is accepted as an alias of `push-notification` by Auth0's types.
  const normalized = type === 'push' ? 'push-notification' : type
  if (typeof normalized !== 'string' || !allowed.includes(normalized)) {
    throw new TypeError(`Unsupported MFA factor ${JSON.stringify(type ?? value)}. Supported factor types: ${allowed.join(', ')}.`)
  }
  const options = (value as { options?: unknown }).options
  return options === undefined ? { type: normalized } : { type: normalized, options: jsonCopy(options) as JsonObject }
}

function toFactors(value: unknown, allowed: string[]): MfaFactor[] {
  if (!Array.isArray(value) || value.length === 0) throw new TypeError('Expected a non-empty array of factors, e.g. [{ type: "otp" }].')
  return value.map((factor) => toFactor(factor, allowed))
}

export function authenticationApi(ctx: ApiContext): Namespace {
  const suspend = (challengeKind: 'challenge' | 'enroll', method: string, requested: MfaFactor[]) => {
    // "Customize MFA Selection for Universal Login": at most four challenge/enroll commands per login flow;
    // a fifth fails the login with an authentication error.
    ctx.tx.mfaCommands = (ctx.tx.mfaCommands ?? 0) + 1
    if (ctx.tx.mfaCommands > MAX_MFA_COMMANDS) {
      const message = `api.authentication.${method}: at most ${MAX_MFA_COMMANDS} challengeWith/challengeWithAny/enrollWith/enrollWithAny commands are allowed per login flow.`
      ctx.tx.failure ??= message
      throw new Error(message)
    }
    ctx.local.suspension = { kind: 'challenge', challengeKind, method, requested }
  }
  const additional = (options: unknown, allowed: string[]) => {
    const extra = (options as { additionalFactors?: unknown } | undefined)?.additionalFactors
    return extra === undefined ? [] : toFactors(extra, allowed)
  }
  return {
    recordMethod(providerUrl: unknown) {
      const url = new URL(requireString(providerUrl, 'The provider URL'))
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError('The provider URL must be an http or https URL.')
      // "Only available from within the onContinuePostLogin function" (post-login API object).
      if (ctx.phase !== 'continue') {
        ctx.tx.warnings.push(postLoginWarning('record-method-outside-continue', { action: ctx.action.name }))
      } else if (!ctx.tx.recordedMethods.includes(url.href)) {
        ctx.tx.recordedMethods.push(url.href)
      }
      return CHAIN
    },
    challengeWith(factor: unknown, options?: unknown) {
      suspend('challenge', 'challengeWith', [toFactor(factor, CHALLENGE_FACTORS), ...additional(options, CHALLENGE_FACTORS)])
    },
    challengeWithAny(factors: unknown) {
      suspend('challenge', 'challengeWithAny', toFactors(factors, CHALLENGE_FACTORS))
    },
    enrollWith(factor: unknown, options?: unknown) {
      suspend('enroll', 'enrollWith', [toFactor(factor, ENROLL_FACTORS), ...additional(options, ENROLL_FACTORS)])
    },
    enrollWithAny(factors: unknown) {
      suspend('enroll', 'enrollWithAny', toFactors(factors, ENROLL_FACTORS))
    },
    setPrimaryUser(primaryUserId: unknown) {
      if (ctx.tx.primaryUser !== null) throw new Error('The primary user can only be altered once per transaction')
      if (typeof primaryUserId !== 'string' || !primaryUserId) throw new Error('The provided primary_user_id must be a non-empty string')
      if (primaryUserId.length > MAX_PRIMARY_USER_ID) throw new Error('The provided primary_user_id exceeds the maximum length.')
      ctx.tx.primaryUser = primaryUserId
    },
  }
}

export function multifactorApi(ctx: ApiContext): Namespace {
  return {
    enable(provider: unknown, options: Record<string, unknown> = {}) {
      if (typeof provider !== 'string' || !MFA_PROVIDERS.includes(provider)) {
        throw new TypeError(`Unsupported MFA provider ${JSON.stringify(provider)}. Supported providers: ${MFA_PROVIDERS.join(', ')}.`)
      }
      const providerOptions = options?.providerOptions as Record<string, unknown> | undefined
      if (providerOptions && provider !== 'duo') throw new TypeError('options.providerOptions is only available for the duo provider.')
      if (provider === 'duo' && !(providerOptions?.host && providerOptions.ikey && providerOptions.skey)) {
        throw new TypeError('The duo provider needs options.providerOptions with host, ikey and skey.')
      }
      // Deferred: the challenge happens at the end of the flow, and a later call replaces an earlier one.
      ctx.tx.mfa = { provider, options: jsonCopy(options ?? {}) as JsonObject, action: ctx.action.name }
      return CHAIN
    },
  }
}
