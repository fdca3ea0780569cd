import { createElement, Fragment } from 'react'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { onExecute, testFlow } from '../engine/testing.ts'
import { PlaygroundProvider } from './context.tsx'
import { useFlowName, useStoreApi } from './hooks.ts'
import { createStore, type PlaygroundStore } from './index.ts'
import { selectDoc, selectEventError, selectEventText } from './selectors.ts'
import { selectPlaygroundList } from './playgroundList.ts'
import { selectSavedState } from './autosave.ts'

const flow = (name: string) => ({ ...testFlow([{ name: 'First', code: onExecute('') }, { name: 'Second', code: onExecute('') }]), name })

/** Every place a document of the store could be kept: it must be there once. */
function copiesOf(store: PlaygroundStore, doc: object): number {
  let copies = 0
  const seen = new Set<unknown>()
  const visit = (value: unknown) => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return
    seen.add(value)
    if (value === doc) copies++
    for (const child of Object.values(value)) visit(child)
  }
  const { runs, activeRun, deleted, past, future, ...rest } = store.getState()
  void runs; void activeRun; void deleted; void past; void future
  visit(rest)
  return copies
}

describe('a normalized store', () => {
  it('keeps the current document once, also after switching playgrounds and editing', () => {
    const store = createStore(flow('One'))
    const first = store.getState().playgrounds.currentId
    store.getState().openAsNew(flow('Two'))
    store.getState().setCode('a1', onExecute('api.access.deny("no")'))
    store.getState().switchPlayground(first)
    store.getState().renameAction('a2', 'Renamed')
    const doc = selectDoc(store.getState())
    expect(doc.name).toBe('One')
    expect(copiesOf(store, doc)).toBe(1)
    expect(Object.keys(store.getState())).not.toContain('doc')
    // The other playground kept its edit, in its one place.
    const second = store.getState().playgrounds.order[1]
    expect(store.getState().playgrounds.byId[second].doc.actions[0].code).toContain('deny')
  })

  it('derives the list of playgrounds, the same array until an id or a name changes', () => {
    const store = createStore(flow('One'))
    store.getState().openAsNew(flow('Two'))
    const list = selectPlaygroundList(store.getState())
    expect(list.map((item) => item.name)).toEqual(['One', 'Two'])
    store.getState().setCode('a1', onExecute('// typed'))
    expect(selectPlaygroundList(store.getState())).toBe(list)
    store.getState().setFlowName('Two, renamed')
    store.getState().renamePlayground(list[0].id, 'One, renamed')
    expect(selectPlaygroundList(store.getState()).map((item) => item.name)).toEqual(['One, renamed', 'Two, renamed'])
    store.getState().deletePlayground(list[0].id)
    expect(selectPlaygroundList(store.getState()).map((item) => item.name)).toEqual(['Two, renamed'])
    store.getState().undoDelete()
    expect(selectPlaygroundList(store.getState()).map((item) => item.name)).toEqual(['One, renamed', 'Two, renamed'])
    expect(store.getState().playgrounds.currentId).toBe(list[0].id)
  })

  it('derives the event text and its error from the document and the draft', () => {
    const store = createStore(flow('One'))
    const text = selectEventText(store.getState())
    expect(JSON.parse(text)).toEqual(selectDoc(store.getState()).event)
    store.getState().setEventText('{ "user": ')
    expect(selectEventText(store.getState())).toBe('{ "user": ')
    expect(selectEventError(store.getState())).toMatch(/^Invalid JSON/)
    expect(store.getState().playgrounds.byId[store.getState().playgrounds.currentId].eventDraft).toBe('{ "user": ')
    store.getState().setEventText(text)
    expect(selectEventError(store.getState())).toBeNull()
    expect('eventDraft' in store.getState().playgrounds.byId[store.getState().playgrounds.currentId]).toBe(false)
  })

  it('saves what it shows: the current playground with its latest document and draft, named after it', () => {
    const store = createStore(flow('One'))
    store.getState().setFlowName('One, renamed')
    store.getState().setEventText('{')
    const saved = selectSavedState(store.getState())
    expect(saved.playgrounds).toEqual([expect.objectContaining({ name: 'One, renamed', eventDraft: '{', doc: selectDoc(store.getState()) })])
    expect(saved.currentId).toBe(store.getState().playgrounds.currentId)
  })
})

describe('the provider', () => {
  it('gives each provider its own store, and a given store to the one that takes it', () => {
    const stores: PlaygroundStore[] = []
    function Probe() {
      stores.push(useStoreApi())
      return createElement('span', null, useFlowName())
    }
    const given = createStore(flow('Given'))
    const html = renderToString(createElement(Fragment, null,
      createElement(PlaygroundProvider, { initialDocument: flow('Left') }, createElement(Probe)),
      createElement(PlaygroundProvider, { initialDocument: flow('Right') }, createElement(Probe)),
      createElement(PlaygroundProvider, { store: given }, createElement(Probe)),
    ))
    expect(html).toContain('Left')
    expect(html).toContain('Right')
    expect(html).toContain('Given')
    const [left, right, third] = stores
    expect(left).not.toBe(right)
    expect(third).toBe(given)
    left.getState().setFlowName('Left, renamed')
    left.getState().newPlayground()
    expect(selectDoc(right.getState()).name).toBe('Right')
    expect(right.getState().playgrounds.order).toHaveLength(1)
  })

  it('says what is missing when a hook is used outside a provider', () => {
    function Orphan() {
      useStoreApi()
      return null
    }
    expect(() => renderToString(createElement(Orphan))).toThrow(/PlaygroundProvider/)
  })
})

describe('saved playgrounds in the store', () => {
  it('load as they were saved and save back the same', () => {
    const saved = {
      currentId: 'b',
      rememberSecrets: true,
      playgrounds: [
        { id: 'a', name: 'One', updatedAt: 1, doc: flow('One') },
        { id: 'b', name: 'Two', updatedAt: 2, doc: flow('Two'), eventDraft: '{ "user": ' },
      ],
    }
    const store = createStore()
    store.getState().loadPlaygrounds(saved)
    expect(selectDoc(store.getState())).toEqual(saved.playgrounds[1].doc)
    expect(selectEventError(store.getState())).toMatch(/^Invalid JSON/)
    expect(selectSavedState(store.getState())).toEqual(saved)
  })
})
