import { describe, expect, it } from 'vitest'
import { uniqueActionName, withUniqueNames } from './actionNames.ts'

describe('unique action names', () => {
  it('keeps a free name and gives a taken one the first free suffix', () => {
    expect(uniqueActionName('Audit', [])).toBe('Audit')
    expect(uniqueActionName('Audit', ['Audit'])).toBe('Audit (2)')
    expect(uniqueActionName('Audit', ['Audit', 'Audit (2)'])).toBe('Audit (3)')
    expect(uniqueActionName('Audit', ['Audit', 'Audit (3)'])).toBe('Audit (2)')
  })

  it('counts from the base of a name that already has a suffix', () => {
    expect(uniqueActionName('Audit (2)', ['Audit', 'Audit (2)'])).toBe('Audit (3)')
    expect(uniqueActionName('Audit (2)', ['Audit'])).toBe('Audit (2)')
  })

  it('renames the later duplicates of a list, in order, and keeps the others as they are', () => {
    const actions = ['A', 'B', 'A', 'A', 'B'].map((name) => ({ name }))
    const unique = withUniqueNames(actions)
    expect(unique.map((action) => action.name)).toEqual(['A', 'B', 'A (2)', 'A (3)', 'B (2)'])
    expect(unique[0]).toBe(actions[0])
  })
})
