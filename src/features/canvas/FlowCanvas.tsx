import {
  Background, Controls, ReactFlow, ReactFlowProvider, useReactFlow, type Edge, type FitViewOptions, type Node, type NodeChange, type NodeTypes,
} from '@xyflow/react'
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react'
import { addPaletteItem } from '../commands/flowCommands.ts'
import type { FlowAction } from '../../engine/flowDocument.ts'
import { useActions, useOutOfDate, useResult, useSelectedId, useStoreApi } from '../../store/hooks.ts'
import { PALETTE_MIME, readPaletteItem } from '../palette/paletteItems.ts'
import { ActionNode, type ActionFlowNode } from './ActionNode.tsx'
import { indexAt, rowY, slotAt, slotY } from './layout.ts'
import { SlotMarker, TerminalNode, type TerminalFlowNode } from './TerminalNode.tsx'

const nodeTypes: NodeTypes = { action: ActionNode, terminal: TerminalNode, slot: SlotMarker }
// Small margins, since the canvas can be a narrow column beside a wide code editor, with room on the right for
// the selected node's toolbar and below for the controls.
const FIT_VIEW: FitViewOptions = { padding: { left: '12px', right: '44px', top: '16px', bottom: '48px' }, maxZoom: 1 }
/**
 * From this many actions on, only the nodes in view are in the page, so that a flow of 1,000 actions stays
 * usable (smaller flows keep every node, for the accessibility tree and find-in-page), and the view fits the
 * start of the flow rather than all of it, which could not be read at any zoom.
 */
const BIG_FLOW = 50
const BIG_FLOW_FIRST_ROWS = 8

/** The ids of the nodes to fit, one a line; empty to fit them all. */
function nodesToFit(actions: FlowAction[]): string {
  return actions.length >= BIG_FLOW ? ['start', ...actions.slice(0, BIG_FLOW_FIRST_ROWS).map((action) => action.id)].join('\n') : ''
}

function fitOptions(nodes: string, duration?: number): FitViewOptions {
  return { ...FIT_VIEW, ...(nodes ? { nodes: nodes.split('\n').map((id) => ({ id })) } : {}), duration }
}

/** What a screen reader says of a node: its name, its place, and how it did in the last run. */
function nodeLabel(action: FlowAction, index: number, count: number, status: string | undefined, outOfDate: boolean): string {
  const state = [action.enabled ? null : 'disabled', status ? `last run: ${status}` : null, status && outOfDate ? 'out of date' : null].filter(Boolean)
  return `${action.name}, action ${index + 1} of ${count}${state.length ? `, ${state.join(', ')}` : ''}`
}

/** Where a node being dragged (reorder) or a palette item being dragged over (insert) would land. */
type DragState = { kind: 'palette'; slot: number } | { kind: 'node'; id: string; y: number; slot: number }

function Pipeline() {
  const store = useStoreApi()
  const actions = useActions()
  const selectedId = useSelectedId()
  const { screenToFlowPosition, fitView } = useReactFlow()
  const toFit = nodesToFit(actions)
  const fit = useMemo(() => fitOptions(toFit), [toFit])
  const refit = useMemo(() => fitOptions(toFit, 150), [toFit])
  const container = useRef<HTMLDivElement>(null)
  // Keep the whole pipeline in view when the canvas changes size (the results dock opens, the window resizes).
  useEffect(() => {
    let frame = 0
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => void fitView(refit))
    })
    observer.observe(container.current!)
    return () => { cancelAnimationFrame(frame); observer.disconnect() }
  }, [fitView, refit])
  // And when the pipeline grows or shrinks.
  useEffect(() => { void fitView(refit) }, [actions.length, fitView, refit])
  const [drag, setDrag] = useState<DragState | null>(null)
  // Nodes are derived from the flow, so the sizes React Flow measures are kept here and given back to them.
  const [measured, setMeasured] = useState<Record<string, { width: number; height: number }>>({})
  const result = useResult()
  const outOfDate = useOutOfDate()
  const statuses = useMemo(() => new Map(result?.actions.map((action) => [action.id, action.status])), [result])

  const nodes = useMemo(() => {
    const list: Node[] = [{ id: 'start', type: 'terminal', position: { x: 0, y: rowY(0) }, data: { kind: 'start' }, draggable: false, selectable: false, deletable: false, focusable: false } satisfies TerminalFlowNode]
    actions.forEach((action, index) => {
      const dragged = drag?.kind === 'node' && drag.id === action.id
      list.push({
        id: action.id,
        type: 'action',
        position: { x: 0, y: dragged ? drag.y : rowY(index + 1) },
        data: { id: action.id, name: action.name, enabled: action.enabled, index },
        ariaLabel: nodeLabel(action, index, actions.length, statuses.get(action.id), outOfDate),
        selected: action.id === selectedId,
        zIndex: dragged ? 10 : 1,
      } satisfies ActionFlowNode)
    })
    list.push({ id: 'complete', type: 'terminal', position: { x: 0, y: rowY(actions.length + 1) }, data: { kind: 'complete' }, draggable: false, selectable: false, deletable: false, focusable: false } satisfies TerminalFlowNode)
    if (drag) {
      const aboveHeight = measured[list[drag.slot].id]?.height ?? 0
      list.push({ id: 'slot', type: 'slot', position: { x: 0, y: slotY(drag.slot, aboveHeight) - 8 }, data: {}, draggable: false, selectable: false, deletable: false, focusable: false, zIndex: 20 })
    }
    return list.map((node) => (measured[node.id] ? { ...node, measured: measured[node.id] } : node))
  }, [actions, selectedId, drag, measured, statuses, outOfDate])

  const edges = useMemo(() => {
    const ids = ['start', ...actions.map((action) => action.id), 'complete']
    // Edges are lit up to where the last run stopped; the edge into Complete only when the login completed.
    const ran = (id: string) => id === 'start' || (id === 'complete' ? result?.status === 'completed' : ['ok', 'denied', 'failed', 'suspended', 'disabled'].includes(statuses.get(id) ?? ''))
    return ids.slice(1).map((target, index): Edge => {
      const lit = !!result && ran(ids[index]) && ran(target) && statuses.get(ids[index]) !== 'denied' && statuses.get(ids[index]) !== 'failed' && statuses.get(ids[index]) !== 'suspended'
      return { id: `${ids[index]}->${target}`, source: ids[index], target, type: 'smoothstep', animated: lit, style: lit ? { stroke: '#6366f1', strokeWidth: 2 } : undefined, data: { lit } }
    })
  }, [actions, result, statuses])

  const onNodesChange = useCallback((changes: NodeChange[]) => {
    const sizes: Record<string, { width: number; height: number }> = {}
    for (const change of changes) {
      if (change.type === 'dimensions' && change.dimensions) sizes[change.id] = change.dimensions
      if (change.type === 'position' && change.position && change.dragging) {
        // The slot among the other actions where the dragged one would land, shown by the insertion marker.
        const target = indexAt(change.position.y, actions.length)
        const from = actions.findIndex((action) => action.id === change.id)
        setDrag({ kind: 'node', id: change.id, y: change.position.y, slot: target > from ? target + 1 : target })
      }
      if (change.type === 'select' && change.selected) {
        const { select, showTab, inspectorTab } = store.getState()
        select(change.id)
        // The action's own tabs are what a click on it should open.
        if (inspectorTab !== 'code' && inspectorTab !== 'secrets') showTab('code')
      }
    }
    if (Object.keys(sizes).length) setMeasured((previous) => ({ ...previous, ...sizes }))
  }, [actions, store])

  const onNodeDragStop = useCallback((_event: unknown, node: Node) => {
    setDrag(null)
    store.getState().moveAction(node.id, indexAt(node.position.y, actions.length))
  }, [actions.length, store])

  const slotFor = (event: DragEvent) => slotAt(screenToFlowPosition({ x: event.clientX, y: event.clientY }).y, actions.length)

  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return
    event.preventDefault()
    event.dataTransfer.dropEffect = 'copy'
    const slot = slotFor(event)
    if (drag?.kind !== 'palette' || drag.slot !== slot) setDrag({ kind: 'palette', slot })
  }

  const onDrop = (event: DragEvent) => {
    const item = readPaletteItem(event.dataTransfer.getData(PALETTE_MIME))
    setDrag(null)
    if (!item) return
    event.preventDefault()
    void addPaletteItem(store, item, slotFor(event))
  }

  return (
    <div
      ref={container}
      data-testid="flow-canvas"
      className="relative h-full w-full"
      onDragOver={onDragOver}
      onDragLeave={(event) => { if (!event.currentTarget.contains(event.relatedTarget as globalThis.Node | null)) setDrag(null) }}
      onDrop={onDrop}
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onNodeDragStop={onNodeDragStop}
        onPaneClick={() => store.getState().select(null)}
        // Delete and Backspace are the command registry's (they remove the selected action, with undo).
        deleteKeyCode={null}
        nodesConnectable={false}
        edgesFocusable={false}
        fitView
        fitViewOptions={fit}
        onlyRenderVisibleElements={actions.length >= BIG_FLOW}
        minZoom={0.3}
        maxZoom={1.5}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} />
        <Controls showInteractive={false} orientation="horizontal" />
      </ReactFlow>
      {actions.length === 0 && (
        <p className="pointer-events-none absolute inset-x-0 top-1/2 mx-auto w-fit -translate-y-1/2 rounded-md border border-dashed border-slate-300 bg-white/90 px-4 py-3 text-sm text-slate-500 dark:border-slate-600 dark:bg-slate-900/90 dark:text-slate-400">
          Drag an action here or press + in the palette
        </p>
      )}
    </div>
  )
}

/** The Login flow as a vertical pipeline: drag actions from the palette in, drag them to reorder. */
export function FlowCanvas() {
  return (
    <ReactFlowProvider>
      <Pipeline />
    </ReactFlowProvider>
  )
}
