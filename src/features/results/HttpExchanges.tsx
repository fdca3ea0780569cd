import type { HttpExchange } from '../../engine/types.ts'
import { answeredBy, STAND_IN_LABEL, wasAnswered } from './httpAnswers.ts'
import { JsonBlock } from './JsonBlock.tsx'
import { LongText } from './ShowAll.tsx'

function statusTone(status: number | null): string {
  if (status === null || status >= 400) return 'bg-red-100 text-red-800 dark:bg-red-900/60 dark:text-red-200'
  if (status >= 300) return 'bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-200'
  return 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-200'
}

function Exchange({ exchange, index }: { exchange: HttpExchange; index: number }) {
  const headers = Object.entries(exchange.headers)
  return (
    <li data-testid={`http-exchange-${index}`} data-stand-in={exchange.standIn} className="rounded-md border border-slate-200 p-2 dark:border-slate-800">
      <div className="flex flex-wrap items-baseline gap-2 text-xs">
        <span className="font-mono font-semibold">{exchange.method}</span>
        <span className="min-w-0 flex-1 font-mono break-all"><LongText text={exchange.url} /></span>
        {exchange.standIn === 'management-api' && <span className="rounded bg-violet-100 px-1.5 font-medium text-violet-800 dark:bg-violet-900/60 dark:text-violet-200">{STAND_IN_LABEL}</span>}
        <span className={`rounded px-1.5 font-medium ${statusTone(exchange.status)}`}>{exchange.status ?? 'no mock'}</span>
      </div>
      <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">
        {exchange.action}{exchange.phase === 'continue' ? ' (onContinuePostLogin)' : ''} · {answeredBy(exchange)}
      </p>
      <details className="mt-1 text-xs">
        <summary className="cursor-pointer text-slate-600 dark:text-slate-300">Request and response</summary>
        <div className="mt-1 space-y-1">
          <p className="font-medium">Request headers</p>
          {headers.length === 0
            ? <p className="text-slate-600 dark:text-slate-400">None.</p>
            : <pre className="font-mono whitespace-pre-wrap break-all">{headers.map(([name, value]) => `${name}: ${value}`).join('\n')}</pre>}
          <p className="font-medium">Request body</p>
          {exchange.body === null ? <p className="text-slate-600 dark:text-slate-400">None.</p> : <JsonBlock value={exchange.body} />}
          <p className="font-medium">Response body</p>
          {!wasAnswered(exchange) || exchange.response === null
            ? <p className="text-slate-600 dark:text-slate-400">{wasAnswered(exchange) ? 'Empty.' : 'No response.'}</p>
            : <JsonBlock value={exchange.response} />}
        </div>
      </details>
    </li>
  )
}

/** The requests actions made with `fetch` or axios, and how the mocks (or the Management API stand-in) answered them. */
export function HttpExchanges({ exchanges }: { exchanges: HttpExchange[] }) {
  return (
    <ol className="space-y-2">
      {exchanges.map((exchange, index) => <Exchange key={index} exchange={exchange} index={index} />)}
    </ol>
  )
}
