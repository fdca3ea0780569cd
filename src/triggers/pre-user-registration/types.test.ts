/**
 * The editor's pre-user-registration types with the actions people write: every template and example action
 * type-checks as checked JavaScript. (src/triggers/eventTypes.test.ts compares `Event` with the zod schema and `API`
 * with the implemented api.)
 */
import { describe, expect, it } from 'vitest'
import { EXAMPLES } from './examples.ts'
import { BLANK_ACTION, TEMPLATES } from './templates.ts'
import { actionsProgram, typeErrors } from '../typeChecking.ts'

const program = (actions: Record<string, string>, secrets = 'interface ActionSecrets { INVITES_API_KEY: string }') => actionsProgram('pre-user-registration', actions, secrets)
const errors = typeErrors

describe('the editor\'s pre-user-registration types', () => {
  it('compile with the shared runtime types, without the DOM library', () => {
    expect(errors(program({}))).toEqual([])
  })

  it('type-check every template and example action as checked JavaScript', () => {
    const codes = [BLANK_ACTION, ...TEMPLATES, ...EXAMPLES.flatMap((example) => example.document.actions)].map((action) => action.code)
    const built = program(Object.fromEntries(codes.map((code, index) => [`action${index}.js`, code])))
    expect(errors(built)).toEqual([])
  })
})
