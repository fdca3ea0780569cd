import { describe, expect, it } from 'vitest'
import { createDefaultEvent } from '../triggers/post-login/defaultEvent.ts'
import { checkEvent } from './eventCheck.ts'
import { postLogin } from '../triggers/post-login/index.ts'
import { validateFlowDocument } from './flowDocument.ts'
import { testFlow } from './testing.ts'

describe('the event of a flow document, checked against the event editor\'s schema', () => {
  it('refuses a user, request, client or transaction that is not an object, naming the path', () => {
    for (const [key, value, kind] of [['user', 42, 'number'], ['request', null, 'null'], ['client', [], 'array'], ['transaction', 'x', 'string']] as const) {
      const doc = { ...testFlow([]), event: { ...createDefaultEvent(), [key]: value } }
      expect(validateFlowDocument(doc)).toEqual({ ok: false, errors: [`event.${key}: expected object, received ${kind}`] })
    }
  })

  it('warns about the other problems, with their paths, and keeps the document', () => {
    const event = createDefaultEvent() as Record<string, any>
    event.user.email_verified = 'yes'
    event.stats.logins_count = 'many'
    const checked = checkEvent(event, postLogin)
    expect(checked.errors).toEqual([])
    expect(checked.warnings).toEqual(expect.arrayContaining(['event.user.email_verified: expected boolean, received string']))
    expect(checked.warnings.some((warning) => warning.startsWith('event.stats.logins_count: '))).toBe(true)
    const parsed = validateFlowDocument({ ...testFlow([]), event })
    expect(parsed.ok && parsed.warnings).toEqual(checked.warnings)
  })

  it('finds nothing to say about the default event', () => {
    expect(checkEvent(createDefaultEvent(), postLogin)).toEqual({ errors: [], warnings: [] })
  })
})
