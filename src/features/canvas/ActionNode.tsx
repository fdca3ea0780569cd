import { Handle, NodeToolbar, Position, type Node, type NodeProps } from '@xyflow/react'
import { memo } from 'react'
import { useActionRunning, useActionStepped, useOutOfDate, useResult } from '../../store/hooks.ts'
import { useProblems } from '../problems/problemChecks.ts'
import { CommandButton } from '../commands/CommandButton.tsx'
import { ACTION_COMMANDS } from '../commands/commands.ts'
import { indexById } from '../../store/actionLookup.ts'
import { NODE_WIDTH } from './layout.ts'
import { lazyModule } from '../ui/lazyModule.ts'

// The one-line summaries of a run load after the page has painted, not with it.
const summaries = lazyModule(() => import('../run/actionSummary.ts'))

export type ActionNodeData = { id: string; name: string; enabled: boolean; index: number }
export type ActionFlowNode = Node<ActionNodeData, 'action'>

// Icons, so that the toolbar fits the margin fitView keeps beside the node on a narrow canvas.
const TOOL_BUTTON = 'h-6 w-6 rounded text-sm leading-none text-slate-700 hover:bg-slate-100 hover:text-slate-900 disabled:opacity-30 dark:text-slate-200 dark:hover:bg-slate-700 dark:hover:text-white'


const STATUS_STYLES: Record<string, string> = {
  ok: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-200',
  denied: 'bg-red-100 text-red-800 dark:bg-red-900/60 dark:text-red-200',
  failed: 'bg-red-100 text-red-800 dark:bg-red-900/60 dark:text-red-200',
  suspended: 'bg-amber-100 text-amber-800 dark:bg-amber-900/60 dark:text-amber-200',
  skipped: 'bg-slate-100 text-slate-600 dark:bg-slate-700 dark:text-slate-300',
  pending: 'bg-slate-100 text-slate-600 dark:bg-slate-700 dark:text-slate-300',
  disabled: 'bg-slate-100 text-slate-600 dark:bg-slate-700 dark:text-slate-300',
}

const STATUS_LABELS: Record<string, string> = { ok: 'ok', denied: 'denied', failed: 'failed', suspended: 'suspended', skipped: 'skipped', pending: 'not run yet', disabled: 'not run' }

/** The action's outcome in the last run, with its one-line summary. */
function useRunStatus(id: string) {
  const result = useResult()
  const running = useActionRunning(id)
  const stepped = useActionStepped(id)
  const outOfDate = useOutOfDate()
  const action = result?.actions[indexById(result.actions, id)]
  const summarize = summaries.use()?.actionSummary
  return { running, stepped, outOfDate, status: action?.status, durationMs: action?.durationMs, summary: result && action && summarize ? summarize(result, action) : null }
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
      <div className="flex items-start gap-2">
        <span className="w-5 shrink-0 text-xs leading-5 text-slate-600 dark:text-slate-400">{data.index + 1}</span>
        {/* Two lines at most; the full name is in the title and in the node's accessible name. */}
        <span className={`line-clamp-2 min-w-0 flex-1 text-sm leading-5 font-medium break-words ${data.enabled ? '' : 'line-through'}`} title={data.name}>{data.name}</span>
        {errors.length > 0 && (
          <span data-testid="problem-badge" title={errors.map((problem) => `Line ${problem.line}: ${problem.message}`).join('\n')} className="shrink-0 rounded-full bg-red-100 px-2 text-xs leading-5 font-semibold text-red-700 dark:bg-red-900/60 dark:text-red-200">
            {errors.length} {errors.length === 1 ? 'problem' : 'problems'}
          </span>
        )}
        {!data.enabled && <span className="shrink-0 rounded bg-slate-100 px-1.5 text-xs leading-5 text-slate-600 dark:bg-slate-700 dark:text-slate-300">disabled</span>}
      </div>
      {(run.running || run.status) && (
        <div className={`mt-1 flex items-center gap-2 pl-7 text-xs ${run.outOfDate ? 'opacity-60' : ''}`}>
          {run.running && <span data-testid="node-running" className="h-3 w-3 animate-spin rounded-full border-2 border-indigo-400 border-t-transparent" aria-label="running" />}
          {!run.running && run.status && (
            <span data-testid="run-status" title={run.outOfDate ? OUT_OF_DATE : undefined} className={`shrink-0 rounded px-1.5 font-medium ${STATUS_STYLES[run.status]} ${run.outOfDate ? 'outline-1 outline-offset-1 outline-dashed outline-current' : ''}`}>
              {STATUS_LABELS[run.status]}{run.status === 'ok' || run.status === 'denied' || run.status === 'suspended' ? ` · ${run.durationMs! < 1 ? '<1' : Math.round(run.durationMs!)} ms` : ''}
              {run.outOfDate && <span className="sr-only"> ({OUT_OF_DATE})</span>}
            </span>
          )}
          {run.summary && !run.running && <span data-testid="run-summary" className="min-w-0 truncate text-slate-600 dark:text-slate-400" title={run.summary}>{run.summary}</span>}
        </div>
      )}
      <NodeToolbar position={Position.Right} offset={6} className="flex flex-col gap-0.5 rounded-md border border-slate-200 bg-white p-0.5 shadow-md dark:border-slate-700 dark:bg-slate-800">
        {ACTION_COMMANDS.map((id) => <CommandButton key={id} id={id} context={{ actionId: data.id }} className={TOOL_BUTTON} iconOnly />)}
      </NodeToolbar>
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="!bg-slate-400" />
    </div>
  )
}

export const ActionNode = memo(ActionNodeView)
