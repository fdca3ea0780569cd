/**
 * Keeps a failure in one part of the page (a results view, a panel) inside that part: it shows what failed,
 * offers the run result as JSON to copy, and can try again; the rest of the page keeps working. A new
 * `resetKey` (a new result) tries again by itself.
 */
import { Component, lazy, Suspense, type ReactNode } from 'react'

// What a failure shows (and the raw result it offers) loads only when something fails.
const Failure = lazy(() => import('./Failure.tsx'))

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
    return (
      <Suspense fallback={<p role="alert" className="m-2 text-sm text-red-900 dark:text-red-100">Something went wrong in the {this.props.name}.</p>}>
        <Failure name={this.props.name} error={error} onRetry={() => this.setState({ error: null })} />
      </Suspense>
    )
  }
}
