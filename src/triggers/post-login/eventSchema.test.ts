import { describe, expect, it } from 'vitest'
import { createDefaultEvent } from './defaultEvent.ts'
import { EVENT_PRESETS } from './eventPresets.ts'
import { POST_LOGIN_EVENT as schema } from './eventSchema.ts'

describe('post-login event schema', () => {
  it('accepts the default event and every preset', () => {
    for (const event of [createDefaultEvent(), ...EVENT_PRESETS.map((preset) => preset.apply(createDefaultEvent()))]) {
      expect(schema.safeParse(event).error?.issues ?? []).toEqual([])
    }
  })

  it('flags wrong types where they are', () => {
    const event = createDefaultEvent() as Record<string, any>
    event.stats.logins_count = '5'
    event.user.email_verified = 'yes'
    event.request.geoip.continentCode = 'Europe'
    const paths = schema.safeParse(event).error?.issues.map((issue) => issue.path.join('.'))
    expect(paths?.sort()).toEqual(['request.geoip.continentCode', 'stats.logins_count', 'user.email_verified'])
  })
})
