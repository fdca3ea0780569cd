/** What the designer shows: the selected action, the inspector tab, the theme, presenter mode. */
import type { StateCreator } from 'zustand'
import { DEFAULT_PACKAGE_CDN } from '../runtime/packages/cdnSetting.ts'
import type { PlaygroundState } from './index.ts'

/** Where this browser keeps its package CDN setting (a setting of the browser, not of a playground). */
export const PACKAGE_CDN_KEY = 'actions-playground:package-cdn'

function storedPackageCdn(): string {
  try {
    return localStorage.getItem(PACKAGE_CDN_KEY) || DEFAULT_PACKAGE_CDN
  } catch {
    return DEFAULT_PACKAGE_CDN
  }
}

export type InspectorTab = 'code' | 'event' | 'secrets' | 'dependencies' | 'mocks' | 'modules'
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
  /** The package CDN's base URL, where the page fetches npm packages outside the curated offline set. */
  packageCdn: string
  /** Presenter mode: larger type, and secret values hidden everywhere (nothing reveals them); like the theme, for this page only. */
  presenter: boolean
  /** Secret values shown in clear in the results (never in presenter mode). */
  secretsRevealed: boolean
  /** The playgrounds whose example lesson was collapsed in this page. */
  collapsedLessons: readonly string[]
  select(id: string | null): void
  showTab(tab: InspectorTab): void
  setTheme(theme: ThemeChoice): void
  setTabMovesFocus(on: boolean): void
  setShortcutsOpen(open: boolean): void
  /** Selects the action, shows its code and puts the focus in the editor. */
  editCode(id: string): void
  editorFocused(): void
  /** Sets (and remembers in this browser) the package CDN; an empty value goes back to the default. */
  setPackageCdn(url: string): void
  setPresenter(on: boolean): void
  setSecretsRevealed(revealed: boolean): void
  setLessonCollapsed(playgroundId: string, collapsed: boolean): void
}

export const createUiSlice: StateCreator<PlaygroundState, [], [], UiSlice> = (set, get) => ({
  selectedId: null, // the store selects the first action when it is created
  inspectorTab: 'code',
  theme: 'system',
  tabMovesFocus: false,
  shortcutsOpen: false,
  editorFocusPending: false,
  packageCdn: storedPackageCdn(),
  presenter: false,
  secretsRevealed: false,
  collapsedLessons: [],
  select: (id) => set({ selectedId: id }),
  showTab: (tab) => set({ inspectorTab: tab }),
  setTheme: (theme) => set({ theme }),
  setTabMovesFocus: (on) => set({ tabMovesFocus: on }),
  setShortcutsOpen: (open) => set({ shortcutsOpen: open }),
  editCode: (id) => set({ selectedId: id, inspectorTab: 'code', editorFocusPending: true }),
  editorFocused: () => set({ editorFocusPending: false }),
  setPackageCdn: (url) => {
    const packageCdn = url.trim().replace(/\/+$/, '') || DEFAULT_PACKAGE_CDN
    try {
      if (packageCdn === DEFAULT_PACKAGE_CDN) localStorage.removeItem(PACKAGE_CDN_KEY)
      else localStorage.setItem(PACKAGE_CDN_KEY, packageCdn)
    } catch { /* storage blocked: remembered until the page closes */ }
    set({ packageCdn })
  },
  setPresenter: (on) => set({ presenter: on }),
  setSecretsRevealed: (revealed) => set({ secretsRevealed: revealed }),
  setLessonCollapsed: (playgroundId, collapsed) => {
    const others = get().collapsedLessons.filter((id) => id !== playgroundId)
    set({ collapsedLessons: collapsed ? [...others, playgroundId] : others })
  },
})
