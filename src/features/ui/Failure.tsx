/** What an ErrorBoundary shows in place of the part that failed (see ErrorBoundary.tsx). */
import { useResult } from '../../store/hooks.ts'
import { CopyButton } from '../results/CopyButton.tsx'
import { cutString } from '../results/cut.ts'
import { rawResultJson } from '../results/rawResult.ts'
import { useSecretMask } from '../results/useSecretMask.ts'

export default function Failure({ name, error, onRetry }: { name: string; error: Error; onRetry(): void }) {
  const result = useResult()
  const { mask } = useSecretMask()
  return (
    <div role="alert" className="m-2 space-y-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100">
      <p><strong>Something went wrong in the {name}:</strong> {cutString(error.message, 300).text}</p>
      <p className="text-xs">The rest of the playground keeps working.{result ? ' The run result can be copied as JSON, e.g. for a bug report.' : ''}</p>
      <div className="flex flex-wrap gap-2">
        {result && <CopyButton text={() => rawResultJson(mask(result))} label="Copy the raw result" showLabel />}
        <button type="button" onClick={onRetry} className="rounded border border-red-300 px-2 py-0.5 text-xs hover:bg-red-100 dark:border-red-800 dark:hover:bg-red-900">Try again</button>
      </div>
    </div>
  )
}
