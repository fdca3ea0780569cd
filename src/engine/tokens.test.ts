import { describe, expect, it } from 'vitest'
import { tokenClaims } from './tokens.ts'

describe('a token\'s claims from its parts', () => {
  it('keeps the parts\' order, a later part winning a claim both name', () => {
    const claims = tokenClaims({ name: 'Ada', email: 'a@x.y' }, { 'https://x.y/role': 'admin', email: 'b@x.y' }, { iss: 'https://t/' })
    expect(Object.keys(claims)).toEqual(['name', 'email', 'https://x.y/role', 'iss'])
    expect(claims.email).toBe('b@x.y')
  })

  it('takes a thousand custom claims', () => {
    const custom = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`https://x.y/c${i}`, i]))
    const claims = tokenClaims(custom, { iss: 'https://t/', sub: 'auth0|1' })
    expect(Object.keys(claims)).toHaveLength(1002)
    expect(claims['https://x.y/c999']).toBe(999)
  })
})
