/**
 * Text the way Node prints it (`console.*`, `util.format`, `util.inspect`): Node's own `util.inspect`, packaged
 * for browsers by node-inspect-extracted. It lives apart from serialize.ts, which the page also imports, so that
 * it stays in the engine's worker bundle.
 */
import { format as nodeFormat, formatWithOptions, inspect as nodeInspect } from 'node-inspect-extracted'

export const inspect = nodeInspect

/** An error as Node prints it, keeping only the stack frames in action code: the engine's own are noise. */
function errorText(error: Error): string {
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at .*action-\d+-[\w-]+\.js:\d+/.test(line))
  const header = `${error.name}: ${error.message}`
  const copy = Object.assign(Object.create(Object.getPrototypeOf(error) as object) as Error, error)
  Object.defineProperty(copy, 'stack', { value: [header, ...frames].join('\n'), configurable: true, writable: true })
  const text = nodeInspect(copy)
  // Node brackets an error without frames; printed errors always have some.
  return text.startsWith(`[${header}]`) ? header + text.slice(header.length + 2) : text
}

/** `util.format`. */
export function format(...args: unknown[]): string {
  return nodeFormat(...args)
}

/**
 * What `console.log` prints: `util.format`, except that an error passed as an argument of its own shows only
 * the stack frames in action code.
 */
export function formatLog(...args: unknown[]): string {
  const placeholders = typeof args[0] === 'string' && args[0].includes('%')
  const shown = placeholders ? args : args.map((arg) => (arg instanceof Error ? errorText(arg) : arg))
  return formatWithOptions({}, ...shown)
}
