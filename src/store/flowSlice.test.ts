import { describe, expect, it } from 'vitest'
import { onExecute, testFlow } from '../engine/testing.ts'
import { createStore } from './index.ts'
import { selectDoc, selectEventError, selectEventText } from './selectors.ts'

type Store = ReturnType<typeof createStore>

const names = (store: Store) => selectDoc(store.getState()).actions.map((action) => action.name)
const named = (...actionNames: string[]) => testFlow(actionNames.map((name) => ({ name, code: onExecute('') })))
const threeActions = () => named('Record the login', 'Roles into tokens', 'Deny example.com on My SPA')

describe('flow editing with undo', () => {
  it('undoes and redoes adding, removing, reordering and renaming', () => {
    const store = createStore(threeActions())
    const [first, second] = selectDoc(store.getState()).actions
    store.getState().removeAction(second.id)
    store.getState().moveAction(first.id, 1)
    store.getState().renameAction(first.id, 'Renamed')
    expect(names(store)).toEqual(['Deny example.com on My SPA', 'Renamed'])
    store.getState().undo()
    expect(names(store)).toEqual(['Deny example.com on My SPA', 'Record the login'])
    store.getState().undo()
    store.getState().undo()
    expect(names(store)).toEqual(['Record the login', 'Roles into tokens', 'Deny example.com on My SPA'])
    store.getState().redo()
    expect(names(store)).toEqual(['Record the login', 'Deny example.com on My SPA'])
  })

  it('keeps code typed after a structural change when that change is undone', () => {
    const store = createStore(threeActions())
    const [first, second] = selectDoc(store.getState()).actions
    store.getState().removeAction(second.id)
    store.getState().setCode(first.id, '// edited after the removal')
    store.getState().undo()
    expect(selectDoc(store.getState()).actions.map((action) => action.id)).toContain(second.id)
    expect(selectDoc(store.getState()).actions[0].code).toBe('// edited after the removal')
  })

  it('duplicates with a fresh id and keeps the event text even when it is not JSON', () => {
    const store = createStore(threeActions())
    const [first] = selectDoc(store.getState()).actions
    store.getState().duplicateAction(first.id)
    const ids = selectDoc(store.getState()).actions.map((action) => action.id)
    expect(new Set(ids).size).toBe(ids.length)
    const before = selectDoc(store.getState()).event
    store.getState().setEventText('{ "user": ')
    expect(selectEventText(store.getState())).toBe('{ "user": ')
    expect(selectEventError(store.getState())).toMatch(/^Invalid JSON at line 1/)
    expect(selectDoc(store.getState()).event).toBe(before)
    store.getState().setEventText('{ "user": { "user_id": "x" } }')
    expect(selectEventError(store.getState())).toBeNull()
    expect(selectDoc(store.getState()).event).toEqual({ user: { user_id: 'x' } })
  })
})

describe('unique action names', () => {
  it('suffixes an added action, a copy and a rename whose name is taken', () => {
    const store = createStore(named('Audit', 'Roles'))
    const [audit, roles] = selectDoc(store.getState()).actions
    store.getState().insertAction(2, { ...audit, id: 'audit-again' })
    expect(names(store)).toEqual(['Audit', 'Roles', 'Audit (2)'])
    store.getState().duplicateAction(audit.id)
    expect(names(store)).toEqual(['Audit', 'Audit (3)', 'Roles', 'Audit (2)'])
    store.getState().renameAction(roles.id, 'Audit')
    expect(names(store)).toEqual(['Audit', 'Audit (3)', 'Audit (4)', 'Audit (2)'])
  })

  it('records nothing when a rename ends at the name the action already has', () => {
    const store = createStore(named('Audit', 'Audit (2)'))
    const [, second] = selectDoc(store.getState()).actions
    store.getState().renameAction(second.id, 'Audit')
    expect(names(store)).toEqual(['Audit', 'Audit (2)'])
    expect(store.getState().past).toEqual([])
  })

  it('suffixes the later duplicates of a document when it is opened', () => {
    const store = createStore()
    store.getState().loadDocument(named('Audit', 'Roles', 'Audit'))
    expect(names(store)).toEqual(['Audit', 'Roles', 'Audit (2)'])
  })
})
