import type { RunWarning } from '../../engine/types.ts'

/** Warnings about the run: each with an icon and its message, so they do not rest on colour alone. */
export function WarningList({ warnings, testId }: { warnings: Pick<RunWarning, 'message'>[]; testId?: string }) {
  if (warnings.length === 0) return null
  return (
    <ul data-testid={testId} className="space-y-1">
      {warnings.map((warning, index) => (
        <li key={index} className="flex gap-2 rounded-md bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:bg-amber-950/60 dark:text-amber-100">
          <span aria-hidden>⚠</span>
          <span><span className="sr-only">Warning: </span>{warning.message}</span>
        </li>
      ))}
    </ul>
  )
}
