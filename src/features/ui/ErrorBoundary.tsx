/**
 * Keeps a failure in one part of the page (a results view, a panel) inside that part: it shows what failed,
 * offers the run result as JSON to copy, and can try again; the rest of the page keeps working. A new
 * `resetKey` (a new result) tries again by itself.
 */
import { Component, type ReactNode } from 'react'
import { useResult } from '../../store/hooks.ts'
import { CopyButton } from '../results/CopyButton.tsx'
import { cutString } from '../results/cut.ts'
import { rawResultJson } from '../results/rawResult.ts'

interface ErrorBoundaryProps {
  /** What the part is called, in "Something went wrong in the <name>". */
  name: string
  resetKey?: unknown
  children: ReactNode
}

interface ErrorBoundaryState {
  error: Error | null
  resetKey: unknown
}

function Failure({ name, error, onRetry }: { name: string; error: Error; onRetry(): void }) {
  const result = useResult()
  return (
    <div role="alert" className="m-2 space-y-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100">
      <p><strong>Something went wrong in the {name}:</strong> {cutString(error.message, 300).text}</p>
      <p className="text-xs">The rest of the playground keeps working.{result ? ' The run result can be copied as JSON, e.g. for a bug report.' : ''}</p>
      <div className="flex flex-wrap gap-2">
        {result && <CopyButton text={() => rawResultJson(result)} label="Copy the raw result" showLabel />}
        <button type="button" onClick={onRetry} className="rounded border border-red-300 px-2 py-0.5 text-xs hover:bg-red-100 dark:border-red-800 dark:hover:bg-red-900">Try again</button>
      </div>
    </div>
  )
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  state: ErrorBoundaryState = { error: null, resetKey: this.props.resetKey }

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  static getDerivedStateFromProps(props: ErrorBoundaryProps, state: ErrorBoundaryState): Partial<ErrorBoundaryState> | null {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey }
  }

  render() {
    const { error } = this.state
    if (!error) return this.props.children
    return <Failure name={this.props.name} error={error} onRetry={() => this.setState({ error: null })} />
  }
}
