/** Node's `util`: formatting, callback/promise adapters, `inherits` and a few type checks. */
import { format, inspect } from '../nodeInspect.ts'

type AnyFunction = (this: unknown, ...args: unknown[]) => unknown

const customPromisify = Symbol.for('nodejs.util.promisify.custom')

function assertFunction(value: unknown, what: string): asserts value is AnyFunction {
  if (typeof value !== 'function') throw new TypeError(`The ${what} must be of type function`)
}

/** Wraps a callback-last function; a function's own `util.promisify.custom` version wins, as in Node. */
function promisify(original: unknown): AnyFunction {
  assertFunction(original, '"original" argument')
  const custom = (original as unknown as Record<symbol, unknown>)[customPromisify]
  if (typeof custom === 'function') return custom as AnyFunction
  return function (this: unknown, ...args: unknown[]) {
    return new Promise((resolve, reject) => {
      original.call(this, ...args, (error: unknown, value: unknown) => (error ? reject(error) : resolve(value)))
    })
  }
}
promisify.custom = customPromisify

function callbackify(original: unknown): AnyFunction {
  assertFunction(original, '"original" argument')
  return function (this: unknown, ...args: unknown[]) {
    const callback = args.pop()
    assertFunction(callback, 'last argument')
    // The callback runs outside the promise chain so that what it throws is not swallowed.
    Promise.resolve(original.apply(this, args)).then(
      (value) => queueMicrotask(() => callback(null, value)),
      (reason) => queueMicrotask(() => callback(reason || Object.assign(
        new Error('Promise was rejected with falsy value'), { code: 'ERR_FALSY_VALUE_REJECTION', reason },
      ))),
    )
  }
}

function inherits(ctor: unknown, superCtor: unknown): void {
  assertFunction(ctor, '"ctor" argument')
  assertFunction(superCtor, '"superCtor" argument')
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true })
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype)
}

const tag = (value: unknown) => Object.prototype.toString.call(value)

/**
 * Node's strict deep equality for the data Actions handle: same prototypes, own enumerable string keys, Dates,
 * RegExps and Errors by value. Map keys and Set members compare by identity, and cycles are not followed.
 */
function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b) || tag(a) !== tag(b)) return false
  if (a instanceof Date && a.getTime() !== (b as Date).getTime()) return false
  if (a instanceof RegExp && String(a) !== String(b)) return false
  if (a instanceof Error && (a.name !== (b as Error).name || a.message !== (b as Error).message)) return false
  if (Array.isArray(a) && a.length !== (b as unknown[]).length) return false
  if (a instanceof Map) {
    const other = b as Map<unknown, unknown>
    if (a.size !== other.size) return false
    for (const [key, value] of a) if (!other.has(key) || !isDeepStrictEqual(value, other.get(key))) return false
  }
  if (a instanceof Set) {
    const other = b as Set<unknown>
    if (a.size !== other.size) return false
    for (const value of a) if (!other.has(value)) return false
  }
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  return keys.every((key) => Object.hasOwn(b, key)
    && isDeepStrictEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
}

const typedArrayTag = (value: unknown) => (ArrayBuffer.isView(value) && !(value instanceof DataView) ? tag(value).slice(8, -1) : undefined)
const isTypedArrayOf = (name: string) => (value: unknown) => typedArrayTag(value) === name

/** `util.types`: the checks packages make as they load and run. */
const types = {
  isPromise: (value: unknown) => tag(value) === '[object Promise]',
  isDate: (value: unknown) => tag(value) === '[object Date]',
  isRegExp: (value: unknown) => tag(value) === '[object RegExp]',
  isMap: (value: unknown) => tag(value) === '[object Map]',
  isSet: (value: unknown) => tag(value) === '[object Set]',
  isWeakMap: (value: unknown) => tag(value) === '[object WeakMap]',
  isWeakSet: (value: unknown) => tag(value) === '[object WeakSet]',
  isNativeError: (value: unknown) => value instanceof Error,
  isAsyncFunction: (value: unknown) => tag(value) === '[object AsyncFunction]' || tag(value) === '[object AsyncGeneratorFunction]',
  isGeneratorFunction: (value: unknown) => tag(value) === '[object GeneratorFunction]' || tag(value) === '[object AsyncGeneratorFunction]',
  isGeneratorObject: (value: unknown) => tag(value) === '[object Generator]',
  isArrayBuffer: (value: unknown) => tag(value) === '[object ArrayBuffer]',
  isSharedArrayBuffer: (value: unknown) => tag(value) === '[object SharedArrayBuffer]',
  isAnyArrayBuffer: (value: unknown) => tag(value) === '[object ArrayBuffer]' || tag(value) === '[object SharedArrayBuffer]',
  isArrayBufferView: (value: unknown) => ArrayBuffer.isView(value),
  isDataView: (value: unknown) => value instanceof DataView,
  isTypedArray: (value: unknown) => typedArrayTag(value) !== undefined,
  isUint8Array: isTypedArrayOf('Uint8Array'),
  isUint8ClampedArray: isTypedArrayOf('Uint8ClampedArray'),
  isUint16Array: isTypedArrayOf('Uint16Array'),
  isUint32Array: isTypedArrayOf('Uint32Array'),
  isInt8Array: isTypedArrayOf('Int8Array'),
  isInt16Array: isTypedArrayOf('Int16Array'),
  isInt32Array: isTypedArrayOf('Int32Array'),
  isFloat32Array: isTypedArrayOf('Float32Array'),
  isFloat64Array: isTypedArrayOf('Float64Array'),
  isBigInt64Array: isTypedArrayOf('BigInt64Array'),
  isBigUint64Array: isTypedArrayOf('BigUint64Array'),
  isBoxedPrimitive: (value: unknown) => typeof value === 'object' && value !== null && ['[object Number]', '[object String]', '[object Boolean]', '[object BigInt]', '[object Symbol]'].includes(tag(value)),
  isProxy: () => false,
  isExternal: () => false,
  isModuleNamespaceObject: (value: unknown) => tag(value) === '[object Module]',
  isKeyObject: (value: unknown) => (value as { constructor?: { name?: string } })?.constructor?.name?.endsWith('KeyObject') === true,
  isCryptoKey: (value: unknown) => tag(value) === '[object CryptoKey]',
}

/** `util.debuglog(section)`: Node logs when NODE_DEBUG names the section, which an action's environment never does. */
function debuglog(): ((...args: unknown[]) => void) & { enabled: boolean } {
  return Object.assign(() => {}, { enabled: false })
}

export function createUtil() {
  return {
    format,
    formatWithOptions: (_options: unknown, ...args: unknown[]) => format(...args),
    inspect,
    promisify,
    callbackify,
    inherits,
    deprecate: <T>(fn: T): T => fn,
    debuglog,
    debug: debuglog,
    isDeepStrictEqual,
    types,
    isArray: Array.isArray,
    isBoolean: (value: unknown) => typeof value === 'boolean',
    isNull: (value: unknown) => value === null,
    isNullOrUndefined: (value: unknown) => value === null || value === undefined,
    isNumber: (value: unknown) => typeof value === 'number',
    isString: (value: unknown) => typeof value === 'string',
    isSymbol: (value: unknown) => typeof value === 'symbol',
    isUndefined: (value: unknown) => value === undefined,
    isRegExp: types.isRegExp,
    isObject: (value: unknown) => typeof value === 'object' && value !== null,
    isDate: types.isDate,
    isError: types.isNativeError,
    isFunction: (value: unknown) => typeof value === 'function',
    isPrimitive: (value: unknown) => value === null || (typeof value !== 'object' && typeof value !== 'function'),
    stripVTControlCharacters: (text: string) => String(text).replace(/\u001b\[[\d;]*[A-Za-z]/g, ''),
    toUSVString: (text: string) => String(text).replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
    getSystemErrorName: (code: number) => `Unknown system error ${code}`,
    TextEncoder,
    TextDecoder,
  }
}
