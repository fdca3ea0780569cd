import { expect, it } from 'vitest'
import { actionFileName, compileAction } from '../engine/compile.ts'
import { prepareActions, warmUp } from './warmUp.ts'

it('runs the warm-up flow to completion', async () => {
  await expect(warmUp()).resolves.toBeUndefined()
})

it('compiles a flow\'s enabled actions as their run will, running none of their code', () => {
  const code = (name: string) => `globalThis.ran = "${name}"; exports.onExecutePostLogin = async () => {}`
  const actions = [{ id: 'one', code: code('one'), enabled: true }, { id: 'two', code: code('two'), enabled: false }]
  const prepared = prepareActions(actions)
  expect((globalThis as { ran?: string }).ran).toBeUndefined()
  expect(prepared).toHaveLength(1)
  // What the run compiles is what was prepared: the same compiled module, from the cache.
  expect(compileAction(actions[0].code, actionFileName(0, 'one'))).toBe(prepared[0])
})
