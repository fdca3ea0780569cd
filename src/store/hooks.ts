/** Named selector hooks: components read only what they show, from the store of their provider. */
import { useShallow } from 'zustand/react/shallow'
import type { FlowAction } from '../engine/flowDocument.ts'
import { findAction } from './actionLookup.ts'
import { useStore } from './context.tsx'
import type { PlaygroundState } from './index.ts'
import { currentRun, isOutOfDate, runsHere } from './runSelectors.ts'
import {
  selectActions, selectCurrentId, selectDoc, selectEventError, selectEventText, selectFlowName, selectPlaygroundCount, selectSelectedAction,
} from './selectors.ts'

export { useStore, useStoreApi } from './context.tsx'

export const useActions = () => useStore(selectActions)
export const useAction = (id: string | null | undefined): FlowAction | undefined => useStore((state) => findAction(selectActions(state), id))
export const useFlowName = () => useStore(selectFlowName)
/** The id of the current document's trigger (src/triggers/). */
export const useTriggerId = () => useStore((state) => selectDoc(state).trigger)
export const useEvent = () => useStore((state) => selectDoc(state).event)
export const useHttpMocks = () => useStore((state) => selectDoc(state).mocks.http)
const NO_MODULES: Record<string, string> = {}
export const useModuleMocks = () => useStore((state) => selectDoc(state).mocks.modules ?? NO_MODULES)
export const useSelectedId = () => useStore((state) => state.selectedId)
export const useSelectedAction = (): FlowAction | undefined => useStore(selectSelectedAction)
/** The selected action's id when it names an action of the flow, else null. */
export const useSelectedActionId = (): string | null => useStore((state) => selectSelectedAction(state)?.id ?? null)
export const useEventText = () => useStore(selectEventText)
export const useEventError = () => useStore(selectEventError)
export const useCurrentId = () => useStore(selectCurrentId)
export const usePlaygroundCount = () => useStore(selectPlaygroundCount)
export const useDeleted = () => useStore((state) => state.deleted)
export const useNotice = () => useStore((state) => state.notice)
export const useSaveProblem = () => useStore((state) => state.saveProblem)
export const useGalleryOpen = () => useStore((state) => state.galleryOpen)
export const useShortcutsOpen = () => useStore((state) => state.shortcutsOpen)
export const useRememberSecrets = () => useStore((state) => state.rememberSecrets)
export const useInspectorTab = () => useStore((state) => state.inspectorTab)
export const useThemeChoice = () => useStore((state) => state.theme)
export const useTimeLimitMs = () => useStore((state) => state.timeLimitMs)
export const usePackageCdn = () => useStore((state) => state.packageCdn)
export const useTabMovesFocus = () => useStore((state) => state.tabMovesFocus)
export const useEditorFocusPending = () => useStore((state) => state.editorFocusPending)
/** Presenter mode: larger type, secrets hidden; the step's explanation is shown prominently. */
export const usePresenter = () => useStore((state) => state.presenter)
/** Whether the results show secret values in clear: revealed, and not in presenter mode. */
export const useSecretsShown = () => useStore((state) => state.secretsRevealed && !state.presenter)
export const useCodeFocus = () => useStore((state) => state.focus)
export const useStep = () => useStore((state) => state.step)
/** The current playground's latest run, its result, and the document that ran. */
export const useCurrentRun = () => useStore(currentRun)
export const useResult = () => useStore((state) => currentRun(state)?.result ?? null)
export const useRunDoc = () => useStore((state) => currentRun(state)?.doc ?? null)
/** The trigger of the document that ran, when the current playground has a run. */
export const useRunTriggerId = (): string | undefined => useStore((state) => currentRun(state)?.doc.trigger)
/** Whether the run in progress is the current playground's. */
export const useRunningHere = () => useStore(runsHere)
export const useOutOfDate = () => useStore(isOutOfDate)
/** Whether the current playground has run or is running: its results show. */
export const useRunStarted = () => useStore((state) => runsHere(state) || currentRun(state) !== null)
/** The name of the action the run in progress is running now. */
export const useRunningActionName = () => useStore(({ activeRun }) => (activeRun && findAction(activeRun.doc.actions, activeRun.actionId)?.name) ?? null)
/** Whether the action runs now in the current playground's run. */
export const useActionRunning = (id: string) => useStore((state) => runsHere(state) && state.activeRun?.actionId === id)
/** Whether the timeline entry stepped through now, or the step of the walk shown now, is the action's. */
export const useActionStepped = (id: string) => useStore((state) => {
  if (state.walk) return state.walk.actionId === id
  return state.step !== null && currentRun(state)?.result.timeline[state.step]?.actionId === id
})
/** The position in the walk through the latest run's statements, or null when not stepping through them. */
export const useWalkPosition = () => useStore((state) => state.walk?.index ?? null)
/** Whether the action has a value for that secret now. */
export const useSecretFilledIn = (id: string, secretName: string) => useStore((state) => !!findAction(selectActions(state), id)?.secrets[secretName])
/** Several values at once, re-rendering only when one of them changes. */
export const useShallowStore = <T extends object>(selector: (state: PlaygroundState) => T): T => useStore(useShallow(selector))

