/**
 * The difference between two JSON values as a list of changes, and its application: how a share link carries an
 * event as the preset it started from plus what differs (shareCodec.ts). Applying the difference to the same base
 * gives the target back exactly, the order of object keys included.
 */
import { setOwn } from './serialize.ts'
import type { JsonValue } from './types.ts'

/** `[path, value]` sets the value at the path; `[path]` removes the key at the path. */
export type JsonChange = [path: string[], value: JsonValue] | [path: string[]]

type JsonObject = { [key: string]: JsonValue }

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value)

function equal(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false
  const aKeys = Object.keys(a)
  const bKeys = Object.keys(b)
  if (aKeys.length !== bKeys.length) return false
  return aKeys.every((key, index) => key === bKeys[index] && equal((a as JsonObject)[key], (b as JsonObject)[key]))
}

/**
 * Whether applying key changes to `base` keeps `target`'s key order: the keys `target` keeps from `base`, in
 * `base`'s order, then the keys it adds (an applied change appends a new key).
 */
function keepsOrder(base: JsonObject, target: JsonObject): boolean {
  const targetKeys = Object.keys(target)
  const kept = Object.keys(base).filter((key) => Object.hasOwn(target, key))
  return kept.every((key, index) => targetKeys[index] === key)
}

/** The changes that turn `base` into `target`. */
export function diffJson(base: JsonValue, target: JsonValue, path: string[] = [], changes: JsonChange[] = []): JsonChange[] {
  if (equal(base, target)) return changes
  if (!isObject(base) || !isObject(target) || !keepsOrder(base, target)) {
    changes.push([path, target])
    return changes
  }
  for (const key of Object.keys(base)) if (!Object.hasOwn(target, key)) changes.push([[...path, key]])
  for (const key of Object.keys(target)) {
    if (Object.hasOwn(base, key)) diffJson(base[key], target[key], [...path, key], changes)
    else changes.push([[...path, key], target[key]])
  }
  return changes
}

/** `base` with the changes applied (a copy: `base` is not changed); throws on changes that do not fit it. */
export function applyJsonChanges(base: JsonValue, changes: readonly JsonChange[]): JsonValue {
  let result = structuredClone(base)
  for (const change of changes) {
    const [path] = change
    if (!Array.isArray(path) || path.some((key) => typeof key !== 'string') || change.length > 2) throw new Error('a change is not [path, value] or [path]')
    if (!path.length) {
      if (change.length === 1) throw new Error('a change removes the whole value')
      result = structuredClone(change[1])
      continue
    }
    let parent: JsonValue = result
    for (const key of path.slice(0, -1)) {
      if (!isObject(parent) || !Object.hasOwn(parent, key)) throw new Error(`no object at ${path.join('.')}`)
      parent = parent[key]
    }
    if (!isObject(parent)) throw new Error(`no object at ${path.join('.')}`)
    const key = path[path.length - 1]
    if (change.length === 1) delete parent[key]
    else setOwn(parent, key, structuredClone(change[1]))
  }
  return result
}
