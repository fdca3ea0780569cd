import { describe, expect, it } from 'vitest'
import { createRunState, flushMetadata, queuedAt, queuedView, queueMetadata, unqueueMetadata } from './runState.ts'

describe('the metadata queue and its views', () => {
  it('shows what was queued when the view was taken, whatever is queued or taken off later', () => {
    const state = createRunState({ user: {} })
    queueMetadata(state, 'app_metadata', 'plan', 'pro')
    const first = queuedView(state)
    queueMetadata(state, 'app_metadata', 'plan', 'team')
    queueMetadata(state, 'user_metadata', 'theme', 'dark')
    unqueueMetadata(state, 'app_metadata', 'plan')
    const second = queuedView(state)
    expect(queuedAt(first, 'app_metadata')).toEqual({ plan: 'pro' })
    expect(queuedAt(first, 'user_metadata')).toEqual({})
    expect(queuedAt(second, 'app_metadata')).toEqual({})
    expect(queuedAt(second, 'user_metadata')).toEqual({ theme: 'dark' })
    expect(state.pending).toEqual({ app_metadata: {}, user_metadata: { theme: 'dark' } })
  })

  it('keeps a queued null, which removes the key when written', () => {
    const state = createRunState({ user: { app_metadata: { old: 1 } } })
    queueMetadata(state, 'app_metadata', 'old', null)
    expect(queuedAt(queuedView(state), 'app_metadata')).toEqual({ old: null })
  })

  it('starts again after a write, and from a copied state as it was queued', () => {
    const state = createRunState({ user: {} })
    queueMetadata(state, 'app_metadata', 'a', 1)
    flushMetadata(state, 'before-redirect')
    queueMetadata(state, 'app_metadata', 'b', 2)
    expect(queuedAt(queuedView(state), 'app_metadata')).toEqual({ b: 2 })
    const copied = structuredClone(state)
    queueMetadata(copied, 'app_metadata', 'c', 3)
    expect(queuedAt(queuedView(copied), 'app_metadata')).toEqual({ b: 2, c: 3 })
    expect(queuedAt(queuedView(state), 'app_metadata')).toEqual({ b: 2 })
  })
})
