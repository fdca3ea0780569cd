/**
 * The designer's panels: palette | canvas | inspector, and the results below once a flow has run. Each can be
 * resized with the mouse or the keyboard; the palette, the inspector and the results can be collapsed. Sizes are
 * remembered in this browser.
 */
import { lazy, Suspense, useState } from 'react'
import { Group, Panel, useGroupRef } from 'react-resizable-panels'
import { useRunStarted } from '../../store/hooks.ts'
import { FlowCanvas } from '../canvas/FlowCanvas.tsx'
import { ResultsDock } from '../results/ResultsDock.tsx'
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx'
import { PanelRail } from './PanelToggles.tsx'
import { ResizeHandle } from './ResizeHandle.tsx'
import { CANVAS_MIN_WIDTH, INSPECTOR_MIN_WIDTH, inspectorWidth, PALETTE_WIDTH, RESULTS_HEIGHT } from './sizes.ts'
import { useCollapsible } from './useCollapsible.ts'
import { useRememberedLayout } from './rememberedLayout.ts'
import { REGION } from '../commands/regions.ts'

const RAIL = '28px'

// Only the canvas is in the page's first JavaScript: the palette and the inspector load right after it paints.
const Palette = lazy(() => import('../palette/Palette.tsx').then((module) => ({ default: module.Palette })))
const Inspector = lazy(() => import('../inspector/Inspector.tsx').then((module) => ({ default: module.Inspector })))
// An example's lesson, above the designer of a playground opened from the gallery: the results keep their room.
const Lesson = lazy(() => import('../lessons/Lesson.tsx'))

function Loading({ what }: { what: string }) {
  return <p className="p-3 text-sm text-slate-600 dark:text-slate-400">Loading the {what}…</p>
}

const ROWS_WITHOUT_RESULTS = ['layout-designer']
const ROWS_WITH_RESULTS = ['layout-designer', 'layout-results']

function Columns() {
  const group = useGroupRef()
  const { defaultLayout, onLayoutChanged, remember } = useRememberedLayout('actions-playground-columns')
  // The palette and the inspector keep their pixel widths when the window resizes: the canvas takes the rest.
  const [inspectorDefault] = useState(() => `${inspectorWidth(window.innerWidth)}px`)
  const palette = useCollapsible(group, remember, `${PALETTE_WIDTH}px`)
  const inspector = useCollapsible(group, remember, inspectorDefault)
  return (
    <Group id="actions-playground-columns" groupRef={group} defaultLayout={defaultLayout} onLayoutChanged={onLayoutChanged}>
      <Panel
        id="layout-palette" panelRef={palette.ref} onResize={palette.onResize} defaultSize={`${PALETTE_WIDTH}px`} minSize="160px" maxSize="480px"
        collapsible collapsedSize={RAIL} groupResizeBehavior="preserve-pixel-size"
      >
        {palette.collapsed && <PanelRail name="palette" arrow="right" onOpen={palette.toggle} />}
        <div hidden={palette.collapsed} className="h-full"><ErrorBoundary name="palette"><Suspense fallback={<Loading what="palette" />}><Palette onHide={palette.toggle} /></Suspense></ErrorBoundary></div>
      </Panel>
      <ResizeHandle label="Resize the palette" direction="columns" />
      <Panel id="layout-canvas" minSize={`${CANVAS_MIN_WIDTH}px`}>
        <section {...REGION} aria-label="Login flow" className="h-full min-w-0">
          <ErrorBoundary name="canvas"><FlowCanvas /></ErrorBoundary>
        </section>
      </Panel>
      <ResizeHandle label="Resize the inspector" direction="columns" />
      <Panel
        id="layout-inspector" panelRef={inspector.ref} onResize={inspector.onResize} defaultSize={inspectorDefault} minSize={`${INSPECTOR_MIN_WIDTH}px`}
        collapsible collapsedSize={RAIL} groupResizeBehavior="preserve-pixel-size"
      >
        {inspector.collapsed && <PanelRail name="inspector" arrow="left" onOpen={inspector.toggle} />}
        <div hidden={inspector.collapsed} className="h-full"><ErrorBoundary name="inspector"><Suspense fallback={<Loading what="inspector" />}><Inspector onHide={inspector.toggle} /></Suspense></ErrorBoundary></div>
      </Panel>
    </Group>
  )
}

export function Workspace() {
  const started = useRunStarted()
  const group = useGroupRef()
  const { defaultLayout, onLayoutChanged, remember } = useRememberedLayout('actions-playground-rows', started ? ROWS_WITH_RESULTS : ROWS_WITHOUT_RESULTS)
  const results = useCollapsible(group, remember, RESULTS_HEIGHT)
  return (
    <Group id="actions-playground-rows" orientation="vertical" groupRef={group} defaultLayout={defaultLayout} onLayoutChanged={onLayoutChanged}>
      <Panel id="layout-designer" minSize="200px">
        <div className="flex h-full flex-col">
          <ErrorBoundary name="lesson"><Suspense fallback={null}><Lesson /></Suspense></ErrorBoundary>
          <div className="min-h-0 flex-1"><Columns /></div>
        </div>
      </Panel>
      {started && (
        <>
          <ResizeHandle label="Resize the results" direction="rows" />
          <Panel
            id="layout-results" panelRef={results.ref} onResize={results.onResize} defaultSize={RESULTS_HEIGHT} minSize="120px"
            collapsible collapsedSize="32px"
          >
            {results.collapsed && <PanelRail name="results" arrow="up" onOpen={results.toggle} />}
            <div hidden={results.collapsed} className="h-full"><ErrorBoundary name="results"><ResultsDock onHide={results.toggle} /></ErrorBoundary></div>
          </Panel>
        </>
      )}
    </Group>
  )
}
