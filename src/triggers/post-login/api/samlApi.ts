/** `api.samlResponse`: invalid settings throw, and the whole execution fails. */
import { utf8Length } from '../../../engine/serialize.ts'
import type { JsonObject, JsonValue } from '../../../engine/types.ts'
import { CHAIN, refuseReservedKey, requireString, type Namespace } from '../../../engine/api/context.ts'
import { postLoginWarning } from '../warnings.ts'
import type { PostLoginContext as ApiContext } from './context.ts'

const MAX_ATTRIBUTES = 100
const MAX_NAME_BYTES = 1024
const MAX_VALUE_BYTES = 2048

type Check = (value: unknown, setter: string) => JsonValue

const string: Check = (value, setter) => requireString(value, `${setter}: the value`)
const boolean: Check = (value, setter) => {
  if (typeof value !== 'boolean') throw new TypeError(`${setter}: the value must be a boolean.`)
  return value
}
const oneOf = (allowed: string[]): Check => (value, setter) => {
  if (typeof value !== 'string' || !allowed.includes(value)) throw new TypeError(`${setter}: the value must be one of ${allowed.join(', ')}.`)
  return value
}

const SETTINGS: Record<string, Check> = {
  setAudience: string, setRecipient: string, setDestination: string, setRelayState: string, setIssuer: string,
  setNameIdentifierFormat: string, setAuthnContextClassRef: string, setSigningCert: string, setEncryptionCert: string,
  setEncryptionPublicKey: string, setCert: string, setKey: string,
  setCreateUpnClaim: boolean, setPassthroughClaimsWithNoMapping: boolean, setMapUnknownClaimsAsIs: boolean,
  setMapIdentities: boolean, setSignResponse: boolean, setIncludeAttributeNameFormat: boolean, setTypedAttributes: boolean,
  setLifetimeInSeconds: (value, setter) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) throw new TypeError(`${setter}: the value must be a positive whole number of seconds.`)
    return value
  },
  setSignatureAlgorithm: oneOf(['rsa-sha256', 'rsa-sha1']),
  setDigestAlgorithm: oneOf(['sha256', 'sha1']),
  setEncryptionAlgorithm: oneOf(['aes256-gcm', 'aes256-cbc']),
  setNameIdentifierProbes: (value, setter) => {
    if (!Array.isArray(value) || value.length > 10 || !value.every((item) => typeof item === 'string')) {
      throw new TypeError(`${setter}: the value must be an array of at most 10 strings.`)
    }
    return value
  },
}

const DEPRECATED: Record<string, string> = { 'rsa-sha1': 'rsa-sha256', sha1: 'sha256', 'aes256-cbc': 'aes256-gcm' }


function isSamlValue(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value) || Array.isArray(value)
}

export function samlResponseApi(ctx: ApiContext): Namespace {
  const saml = () => (ctx.tx.saml ??= { attributes: {}, configuration: {} })
  const methods: Namespace = {
    setAttribute(attribute: unknown, value: unknown) {
      const name = refuseReservedKey(requireString(attribute, 'The SAML attribute name'), 'SAML attribute')
      if (utf8Length(name) > MAX_NAME_BYTES) throw new Error(`SAML attribute names are limited to ${MAX_NAME_BYTES} bytes.`)
      if (!isSamlValue(value)) throw new TypeError('A SAML attribute value must be a string, number, boolean, null or an array.')
      if (utf8Length(JSON.stringify(value)) > MAX_VALUE_BYTES) throw new Error(`SAML attribute values are limited to ${MAX_VALUE_BYTES} bytes.`)
      const attributes = saml().attributes as JsonObject
      if (value === null) delete attributes[name]
      else {
        if (!(name in attributes) && Object.keys(attributes).length >= MAX_ATTRIBUTES) throw new Error(`At most ${MAX_ATTRIBUTES} SAML attributes can be changed.`)
        attributes[name] = value as JsonValue
      }
      return CHAIN
    },
  }
  for (const [setter, check] of Object.entries(SETTINGS)) {
    methods[setter] = (value: unknown) => {
      const checked = check(value, `api.samlResponse.${setter}`)
      const setting = setter[3].toLowerCase() + setter.slice(4)
      if (typeof checked === 'string' && DEPRECATED[checked]) {
        ctx.tx.warnings.push(postLoginWarning('saml-deprecated-algorithm', { action: ctx.action.name, setter, algorithm: checked, replacement: DEPRECATED[checked] }))
      }
      ;(saml().configuration as JsonObject)[setting] = checked
      return CHAIN
    }
  }
  return methods
}
