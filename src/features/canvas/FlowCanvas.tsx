import { Background, ReactFlow, type Edge, type Node } from '@xyflow/react'

const nodes: Node[] = [
  { id: 'start', position: { x: 0, y: 0 }, data: { label: 'Start: user logged in' }, type: 'input', draggable: false, deletable: false },
  { id: 'complete', position: { x: 0, y: 160 }, data: { label: 'Complete: token issued' }, type: 'output', draggable: false, deletable: false },
]
const edges: Edge[] = [{ id: 'start-complete', source: 'start', target: 'complete' }]

/** The Login flow as a vertical pipeline. For now only its pinned ends. */
export function FlowCanvas() {
  return (
    <div data-testid="flow-canvas" className="h-full w-full">
      <ReactFlow nodes={nodes} edges={edges} fitView proOptions={{ hideAttribution: true }}>
        <Background />
      </ReactFlow>
    </div>
  )
}
