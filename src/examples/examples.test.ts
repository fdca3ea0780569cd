import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseFlowDocument } from '../engine/flowDocument.ts'
import { EXAMPLES } from './catalog.ts'
import { EXAMPLE_TESTS } from './exampleTests.ts'
import { FLOWS_DIR, flowFiles } from './writeFlowFiles.ts'

describe('example flows', () => {
  it('are valid flow documents', () => {
    for (const example of EXAMPLES) {
      const parsed = parseFlowDocument(JSON.stringify(example.document))
      expect(parsed.ok ? [] : parsed.errors, example.slug).toEqual([])
    }
  })

  it('have tests of their own (exampleTests.ts), and those that redirect a test that continues the run', () => {
    for (const example of EXAMPLES) {
      expect(example.document.tests?.length, example.slug).toBeGreaterThan(0)
      const redirects = example.document.actions.some((action) => action.enabled && action.code.includes('api.redirect.sendUserTo'))
      if (redirects) expect(example.document.tests?.some((test) => test.continue), example.slug).toBe(true)
    }
    expect(Object.keys(EXAMPLE_TESTS).filter((slug) => !EXAMPLES.some((example) => example.slug === slug))).toEqual([])
  })

  it('match the files under src/examples/flows, every trigger\'s (run `npm run examples` after changing them)', async () => {
    const expected = await flowFiles()
    expect(readdirSync(FLOWS_DIR).sort()).toEqual(Object.keys(expected).sort())
    for (const [name, text] of Object.entries(expected)) expect(readFileSync(new URL(name, FLOWS_DIR), 'utf8'), name).toBe(text)
  })
})
