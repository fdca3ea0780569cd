/** The event's schema warnings, as a sentence for a notice (empty when there are none). */
export function eventWarnings(warnings: string[] = []): string {
  if (!warnings.length) return ''
  const more = warnings.length > 3 ? ` (and ${warnings.length - 3} more)` : ''
  return ` Its event does not match the post-login event schema: ${warnings.slice(0, 3).join('; ')}${more}.`
}
