/**
 * Every command of the designer, in one registry: menus, the node toolbar, the inspector's buttons, the
 * keyboard shortcuts and their help are all built from it. A command that works on one action takes it
 * from the context (the node or inspector it was invoked from) or, from the keyboard, the selected action.
 */
import { nudgeAction, removeAction } from './flowCommands.ts'
import { indexById } from '../../store/actionLookup.ts'
import type { PlaygroundState, PlaygroundStore } from '../../store/index.ts'
import { runsHere } from '../../store/runSelectors.ts'
import { selectActions } from '../../store/selectors.ts'
import { runBlocker } from '../run/runBlocker.ts'
import { runCurrentFlow, stopRun } from '../run/running.ts'
import { focusRegion } from './regions.ts'

export interface CommandContext {
  /** The action a node's or the inspector's button stands for; keys use the selected action. */
  actionId?: string | null
}

export type CommandGroup = 'Run' | 'Flow' | 'Editor and focus' | 'View' | 'Playgrounds' | 'Files' | 'Help'

export interface Command {
  id: string
  label: string | ((state: PlaygroundState, context: CommandContext) => string)
  /** A one-character icon where a button has no room for the label (the node toolbar); the label stays its name. */
  icon?: string | ((state: PlaygroundState, context: CommandContext) => string)
  /** Chords in the form of `./keys.ts`; the first is the one menus show. */
  keys?: string[]
  /** The keys work inside the editors and fields too (Run does; Delete must not). */
  inEditors?: boolean
  group: CommandGroup
  enabled?(state: PlaygroundState, context: CommandContext): boolean
  /** Runs the command on `store`, whose state was `state` when it was asked to. */
  run(state: PlaygroundState, context: CommandContext, store: PlaygroundStore): unknown
}

/** The action a command works on: the one it was invoked for, or the selected one. */
export function targetAction(state: PlaygroundState, context: CommandContext) {
  const id = context.actionId ?? state.selectedId
  const actions = selectActions(state)
  const index = indexById(actions, id)
  return index < 0 ? null : { action: actions[index], index, count: actions.length }
}

const hasAction = (state: PlaygroundState, context: CommandContext) => targetAction(state, context) !== null

/** Import and export (share/flowFiles.ts) load with their first use, not with the page. */
function withFiles(use: (files: typeof import('../share/flowFiles.ts')) => unknown): Promise<unknown> {
  return import('../share/flowFiles.ts').then(use)
}

export const COMMANDS = [
  { id: 'run', label: 'Run the flow', keys: ['Mod+Enter'], inEditors: true, group: 'Run', enabled: (state) => !runBlocker(state), run: (_state, _context, store) => runCurrentFlow(store) },
  {
    id: 'runAction', icon: '▷', label: 'Run this action only', keys: ['Mod+Shift+Enter'], inEditors: true, group: 'Run',
    enabled: (state, context) => !runBlocker(state) && hasAction(state, context),
    run: (state, context, store) => runCurrentFlow(store, targetAction(state, context)!.action.id),
  },
  { id: 'stop', label: 'Stop the run', group: 'Run', enabled: runsHere, run: (_state, _context, store) => stopRun(store) },
  { id: 'undo', label: 'Undo', keys: ['Mod+Z'], group: 'Flow', enabled: (state) => state.past.length > 0, run: (state) => state.undo() },
  { id: 'redo', label: 'Redo', keys: ['Mod+Shift+Z', 'Mod+Y'], group: 'Flow', enabled: (state) => state.future.length > 0, run: (state) => state.redo() },
  {
    id: 'moveUp', icon: '↑', label: 'Move up', keys: ['Alt+ArrowUp'], group: 'Flow',
    enabled: (state, context) => (targetAction(state, context)?.index ?? 0) > 0,
    run: (state, context, store) => nudgeAction(store, targetAction(state, context)!.action.id, -1),
  },
  {
    id: 'moveDown', icon: '↓', label: 'Move down', keys: ['Alt+ArrowDown'], group: 'Flow',
    enabled: (state, context) => { const target = targetAction(state, context); return !!target && target.index < target.count - 1 },
    run: (state, context, store) => nudgeAction(store, targetAction(state, context)!.action.id, 1),
  },
  { id: 'editCode', icon: '✎', label: 'Edit the code', keys: ['Mod+E'], group: 'Flow', enabled: hasAction, run: (state, context) => state.editCode(targetAction(state, context)!.action.id) },
  { id: 'duplicate', icon: '❐', label: 'Duplicate', group: 'Flow', enabled: hasAction, run: (state, context) => state.duplicateAction(targetAction(state, context)!.action.id) },
  {
    id: 'toggleEnabled', icon: (state, context) => (targetAction(state, context)?.action.enabled === false ? '✓' : '⊘'), label: (state, context) => (targetAction(state, context)?.action.enabled === false ? 'Enable' : 'Disable'), keys: ['Mod+Shift+D'], group: 'Flow',
    enabled: hasAction, run: (state, context) => state.toggleAction(targetAction(state, context)!.action.id),
  },
  { id: 'remove', icon: '✕', label: 'Remove', keys: ['Delete', 'Backspace'], group: 'Flow', enabled: hasAction, run: (state, context, store) => removeAction(store, targetAction(state, context)!.action.id) },
  { id: 'nextRegion', label: 'Next area of the page (also leaves an editor)', keys: ['F6'], inEditors: true, group: 'Editor and focus', run: () => focusRegion(1) },
  { id: 'previousRegion', label: 'Previous area of the page', keys: ['Shift+F6'], inEditors: true, group: 'Editor and focus', run: () => focusRegion(-1) },
  {
    id: 'tabMovesFocus', label: (state) => (state.tabMovesFocus ? 'Tab key: insert a tab again' : 'Tab key: move focus out of the editor'), keys: ['Ctrl+M'], inEditors: true, group: 'Editor and focus',
    run: (state) => state.setTabMovesFocus(!state.tabMovesFocus),
  },
  { id: 'presenter', label: 'Presenter mode (larger type, secrets hidden)', keys: ['Shift+P'], group: 'View', run: (state) => state.setPresenter(!state.presenter) },
  { id: 'newPlayground', label: 'New playground', group: 'Playgrounds', run: (state) => state.newPlayground() },
  { id: 'examples', label: 'Examples…', group: 'Playgrounds', run: (state) => state.setGalleryOpen(true) },
  { id: 'importFile', label: 'Import a flow file…', group: 'Files', run: (_state, _context, store) => withFiles((files) => files.pickFlowFile(store)) },
  { id: 'importZip', label: 'Import a zip (Deploy CLI or flow)…', group: 'Files', run: (_state, _context, store) => withFiles((files) => files.pickZip(store)) },
  { id: 'importFolder', label: 'Import a folder (Deploy CLI or flow)…', group: 'Files', run: (_state, _context, store) => withFiles((files) => files.pickFolder(store)) },
  { id: 'exportFlow', label: 'Export the flow file', group: 'Files', run: (_state, _context, store) => withFiles((files) => files.exportFlowFile(store, false)) },
  { id: 'exportWithSecrets', label: 'Export with secret values', group: 'Files', run: (_state, _context, store) => withFiles((files) => files.exportFlowFile(store, true)) },
  { id: 'exportDeploy', label: 'Export for the Auth0 Deploy CLI (.zip)', group: 'Files', run: (_state, _context, store) => withFiles((files) => files.exportDeployCli(store)) },
  { id: 'shortcuts', label: 'Keyboard shortcuts', keys: ['?'], group: 'Help', run: (state) => state.setShortcutsOpen(true) },
] as const satisfies readonly Command[]

export type CommandId = (typeof COMMANDS)[number]['id']

/** What can be done to one action: its node's toolbar and the inspector's header. */
export const ACTION_COMMANDS = ['editCode', 'runAction', 'moveUp', 'moveDown', 'duplicate', 'toggleEnabled', 'remove'] as const satisfies readonly CommandId[]

const BY_ID = new Map<string, Command>(COMMANDS.map((command) => [command.id, command]))

export function getCommand(id: CommandId): Command {
  return BY_ID.get(id)!
}

export function labelOf(command: Command, state: PlaygroundState, context: CommandContext = {}): string {
  return typeof command.label === 'function' ? command.label(state, context) : command.label
}

export function iconOf(command: Command, state: PlaygroundState, context: CommandContext = {}): string | null {
  return typeof command.icon === 'function' ? command.icon(state, context) : command.icon ?? null
}

export function isEnabled(command: Command, state: PlaygroundState, context: CommandContext = {}): boolean {
  return command.enabled?.(state, context) ?? true
}

/** Runs a command on `store` if it is enabled now; returns whether it ran. */
export function runCommand(store: PlaygroundStore, id: CommandId, context: CommandContext = {}): boolean {
  const command = getCommand(id)
  const state = store.getState()
  if (!isEnabled(command, state, context)) return false
  void command.run(state, context, store)
  return true
}
