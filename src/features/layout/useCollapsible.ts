import { useCallback, useRef, useState, type RefObject } from 'react'
import { usePanelRef, type GroupImperativeHandle, type Layout, type PanelSize } from 'react-resizable-panels'

/**
 * A collapsible panel: whether it is collapsed, and a toggle for the buttons that hide and show it.
 * Shown again, it gets the width it had (or `openSize` after a reload, where a collapsed panel has no width to go back to).
 */
export function useCollapsible(group: RefObject<GroupImperativeHandle | null>, remember: (layout: Layout) => void, openSize: string) {
  const ref = usePanelRef()
  const [collapsed, setCollapsed] = useState(false)
  const lastOpen = useRef<number | null>(null)
  const onResize = useCallback((size: PanelSize) => {
    const isCollapsed = ref.current?.isCollapsed() ?? false
    if (!isCollapsed) lastOpen.current = size.inPixels
    setCollapsed(isCollapsed)
  }, [ref])
  const toggle = useCallback(() => {
    const panel = ref.current
    if (!panel) return
    if (panel.isCollapsed()) panel.resize(lastOpen.current ?? openSize)
    else panel.collapse()
    if (group.current) remember(group.current.getLayout())
  }, [ref, group, remember, openSize])
  return { ref, collapsed, onResize, toggle }
}
