import { describe, expect, it } from 'vitest'
import { lazyObjects, lazyProperty, settle, unbuilt } from './lazy.ts'

describe('lazy objects', () => {
  const make = () => {
    const built: string[] = []
    const object = lazyObjects(['a', 'b'])((key) => { built.push(key); return { key } })
    return { object, built }
  }

  it('builds a property when it is first read, once, and lists it like a plain one', () => {
    const { object, built } = make()
    expect(built).toEqual([])
    expect(object.a).toEqual({ key: 'a' })
    expect(object.a).toBe(object.a)
    expect(built).toEqual(['a'])
    expect(Object.keys(object)).toEqual(['a', 'b'])
    expect(JSON.parse(JSON.stringify(object))).toEqual({ a: { key: 'a' }, b: { key: 'b' } })
  })

  it('gives each object its own values', () => {
    const maker = lazyObjects(['n'])
    let count = 0
    const first = maker(() => ++count)
    const second = maker(() => ++count)
    expect([second.n, first.n, second.n]).toEqual([1, 2, 1])
  })

  it('takes a value set before the property is read, without building it', () => {
    const { object, built } = make()
    object.b = 7
    expect(object.b).toBe(7)
    expect(built).toEqual([])
    expect(unbuilt(object, 'a')).toBe(true)
    expect(unbuilt(object, 'b')).toBe(false)
  })

  it('builds through an object derived from it', () => {
    const { object } = make()
    const derived = Object.create(object) as Record<string, unknown>
    expect(derived.a).toEqual({ key: 'a' })
  })

  it('settles every lazy property it holds, nested, and leaves an accessor the caller defined alone', () => {
    const { object } = make()
    const inner: Record<string, unknown> = {}
    lazyProperty(inner, 'deep', () => 'built')
    let called = false
    Object.defineProperty(inner, 'own', { get: () => { called = true; return 1 }, enumerable: true })
    object.b = inner
    settle(object)
    expect(unbuilt(object, 'a')).toBe(false)
    expect(unbuilt(inner, 'deep')).toBe(false)
    expect(called).toBe(false)
  })

  it('settles a value that holds itself', () => {
    const { object } = make()
    object.b = object
    expect(() => settle(object)).not.toThrow()
  })
})
