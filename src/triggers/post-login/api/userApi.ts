/**
 * `api.user`: metadata changes are queued and written as one profile update at the end of the trigger
 * (or before a redirect); the running action's `event.user` is not changed.
 */
import { unbuilt } from '../../../engine/lazy.ts'
import { jsonCopy } from '../../../engine/serialize.ts'
import { CHAIN, refuseReservedKey, requireString, type Namespace } from '../../../engine/api/context.ts'
import type { PostLoginContext as ApiContext } from './context.ts'

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function userApi(ctx: ApiContext): Namespace {
  const setter = (field: 'app_metadata' | 'user_metadata') => (name: unknown, value: unknown) => {
    // A metadata object not read yet is one (the engine builds it on first read): checked without copying it.
    const user = ctx.event.user
    if (!(user && unbuilt(user, field)) && !isObject(user?.[field])) throw new Error(`Unexpected ${field} format. Must be a valid JSON object.`)
    const key = refuseReservedKey(requireString(name, 'The metadata property name'), `${field} property`)
    // `undefined` disappears when the update is serialized, so it changes nothing.
    if (value !== undefined) ctx.tx.pending[field][key] = jsonCopy(value)
    if (field === 'user_metadata') ctx.local.userMetadataKeys.push(key)
    return CHAIN
  }
  return { setAppMetadata: setter('app_metadata'), setUserMetadata: setter('user_metadata') }
}
