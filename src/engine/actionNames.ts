/**
 * Action names are unique within a flow, as Auth0 requires: a name already taken gets the first free
 * " (2)", " (3)" … suffix. A name that already ends in such a suffix counts from its base, so a copy of
 * "Audit (2)" is "Audit (3)", not "Audit (2) (2)".
 */
export function uniqueActionName(name: string, taken: Iterable<string>): string {
  const used = new Set(taken)
  if (!used.has(name)) return name
  const base = name.replace(/ \(\d+\)$/, '')
  let n = 2
  while (used.has(`${base} (${n})`)) n++
  return `${base} (${n})`
}

/** The actions with unique names: of two with the same name, the later one is the newcomer that is renamed. */
export function withUniqueNames<T extends { name: string }>(actions: T[]): T[] {
  const names: string[] = []
  return actions.map((action) => {
    const name = uniqueActionName(action.name, names)
    names.push(name)
    return name === action.name ? action : { ...action, name }
  })
}
