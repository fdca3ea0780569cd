import { describe, expect, it } from 'vitest'
import { runFlow } from '../../engine/pipeline.ts'
import { onExecute, testFlow } from '../../engine/testing.ts'
import { rawResultJson } from './rawResult.ts'

describe('the raw result', () => {
  it('is the result as JSON, cut with a note when it is huge', async () => {
    const result = await runFlow(testFlow([onExecute('api.user.setAppMetadata("notes", "x".repeat(100_000))')]))
    expect(JSON.parse(rawResultJson(result))).toEqual(result)
    const cut = rawResultJson(result, 50_000)
    expect(cut.length).toBeLessThan(51_000)
    expect(cut).toMatch(/\n… cut here: the result is [\d,]+ characters of JSON, and these are the first 50,000\./)
  })
})
