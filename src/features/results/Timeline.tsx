import type { RunResult } from '../../engine/types.ts'

/** Placeholder: being written. */
export function Timeline({ result }: { result: RunResult }) {
  return <p className="p-4 text-sm text-slate-500">Timeline ({result.status})</p>
}
