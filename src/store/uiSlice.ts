/** What the designer shows: the selected action, the inspector tab, the theme. */
import type { StateCreator } from 'zustand'
import type { PlaygroundState } from './index.ts'

export type InspectorTab = 'code' | 'event' | 'secrets' | 'mocks'
export type ThemeChoice = 'system' | 'light' | 'dark'

export interface UiSlice {
  selectedId: string | null
  inspectorTab: InspectorTab
  theme: ThemeChoice
  select(id: string | null): void
  showTab(tab: InspectorTab): void
  setTheme(theme: ThemeChoice): void
}

export const createUiSlice: StateCreator<PlaygroundState, [], [], UiSlice> = (set) => ({
  selectedId: null, // the store selects the first action when it is created
  inspectorTab: 'code',
  theme: 'system',
  select: (id) => set({ selectedId: id }),
  showTab: (tab) => set({ inspectorTab: tab }),
  setTheme: (theme) => set({ theme }),
})
