/** An action id made from a name, not among `taken`: `deny-example-com`, `deny-example-com-2`, … */
export function uniqueActionId(name: string, taken: Iterable<string>): string {
  const used = new Set(taken)
  const base = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 32) || 'action'
  let id = base
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`
  return id
}
