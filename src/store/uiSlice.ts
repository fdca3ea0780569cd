/** What the designer shows: the selected action, the inspector tab, the theme. */
import type { StateCreator } from 'zustand'
import type { PlaygroundState } from './index.ts'

export type InspectorTab = 'code' | 'event' | 'secrets' | 'dependencies' | 'mocks'
export type ThemeChoice = 'system' | 'light' | 'dark'

export interface UiSlice {
  selectedId: string | null
  inspectorTab: InspectorTab
  theme: ThemeChoice
  /** Monaco's tab focus mode: Tab moves the focus out of an editor instead of indenting. */
  tabMovesFocus: boolean
  shortcutsOpen: boolean
  /** The code editor takes the keyboard focus when it shows next (or now, when it is shown). */
  editorFocusPending: boolean
  select(id: string | null): void
  showTab(tab: InspectorTab): void
  setTheme(theme: ThemeChoice): void
  setTabMovesFocus(on: boolean): void
  setShortcutsOpen(open: boolean): void
  /** Selects the action, shows its code and puts the focus in the editor. */
  editCode(id: string): void
  editorFocused(): void
}

export const createUiSlice: StateCreator<PlaygroundState, [], [], UiSlice> = (set) => ({
  selectedId: null, // the store selects the first action when it is created
  inspectorTab: 'code',
  theme: 'system',
  tabMovesFocus: false,
  shortcutsOpen: false,
  editorFocusPending: false,
  select: (id) => set({ selectedId: id }),
  showTab: (tab) => set({ inspectorTab: tab }),
  setTheme: (theme) => set({ theme }),
  setTabMovesFocus: (on) => set({ tabMovesFocus: on }),
  setShortcutsOpen: (open) => set({ shortcutsOpen: open }),
  editCode: (id) => set({ selectedId: id, inspectorTab: 'code', editorFocusPending: true }),
  editorFocused: () => set({ editorFocusPending: false }),
})
