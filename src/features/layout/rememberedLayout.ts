/**
 * Panel sizes are a preference of this browser, not part of the flow: the library keeps them in localStorage.
 * Only what the user chose is saved, so a first visit gets the default sizes worked out for its own window.
 */
import { useCallback } from 'react'
import { useDefaultLayout, type Layout } from 'react-resizable-panels'

export function useRememberedLayout(id: string, panelIds?: string[]) {
  const { defaultLayout, onLayoutChanged } = useDefaultLayout({ id, panelIds, onlySaveAfterUserInteractions: true, storage: localStorage })
  // A collapse button is the user's choice too, though the library only sees an imperative call.
  const remember = useCallback((layout: Layout) => onLayoutChanged(layout, { isUserInteraction: true }), [onLayoutChanged])
  return { defaultLayout, onLayoutChanged, remember }
}
