/** The before/after comparison of a user's metadata that the metadata view shows, key by key. */

export type MetadataChange = 'added' | 'changed' | 'removed' | 'unchanged'

export interface MetadataDiffRow {
  key: string
  change: MetadataChange
  /** Absent when the key was added. */
  before?: unknown
  /** Absent when the key was removed. */
  after?: unknown
}

/** Deep equality of JSON values; object key order does not matter. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((item, index) => sameJson(item, (b as unknown[])[index]))
  const left = a as Record<string, unknown>
  const right = b as Record<string, unknown>
  const keys = Object.keys(left)
  return keys.length === Object.keys(right).length && keys.every((key) => Object.hasOwn(right, key) && sameJson(left[key], right[key]))
}

/** Every key of either side: the keys before in their order, then the added ones. */
export function diffMetadata(before: Record<string, unknown>, after: Record<string, unknown>): MetadataDiffRow[] {
  const rows: MetadataDiffRow[] = []
  for (const [key, value] of Object.entries(before)) {
    if (!Object.hasOwn(after, key)) rows.push({ key, change: 'removed', before: value })
    else rows.push({ key, change: sameJson(value, after[key]) ? 'unchanged' : 'changed', before: value, after: after[key] })
  }
  for (const [key, value] of Object.entries(after)) {
    if (!Object.hasOwn(before, key)) rows.push({ key, change: 'added', after: value })
  }
  return rows
}
