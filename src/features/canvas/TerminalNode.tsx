import { Handle, Position, type Node, type NodeProps } from '@xyflow/react'
import { memo } from 'react'
import { NODE_WIDTH } from './layout.ts'
import { useTriggerId } from '../../store/hooks.ts'
import { useTrigger } from '../triggers/triggerCatalog.ts'
import { LOGIN_WORDS } from '../run/runHeadline.ts'

export type TerminalNodeData = { kind: 'start' | 'complete' }
export type TerminalFlowNode = Node<TerminalNodeData, 'terminal'>

const TITLES = { start: 'Start', complete: 'Complete' }

function TerminalNodeView({ data }: NodeProps<TerminalFlowNode>) {
  const words = useTrigger(useTriggerId())?.words ?? LOGIN_WORDS
  const label = { title: TITLES[data.kind], detail: words[data.kind] }
  return (
    <div data-testid={`terminal-${data.kind}`} style={{ width: NODE_WIDTH }} className="rounded-full border border-slate-300 bg-slate-100 px-4 py-1.5 text-center text-sm dark:border-slate-600 dark:bg-slate-900">
      {data.kind === 'complete' && <Handle type="target" position={Position.Top} isConnectable={false} className="!bg-slate-400" />}
      <span className="font-semibold">{label.title}</span>
      <span className="ml-2 text-slate-600 dark:text-slate-400">{label.detail}</span>
      {data.kind === 'start' && <Handle type="source" position={Position.Bottom} isConnectable={false} className="!bg-slate-400" />}
    </div>
  )
}

export const TerminalNode = memo(TerminalNodeView)

export function SlotMarker() {
  return (
    <div data-testid="insertion-marker" style={{ width: NODE_WIDTH }} className="pointer-events-none flex items-center gap-2">
      <div className="h-0.5 flex-1 rounded bg-indigo-500" />
      <span className="text-xs font-medium text-indigo-700 dark:text-indigo-300">insert here</span>
      <div className="h-0.5 flex-1 rounded bg-indigo-500" />
    </div>
  )
}
