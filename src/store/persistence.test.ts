import { describe, expect, it } from 'vitest'
import { onExecute, testFlow } from '../engine/testing.ts'
import { createPlaygroundStore } from './index.ts'
import { loadSaved, save, STORAGE_KEY, type SavedState } from './persistence.ts'

class MemoryStorage implements Storage {
  private items = new Map<string, string>()
  get length() { return this.items.size }
  clear() { this.items.clear() }
  getItem(key: string) { return this.items.get(key) ?? null }
  key(index: number) { return [...this.items.keys()][index] ?? null }
  removeItem(key: string) { this.items.delete(key) }
  setItem(key: string, value: string) { this.items.set(key, value) }
  keys() { return [...this.items.keys()] }
}

function state(rememberSecrets: boolean): SavedState {
  const doc = testFlow([onExecute(''), onExecute('')])
  doc.actions[0].secrets = { API_KEY: 'k-123' }
  return { version: 1, currentId: 'a', rememberSecrets, playgrounds: [{ id: 'a', name: doc.name, updatedAt: 1, doc }] }
}

describe('saved playgrounds', () => {
  it('round-trip, keeping secret values only with consent', () => {
    const storage = new MemoryStorage()
    expect(save(state(false), storage)).toBeNull()
    expect(storage.getItem(STORAGE_KEY)).not.toContain('k-123')
    expect(loadSaved(storage).state?.playgrounds[0].doc.actions[0].secrets).toEqual({ API_KEY: '' })
    save(state(true), storage)
    expect(loadSaved(storage).state?.playgrounds[0].doc.actions[0].secrets).toEqual({ API_KEY: 'k-123' })
  })

  it('keep data that cannot be read aside instead of deleting it', () => {
    const storage = new MemoryStorage()
    storage.setItem(STORAGE_KEY, '{"version": 1, "playgrounds": [{"id": 3}]')
    const loaded = loadSaved(storage)
    expect(loaded.state).toBeNull()
    expect(loaded.problem).toMatch(/could not be read.*kept/)
    const aside = storage.keys().find((key) => key.startsWith('actions-playground:unreadable:'))
    expect(aside && storage.getItem(aside)).toBe('{"version": 1, "playgrounds": [{"id": 3}]')
    expect(storage.getItem(STORAGE_KEY)).toBeNull()
  })

  it('start empty on a first visit', () => {
    expect(loadSaved(new MemoryStorage())).toEqual({ state: null, problem: null })
  })

  it('keep the event text typed in each playground when it is not the event, and only then', () => {
    const store = createPlaygroundStore()
    const first = store.getState().currentId
    store.getState().setEventText('{ "user": ')
    store.getState().newPlayground()
    store.getState().setEventText(JSON.stringify(store.getState().doc.event, null, 2) + '\n')
    const storage = new MemoryStorage()
    save({ version: 1, currentId: store.getState().currentId, rememberSecrets: false, playgrounds: store.getState().allPlaygrounds() }, storage)
    const saved = loadSaved(storage).state!
    expect(saved.playgrounds.map((playground) => playground.eventDraft)).toEqual(['{ "user": ', undefined])

    const reloaded = createPlaygroundStore()
    reloaded.setState({ playgrounds: saved.playgrounds, currentId: first })
    reloaded.getState().loadDocument(saved.playgrounds[0].doc, saved.playgrounds[0].eventDraft)
    expect(reloaded.getState().eventText).toBe('{ "user": ')
    expect(reloaded.getState().eventError).toMatch(/^Invalid JSON/)
    reloaded.getState().switchPlayground(saved.playgrounds[1].id)
    expect(reloaded.getState().eventError).toBeNull()
    reloaded.getState().switchPlayground(first)
    expect(reloaded.getState().eventText).toBe('{ "user": ')
    expect(reloaded.getState().eventError).toMatch(/^Invalid JSON/)
  })
})
