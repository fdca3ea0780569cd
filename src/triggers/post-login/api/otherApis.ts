/** The smaller namespaces: access, prompt, rules, transaction, validation. */
import { jsonCopy, utf8Length } from '../../../engine/serialize.ts'
import type { JsonObject } from '../../../engine/types.ts'
import { CHAIN, refuseReservedKey, requireString, type Namespace } from '../../../engine/api/context.ts'
import type { PostLoginContext as ApiContext } from './context.ts'

const MAX_RENDER_OPTIONS_BYTES = 24 * 1024
const TX_METADATA = { keyLength: 64, valueBytes: 8 * 1024, totalBytes: 16 * 1024 }


export function accessApi(ctx: ApiContext): Namespace {
  return {
    /** Does not throw: the action finishes, then no further actions run (post-login API object). */
    deny(reason: unknown) {
      ctx.tx.denial ??= { code: 'access_denied', description: reason === undefined ? '' : String(reason), action: ctx.action.name }
      return CHAIN
    },
  }
}

export function validationApi(ctx: ApiContext): Namespace {
  return {
    error(errorCode: unknown, errorMessage: unknown) {
      const code = requireString(errorCode, 'The error code')
      const description = requireString(errorMessage, 'The error message')
      ctx.tx.denial ??= { code, description, action: ctx.action.name }
      return CHAIN
    },
  }
}

export function rulesApi(): Namespace {
  // No Rules run in the playground, so no Rule "has been executed prior to this Action".
  return { wasExecuted: (ruleId: unknown) => (requireString(ruleId, 'The rule id'), false) }
}

export function promptApi(ctx: ApiContext): Namespace {
  return {
    render(promptId: unknown, options: { fields?: unknown; vars?: unknown } = {}) {
      const id = requireString(promptId, 'The prompt id')
      if (ctx.local.suspension?.kind === 'redirect') throw new Error('Redirect and render commands cannot be used in the same action.')
      if (ctx.local.rendered) throw new Error('Only 1 render command per action is allowed.')
      const fields = jsonCopy(options?.fields ?? {}) as JsonObject
      const vars = jsonCopy(options?.vars ?? {}) as JsonObject
      if (utf8Length(JSON.stringify({ fields, vars })) > MAX_RENDER_OPTIONS_BYTES) throw new Error('The render options exceed the maximum size of 24 KiB.')
      ctx.local.rendered = true
      ctx.local.suspension = { kind: 'prompt', id, fields, vars }
    },
  }
}

/** Transaction metadata (post-login only): limits from "Actions limitations" and "Transaction metadata". */
export function transactionApi(ctx: ApiContext): Namespace {
  const notImplemented = () => { throw new Error('Method not implemented.') }
  return {
    setMetadata(key: unknown, value: unknown) {
      const name = refuseReservedKey(requireString(key, 'The transaction metadata key'), 'transaction metadata key')
      if (!name || name.length > TX_METADATA.keyLength) throw new Error(`Transaction metadata keys must be 1 to ${TX_METADATA.keyLength} characters.`)
      const metadata = ctx.tx.transactionMetadata
      if (value === null) delete metadata[name]
      else {
        if (!['string', 'number', 'boolean'].includes(typeof value)) throw new TypeError('Transaction metadata values must be a string, number or boolean.')
        if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) throw new RangeError('Transaction metadata numbers must be safe integers.')
        if (typeof value === 'string' && utf8Length(value) > TX_METADATA.valueBytes) throw new Error('Transaction metadata values are limited to 8 KB.')
        const next = { ...metadata, [name]: value as string | number | boolean }
        if (utf8Length(JSON.stringify(next)) > TX_METADATA.totalBytes) throw new Error('Transaction metadata is limited to 16 KB in all.')
        metadata[name] = value as string | number | boolean
      }
      // Unlike the rest of the event, event.transaction.metadata shows the change at once.
      if (ctx.event.transaction) ctx.event.transaction.metadata = { ...metadata }
    },
    addTargetScope: notImplemented,
    removeTargetScope: notImplemented,
    setTargetScopes: notImplemented,
    clearTargetScopes: notImplemented,
  }
}
