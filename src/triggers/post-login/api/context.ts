/** The post-login `api` object's namespaces and what they work on. */
import { cacheApi, type ApiContext, type Namespace } from '../../../engine/api/context.ts'
import type { Suspension, Transaction } from '../transaction.ts'
import { authenticationApi, multifactorApi } from './authenticationApi.ts'
import { accessApi, promptApi, rulesApi, transactionApi, validationApi } from './otherApis.ts'
import { redirectApi } from './redirectApi.ts'
import { samlResponseApi } from './samlApi.ts'
import { refreshTokenApi, sessionApi } from './sessionApi.ts'
import { accessTokenApi, idTokenApi } from './tokensApi.ts'
import { userApi } from './userApi.ts'

/** What one handler call of an action keeps: whether it asked to leave the login, and the user_metadata keys it set. */
export interface HandlerLocal {
  suspension: Suspension | null
  rendered: boolean
  userMetadataKeys: string[]
  /** The primary user when the handler started: a change discards the user_metadata it set. */
  primaryUserBefore: string | null
}

export type PostLoginContext = ApiContext<Transaction, HandlerLocal>

export function postLoginNamespaces(ctx: PostLoginContext): Record<string, Namespace> {
  return {
    access: accessApi(ctx),
    accessToken: accessTokenApi(ctx),
    authentication: authenticationApi(ctx),
    cache: cacheApi(ctx),
    idToken: idTokenApi(ctx),
    multifactor: multifactorApi(ctx),
    prompt: promptApi(ctx),
    redirect: redirectApi(ctx),
    refreshToken: refreshTokenApi(ctx),
    rules: rulesApi(),
    samlResponse: samlResponseApi(ctx),
    session: sessionApi(ctx),
    transaction: transactionApi(ctx),
    user: userApi(ctx),
    validation: validationApi(ctx),
  }
}
