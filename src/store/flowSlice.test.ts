import { describe, expect, it } from 'vitest'
import { onExecute, testFlow } from '../engine/testing.ts'
import { createPlaygroundStore } from './index.ts'

type Store = ReturnType<typeof createPlaygroundStore>

const names = (store: Store) => store.getState().doc.actions.map((action) => action.name)
const named = (...actionNames: string[]) => testFlow(actionNames.map((name) => ({ name, code: onExecute('') })))
const threeActions = () => named('Record the login', 'Roles into tokens', 'Deny example.com on My SPA')

describe('flow editing with undo', () => {
  it('undoes and redoes adding, removing, reordering and renaming', () => {
    const store = createPlaygroundStore(threeActions())
    const [first, second] = store.getState().doc.actions
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
    const store = createPlaygroundStore(threeActions())
    const [first, second] = store.getState().doc.actions
    store.getState().removeAction(second.id)
    store.getState().setCode(first.id, '// edited after the removal')
    store.getState().undo()
    expect(store.getState().doc.actions.map((action) => action.id)).toContain(second.id)
    expect(store.getState().doc.actions[0].code).toBe('// edited after the removal')
  })

  it('duplicates with a fresh id and keeps the event text even when it is not JSON', () => {
    const store = createPlaygroundStore(threeActions())
    const [first] = store.getState().doc.actions
    store.getState().duplicateAction(first.id)
    const ids = store.getState().doc.actions.map((action) => action.id)
    expect(new Set(ids).size).toBe(ids.length)
    const before = store.getState().doc.event
    store.getState().setEventText('{ "user": ')
    expect(store.getState().eventText).toBe('{ "user": ')
    expect(store.getState().eventError).toMatch(/^Invalid JSON at line 1/)
    expect(store.getState().doc.event).toBe(before)
    store.getState().setEventText('{ "user": { "user_id": "x" } }')
    expect(store.getState().eventError).toBeNull()
    expect(store.getState().doc.event).toEqual({ user: { user_id: 'x' } })
  })
})

describe('unique action names', () => {
  it('suffixes an added action, a copy and a rename whose name is taken', () => {
    const store = createPlaygroundStore(named('Audit', 'Roles'))
    const [audit, roles] = store.getState().doc.actions
    store.getState().insertAction(2, { ...audit, id: 'audit-again' })
    expect(names(store)).toEqual(['Audit', 'Roles', 'Audit (2)'])
    store.getState().duplicateAction(audit.id)
    expect(names(store)).toEqual(['Audit', 'Audit (3)', 'Roles', 'Audit (2)'])
    store.getState().renameAction(roles.id, 'Audit')
    expect(names(store)).toEqual(['Audit', 'Audit (3)', 'Audit (4)', 'Audit (2)'])
  })

  it('records nothing when a rename ends at the name the action already has', () => {
    const store = createPlaygroundStore(named('Audit', 'Audit (2)'))
    const [, second] = store.getState().doc.actions
    store.getState().renameAction(second.id, 'Audit')
    expect(names(store)).toEqual(['Audit', 'Audit (2)'])
    expect(store.getState().past).toEqual([])
  })

  it('suffixes the later duplicates of a document when it is opened', () => {
    const store = createPlaygroundStore()
    store.getState().loadDocument(named('Audit', 'Roles', 'Audit'))
    expect(names(store)).toEqual(['Audit', 'Roles', 'Audit (2)'])
  })
})
