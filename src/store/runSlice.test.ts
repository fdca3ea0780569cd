import { describe, expect, it } from 'vitest'
import type { RunResult } from '../engine/types.ts'
import { onExecute, testFlow } from '../engine/testing.ts'
import { createStore } from './index.ts'
import { selectDoc } from './selectors.ts'
import { currentRun, docToRun, isOutOfDate, runsHere } from './runSelectors.ts'

type Store = ReturnType<typeof createStore>

const result = (status: RunResult['status']) => ({ status, actions: [], timeline: [] }) as unknown as RunResult

function ranStore(): Store {
  const store = createStore(testFlow([{ name: 'First', code: onExecute('') }, { name: 'Second', code: onExecute('') }]))
  store.getState().runStarted(selectDoc(store.getState()))
  store.getState().runFinished(result('completed'))
  return store
}

describe('results per playground', () => {
  it('land on the playground that started the run, even when another one is shown', () => {
    const store = createStore(testFlow([onExecute('')]))
    const first = store.getState().playgrounds.currentId
    store.getState().runStarted(selectDoc(store.getState()))
    store.getState().newPlayground()
    const second = store.getState().playgrounds.currentId
    expect(runsHere(store.getState())).toBe(false)
    store.getState().runFinished(result('denied'))
    expect(currentRun(store.getState())).toBeNull()
    store.getState().switchPlayground(first)
    expect(currentRun(store.getState())?.result.status).toBe('denied')
    store.getState().switchPlayground(second)
    expect(currentRun(store.getState())).toBeNull()
  })

  it('keep the run in progress shown only on its own playground', () => {
    const store = createStore(testFlow([onExecute('')]))
    store.getState().runStarted(selectDoc(store.getState()))
    store.getState().runProgress('a1')
    expect(runsHere(store.getState())).toBe(true)
    expect(store.getState().activeRun?.actionId).toBe('a1')
  })
})

describe('an out-of-date result', () => {
  it('is not out of date right after the run, nor without one', () => {
    expect(isOutOfDate(createStore().getState())).toBe(false)
    expect(isOutOfDate(ranStore().getState())).toBe(false)
  })

  it('is out of date after a change of code, order, enabled flag, secret, event or mocks, until the next run', () => {
    const changes: ((store: Store) => void)[] = [
      (store) => store.getState().setCode('a1', onExecute('api.access.deny("no")')),
      (store) => store.getState().moveAction('a1', 1),
      (store) => store.getState().toggleAction('a2'),
      (store) => store.getState().setEventText('{ "user": {} }'),
      (store) => store.getState().removeAction('a2'),
      (store) => store.getState().setSecrets('a1', { API_KEY: 'k' }),
      (store) => store.getState().setMocks([{ method: 'GET', url: 'https://example.com', status: 200, headers: {}, body: {} }]),
    ]
    for (const change of changes) {
      const store = ranStore()
      change(store)
      expect(isOutOfDate(store.getState()), change.toString()).toBe(true)
      store.getState().runStarted(selectDoc(store.getState()))
      store.getState().runFinished(result('completed'))
      expect(isOutOfDate(store.getState())).toBe(false)
    }
  })

  it('is not out of date after renaming an action or the flow, or an event typed back as it was', () => {
    const store = ranStore()
    store.getState().renameAction('a1', 'Renamed')
    store.getState().setFlowName('Another name')
    store.getState().setEventText(JSON.stringify(selectDoc(store.getState()).event))
    expect(isOutOfDate(store.getState())).toBe(false)
  })

  it('after a run of one action alone, counts only that action and the event', () => {
    const store = createStore(testFlow([{ name: 'First', code: onExecute('') }, { name: 'Second', code: onExecute(''), enabled: false }]))
    store.getState().runStarted(docToRun(selectDoc(store.getState()), 'a2'), 'a2')
    store.getState().runFinished(result('completed'))
    expect(isOutOfDate(store.getState())).toBe(false)
    store.getState().setCode('a1', onExecute('api.access.deny("no")'))
    store.getState().moveAction('a2', 0)
    expect(isOutOfDate(store.getState())).toBe(false)
    store.getState().setCode('a2', onExecute('api.access.deny("no")'))
    expect(isOutOfDate(store.getState())).toBe(true)
  })

  it('is back in date when a change is undone', () => {
    const store = ranStore()
    store.getState().moveAction('a1', 1)
    expect(isOutOfDate(store.getState())).toBe(true)
    store.getState().undo()
    expect(isOutOfDate(store.getState())).toBe(false)
  })
})
