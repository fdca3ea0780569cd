/** What the designer shows: the selected action, the inspector tab, the theme. */
import type { StateCreator } from 'zustand'
import type { PlaygroundState } from './index.ts'

export type InspectorTab = 'code' | 'event' | 'secrets' | 'mocks'
export type ThemeChoice = 'system' | 'light' | 'dark'

export interface UiSlice {
  selectedId: string | null
  inspectorTab: InspectorTab
  theme: ThemeChoice
  /** Monaco's tab focus mode: Tab moves the focus out of an editor instead of indenting. */
  tabMovesFocus: boolean
  shortcutsOpen: boolean
  select(id: string | null): void
  showTab(tab: InspectorTab): void
  setTheme(theme: ThemeChoice): void
  setTabMovesFocus(on: boolean): void
  setShortcutsOpen(open: boolean): void
}

export const createUiSlice: StateCreator<PlaygroundState, [], [], UiSlice> = (set) => ({
  selectedId: null, // the store selects the first action when it is created
  inspectorTab: 'code',
  theme: 'system',
  tabMovesFocus: false,
  shortcutsOpen: false,
  select: (id) => set({ selectedId: id }),
  showTab: (tab) => set({ inspectorTab: tab }),
  setTheme: (theme) => set({ theme }),
  setTabMovesFocus: (on) => set({ tabMovesFocus: on }),
  setShortcutsOpen: (open) => set({ shortcutsOpen: open }),
})
