import { describe, expect, it } from 'vitest'
import { runFlow } from '../engine/pipeline.ts'
import { onExecute, testFlow } from '../engine/testing.ts'
import { walkText } from './walkText.ts'

describe('the steps as text', () => {
  it('number every step, with a loop body\'s passes and an early return\'s note', async () => {
    const doc = testFlow([onExecute('for (const n of [1, 2]) console.log(n)\nreturn\nconsole.log("never")')])
    const text = walkText(await runFlow(doc, { steps: true }), doc)
    expect(text).toMatch(/^Steps \(\d+\):\n {2}1\. Auth0 calls Action 1's onExecutePostLogin\n/)
    expect(text).toContain('line 2 · 2nd time: for (const n of [1, 2]) console.log(n)\n     console: 2')
    expect(text).toContain('line 3: return\n     return: this function ends here, the lines after it do not run.')
    expect(text).not.toContain('never')
  })

  it('say so when the run did not record its statements', async () => {
    const doc = testFlow([onExecute('console.log(1)')])
    expect(walkText(await runFlow(doc), doc)).toBe('Steps: this run did not record its statements.')
  })
})
