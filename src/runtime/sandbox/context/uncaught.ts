/** Inside the sandbox's context: an error nothing catches ends the run, as it ends a Node process. */
import { callHost } from './hostCall.ts'

export function describe(value: unknown): string {
  try {
    return value instanceof Error ? `${value.name}: ${value.message}` : String(value)
  } catch {
    return 'a value that cannot be printed'
  }
}

export function reportUncaught(error: unknown): void {
  callHost('crash', describe(error))
}
