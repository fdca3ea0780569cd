import { Handle, NodeToolbar, Position, type Node, type NodeProps } from '@xyflow/react'
import { memo } from 'react'
import { useOutOfDate, useProblems, useResult } from '../../store/hooks.ts'
import { CommandButton } from '../commands/CommandButton.tsx'
import { ACTION_COMMANDS } from '../commands/commands.ts'
import { actionSummary } from '../run/actionSummary.ts'
import { usePlayground } from '../../store/index.ts'
import { currentRun, runsHere } from '../../store/runSelectors.ts'
import { NODE_WIDTH } from './layout.ts'

export type ActionNodeData = { id: string; name: string; enabled: boolean; index: number }
export type ActionFlowNode = Node<ActionNodeData, 'action'>

const TOOL_BUTTON = 'rounded px-1.5 py-0.5 text-left text-xs text-slate-700 hover:bg-slate-100 hover:text-slate-900 disabled:opacity-40 dark:text-slate-200 dark:hover:bg-slate-700 dark:hover:text-white'

const STATUS_STYLES: Record<string, string> = {
  ok: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-200',
  denied: 'bg-red-100 text-red-800 dark:bg-red-900/60 dark:text-red-200',
  failed: 'bg-red-100 text-red-800 dark:bg-red-900/60 dark:text-red-200',
  suspended: 'bg-amber-100 text-amber-800 dark:bg-amber-900/60 dark:text-amber-200',
  skipped: 'bg-slate-100 text-slate-500 dark:bg-slate-700 dark:text-slate-300',
  pending: 'bg-slate-100 text-slate-500 dark:bg-slate-700 dark:text-slate-300',
  disabled: 'bg-slate-100 text-slate-500 dark:bg-slate-700 dark:text-slate-300',
}

const STATUS_LABELS: Record<string, string> = { ok: 'ok', denied: 'denied', failed: 'failed', suspended: 'suspended', skipped: 'skipped', pending: 'not run yet', disabled: 'not run' }

/** The action's outcome in the last run, with its one-line summary. */
function useRunStatus(id: string) {
  const result = useResult()
  const running = usePlayground((state) => runsHere(state) && state.activeRun?.actionId === id)
  const stepped = usePlayground((state) => state.step !== null && currentRun(state)?.result.timeline[state.step]?.actionId === id)
  const outOfDate = useOutOfDate()
  const action = result?.actions.find((item) => item.id === id)
  return { running, stepped, outOfDate, status: action?.status, durationMs: action?.durationMs, summary: result && action ? actionSummary(result, action) : null }
}

const OUT_OF_DATE = 'Out of date: run again'

function ActionNodeView({ data, selected }: NodeProps<ActionFlowNode>) {
  const problems = useProblems(data.id)
  const errors = problems.filter((problem) => problem.severity === 'error')
  const run = useRunStatus(data.id)
  return (
    <div
      data-testid={`action-node-${data.id}`}
      data-enabled={data.enabled}
      style={{ width: NODE_WIDTH }}
      data-status={run.status ?? 'none'}
      className={`rounded-lg border bg-white px-3 py-2 shadow-sm dark:bg-slate-800 ${selected ? 'border-indigo-500 ring-2 ring-indigo-200 dark:ring-indigo-900' : 'border-slate-300 dark:border-slate-600'} ${run.stepped ? 'outline outline-2 outline-offset-2 outline-amber-400' : ''} ${data.enabled ? '' : 'opacity-60'}`}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} className="!bg-slate-400" />
      <div className="flex items-center gap-2">
        <span className="w-5 text-xs text-slate-400">{data.index + 1}</span>
        <span className={`min-w-0 flex-1 truncate text-sm font-medium ${data.enabled ? '' : 'line-through'}`} title={data.name}>{data.name}</span>
        {errors.length > 0 && (
          <span data-testid="problem-badge" title={errors.map((problem) => `Line ${problem.line}: ${problem.message}`).join('\n')} className="rounded-full bg-red-100 px-2 text-xs font-semibold text-red-700 dark:bg-red-900/60 dark:text-red-200">
            {errors.length} {errors.length === 1 ? 'problem' : 'problems'}
          </span>
        )}
        {!data.enabled && <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-500 dark:bg-slate-700 dark:text-slate-300">disabled</span>}
        {run.running && <span data-testid="node-running" className="h-3 w-3 animate-spin rounded-full border-2 border-indigo-400 border-t-transparent" aria-label="running" />}
        {!run.running && run.status && (
          <span data-testid="run-status" title={run.outOfDate ? OUT_OF_DATE : undefined} className={`rounded px-1.5 text-xs font-medium ${STATUS_STYLES[run.status]} ${run.outOfDate ? 'opacity-50 outline-1 outline-offset-1 outline-dashed outline-current' : ''}`}>
            {STATUS_LABELS[run.status]}{run.status === 'ok' || run.status === 'denied' || run.status === 'suspended' ? ` · ${run.durationMs! < 1 ? '<1' : Math.round(run.durationMs!)} ms` : ''}
            {run.outOfDate && <span className="sr-only"> ({OUT_OF_DATE})</span>}
          </span>
        )}
      </div>
      {run.summary && !run.running && <div data-testid="run-summary" className={`mt-0.5 truncate pl-7 text-xs text-slate-500 dark:text-slate-400 ${run.outOfDate ? 'opacity-50' : ''}`} title={run.summary}>{run.summary}</div>}
      <NodeToolbar position={Position.Right} className="flex flex-col rounded-md border border-slate-200 bg-white p-1 shadow-md dark:border-slate-700 dark:bg-slate-800">
        {ACTION_COMMANDS.map((id) => <CommandButton key={id} id={id} context={{ actionId: data.id }} className={TOOL_BUTTON} />)}
      </NodeToolbar>
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="!bg-slate-400" />
    </div>
  )
}

export const ActionNode = memo(ActionNodeView)
