import { describe, expect, it } from 'vitest'
import { filterCustomClaims, tokenClaims } from './tokens.ts'

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

describe('custom claims in an Auth0 namespace', () => {
  it('are dropped however the domain is written, and others kept', () => {
    const names = ['https://TENANT.AUTH0.COM/x', 'https://auth%30.com/x', 'https://\uff41\uff55\uff54\uff48\uff10.com/x', 'https://a.webtask.run/x', 'urn:auth0:x',
      'https://example.com/auth0', 'https://auth0.example.com/x', 'https://example.com/role']
    const { kept, dropped } = filterCustomClaims(Object.fromEntries(names.map((name) => [name, 1])), 'idToken', null)
    expect(dropped.map((claim) => claim.claim)).toEqual(names.slice(0, 5))
    expect(Object.keys(kept)).toEqual(names.slice(5))
  })
})
