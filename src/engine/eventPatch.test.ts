import { describe, expect, it } from 'vitest'
import { applyJsonChanges, diffJson } from './eventPatch.ts'
import type { JsonValue } from './types.ts'

const base: JsonValue = { user: { id: 'u1', name: 'Ann', roles: ['a'], meta: { plan: 'gold' } }, request: { ip: '1.2.3.4' }, n: 1 }

describe('event changes', () => {
  it('are empty for equal values and list only what differs', () => {
    expect(diffJson(base, structuredClone(base))).toEqual([])
    const target = structuredClone(base) as Record<string, any>
    target.user.name = 'Bob'
    delete target.user.meta.plan
    target.user.meta.tier = 2
    expect(diffJson(base, target)).toEqual([[['user', 'name'], 'Bob'], [['user', 'meta', 'plan']], [['user', 'meta', 'tier'], 2]])
  })

  it('give the target back exactly, key order included, also when keys are reordered or types change', () => {
    const targets: JsonValue[] = [
      { n: 1, user: { id: 'u1' }, request: { ip: '1.2.3.4' } },
      { user: { name: 'Ann', id: 'u1', roles: { 0: 'a' } }, request: null, n: [1], added: { deep: [{ b: 1, a: 2 }] } },
      { user: 'gone' },
      [1, 2],
      'text',
    ]
    for (const target of targets) {
      const rebuilt = applyJsonChanges(base, diffJson(base, target))
      expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(target))
    }
  })

  it('leave the base unchanged', () => {
    const copy = structuredClone(base)
    applyJsonChanges(base, [[['user', 'name'], 'Bob'], [['n']]])
    expect(base).toEqual(copy)
  })

  it('refuse changes that do not fit the base', () => {
    expect(() => applyJsonChanges(base, [[['nope', 'x'], 1]])).toThrow('no object at nope.x')
    expect(() => applyJsonChanges(base, [[['n', 'x'], 1]])).toThrow('no object at n.x')
    expect(() => applyJsonChanges(base, [[[]]])).toThrow('a change removes the whole value')
    expect(() => applyJsonChanges(base, [['user' as unknown as string[]]])).toThrow('a change is not [path, value] or [path]')
  })

  it('set a key named __proto__ as an own key, not the prototype', () => {
    const target = JSON.parse('{"user":{"__proto__":{"admin":true}}}') as JsonValue
    const rebuilt = applyJsonChanges({ user: {} }, diffJson({ user: {} }, target)) as Record<string, any>
    expect(Object.hasOwn(rebuilt.user, '__proto__')).toBe(true)
    expect(({} as Record<string, unknown>).admin).toBeUndefined()
    expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(target))
  })
})
