import { describe, expect, it, vi } from 'vitest'
import { onExecute, testFlow } from '../engine/testing.ts'
import { createStore } from './index.ts'
import { selectDoc, selectEventError, selectEventText } from './selectors.ts'
import { selectSavedState } from './autosave.ts'
import { INDEX_KEY, LEGACY_KEY, loadSaved, PLAYGROUND_PREFIX, PLAYGROUND_SIZE_LIMIT, type SavedPlayground, type SavedState } from './persistence.ts'
import { createSaver } from './saver.ts'

class MemoryStorage implements Storage {
  private items = new Map<string, string>()
  writes: string[] = []
  constructor(private quota = Infinity) {}
  get length() { return this.items.size }
  clear() { this.items.clear() }
  getItem(key: string) { return this.items.get(key) ?? null }
  key(index: number) { return [...this.items.keys()][index] ?? null }
  removeItem(key: string) { this.items.delete(key) }
  setItem(key: string, value: string) {
    const used = [...this.items].reduce((sum, [k, v]) => sum + (k === key ? 0 : k.length + v.length), 0)
    if (used + key.length + value.length > this.quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    this.items.set(key, value)
    this.writes.push(key)
  }
  keys() { return [...this.items.keys()] }
}

function playground(id: string, name = id): SavedPlayground {
  const doc = { ...testFlow([onExecute(''), onExecute('')]), name }
  doc.actions[0].secrets = { API_KEY: 'k-123' }
  return { id, name, updatedAt: 1, doc }
}

function state(rememberSecrets: boolean, ...playgrounds: SavedPlayground[]): SavedState {
  const list = playgrounds.length ? playgrounds : [playground('a')]
  return { currentId: list[0].id, rememberSecrets, playgrounds: list }
}

/** A playground whose event makes it `size` characters of JSON or more. */
function bigPlayground(id: string, name: string, size: number): SavedPlayground {
  const saved = playground(id, name)
  saved.doc = { ...saved.doc, event: { ...saved.doc.event, notes: 'x'.repeat(size) } }
  return saved
}

describe('saved playgrounds', () => {
  it('round-trip, keeping secret values only with consent', () => {
    const storage = new MemoryStorage()
    expect(createSaver(storage)(state(false))).toBeNull()
    expect(storage.getItem(`${PLAYGROUND_PREFIX}a`)).not.toContain('k-123')
    expect(loadSaved(storage).state?.playgrounds[0].doc.actions[0].secrets).toEqual({ API_KEY: '' })
    createSaver(storage)(state(true))
    expect(loadSaved(storage).state?.playgrounds[0].doc.actions[0].secrets).toEqual({ API_KEY: 'k-123' })
  })

  it('are saved under a key each, with an index of ids and names, writing only what changed', () => {
    const storage = new MemoryStorage()
    const save = createSaver(storage)
    const first = state(false, playground('a', 'First'), playground('b', 'Second'))
    save(first)
    expect(JSON.parse(storage.getItem(INDEX_KEY)!)).toEqual({ version: 2, currentId: 'a', rememberSecrets: false, playgrounds: [{ id: 'a', name: 'First' }, { id: 'b', name: 'Second' }] })
    storage.writes = []
    const edited = { ...first.playgrounds[1], doc: { ...first.playgrounds[1].doc, name: 'Second, edited' } }
    save({ ...first, playgrounds: [first.playgrounds[0], edited] })
    expect(storage.writes).toEqual([`${PLAYGROUND_PREFIX}b`])
    save({ ...first, playgrounds: [edited] })
    expect(storage.keys().filter((key) => key.startsWith(PLAYGROUND_PREFIX))).toEqual([`${PLAYGROUND_PREFIX}b`])
    expect(loadSaved(storage).state).toMatchObject({ currentId: 'b', playgrounds: [{ id: 'b', doc: { name: 'Second, edited' } }] })
  })

  it('move from the single key of the first format to a key each, on the first save', () => {
    const storage = new MemoryStorage()
    const legacy = { version: 1, currentId: 'b', rememberSecrets: true, playgrounds: [playground('a'), playground('b')] }
    storage.setItem(LEGACY_KEY, JSON.stringify(legacy))
    const loaded = loadSaved(storage)
    expect(loaded).toMatchObject({ problem: null, state: { currentId: 'b', playgrounds: [{ id: 'a' }, { id: 'b' }] } })
    createSaver(storage)(loaded.state!)
    expect(storage.getItem(LEGACY_KEY)).toBeNull()
    expect(loadSaved(storage).state).toEqual(loaded.state)
  })

  it('keep data that cannot be read aside instead of deleting it', () => {
    const storage = new MemoryStorage()
    storage.setItem(LEGACY_KEY, '{"version": 1, "playgrounds": [{"id": 3}]')
    const loaded = loadSaved(storage)
    expect(loaded.state).toBeNull()
    expect(loaded.problem).toMatch(/could not be read.*kept/)
    const aside = storage.keys().find((key) => key.startsWith('actions-playground:unreadable:'))
    expect(aside && storage.getItem(aside)).toBe('{"version": 1, "playgrounds": [{"id": 3}]')
    expect(storage.getItem(LEGACY_KEY)).toBeNull()
  })

  it('leave out a playground that cannot be read, naming it, and load the others', () => {
    const storage = new MemoryStorage()
    createSaver(storage)(state(false, playground('a', 'Readable'), playground('b', 'Broken')))
    storage.setItem(`${PLAYGROUND_PREFIX}b`, '{"id": "b"')
    const loaded = loadSaved(storage)
    expect(loaded.state?.playgrounds.map((saved) => saved.name)).toEqual(['Readable'])
    expect(loaded.problem).toMatch(/^The playground “Broken” could not be read, so it was left out; its data was kept in this browser's storage under "actions-playground:unreadable:b:/)
    expect(storage.getItem(`${PLAYGROUND_PREFIX}b`)).toBeNull()
  })

  it('find the playgrounds by their keys when the index cannot be read', () => {
    const storage = new MemoryStorage()
    createSaver(storage)(state(false, playground('a'), playground('b')))
    storage.setItem(INDEX_KEY, 'not json')
    const loaded = loadSaved(storage)
    expect(loaded.state?.playgrounds.map((saved) => saved.id)).toEqual(['a', 'b'])
    expect(loaded.problem).toMatch(/list of your playgrounds could not be read/)
  })

  it('refuse a playground over the size limit, naming it and what to do, and keep saving the others', () => {
    const storage = new MemoryStorage()
    const save = createSaver(storage)
    const small = playground('a', 'Small')
    const big = bigPlayground('b', 'Big notes', PLAYGROUND_SIZE_LIMIT)
    const problem = save(state(false, small, big))
    expect(problem).toMatch(/^“Big notes” is too big to save in this browser \(4\.0 MB; the limit is 4\.0 MB\)\. Its latest changes will be lost when this page closes: export it as a file \(Menu → Export the flow file\), or remove big values from its event or code\./)
    const edited = { ...small, doc: { ...small.doc, name: 'Small, edited' } }
    const stringify = vi.spyOn(JSON, 'stringify')
    expect(save(state(false, edited, big))).toBe(problem)
    // The big one is not turned into JSON again while it does not change.
    expect(stringify.mock.results.every(({ value }) => typeof value !== 'string' || value.length < PLAYGROUND_SIZE_LIMIT)).toBe(true)
    stringify.mockRestore()
    const loaded = loadSaved(storage).state!
    expect(loaded.playgrounds.map((saved) => saved.doc.name)).toEqual(['Small, edited'])
  })

  it('name the playground the browser has no room for, and keep saving the others', () => {
    const storage = new MemoryStorage(200_000)
    const save = createSaver(storage)
    const problem = save(state(false, playground('a', 'Small'), bigPlayground('b', 'Roomy', 300_000)))
    expect(problem).toMatch(/^“Roomy” could not be saved: this browser's storage for the playground is full\. Its latest changes/)
    expect(loadSaved(storage).state?.playgrounds.map((saved) => saved.name)).toEqual(['Small'])
  })

  it('start empty on a first visit', () => {
    expect(loadSaved(new MemoryStorage())).toEqual({ state: null, problem: null })
  })

  it('keep the event text typed in each playground when it is not the event, and only then', () => {
    const store = createStore()
    const first = store.getState().playgrounds.currentId
    store.getState().setEventText('{ "user": ')
    store.getState().newPlayground()
    store.getState().setEventText(JSON.stringify(selectDoc(store.getState()).event, null, 2) + '\n')
    const storage = new MemoryStorage()
    createSaver(storage)(selectSavedState(store.getState()))
    const saved = loadSaved(storage).state!
    expect(saved.playgrounds.map((playground) => playground.eventDraft)).toEqual(['{ "user": ', undefined])

    const reloaded = createStore()
    reloaded.getState().loadPlaygrounds({ ...saved, currentId: first })
    expect(selectEventText(reloaded.getState())).toBe('{ "user": ')
    expect(selectEventError(reloaded.getState())).toMatch(/^Invalid JSON/)
    reloaded.getState().switchPlayground(saved.playgrounds[1].id)
    expect(selectEventError(reloaded.getState())).toBeNull()
    reloaded.getState().switchPlayground(first)
    expect(selectEventText(reloaded.getState())).toBe('{ "user": ')
    expect(selectEventError(reloaded.getState())).toMatch(/^Invalid JSON/)
  })
  it('keep the gallery example a playground came from, with its copies, across a reload', () => {
    const store = createStore()
    store.getState().openAsNew(testFlow([{ name: 'Set user metadata', code: onExecute('') }]), 'set-user-metadata')
    const example = store.getState().playgrounds.currentId
    store.getState().duplicatePlayground(example)
    const storage = new MemoryStorage()
    createSaver(storage)(selectSavedState(store.getState()))
    const saved = loadSaved(storage).state!
    expect(saved.playgrounds.map((playground) => playground.example)).toEqual([undefined, 'set-user-metadata', 'set-user-metadata'])
    const reloaded = createStore()
    reloaded.getState().loadPlaygrounds(saved)
    expect(Object.values(reloaded.getState().playgrounds.byId).map((playground) => playground.example)).toEqual([undefined, 'set-user-metadata', 'set-user-metadata'])
  })
})
