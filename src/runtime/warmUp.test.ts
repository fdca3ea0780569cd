import { expect, it } from 'vitest'
import { warmUp } from './warmUp.ts'

it('runs the warm-up flow to completion', async () => {
  await expect(warmUp()).resolves.toBeUndefined()
})
