import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseFlowDocument } from '../engine/flowDocument.ts'
import { EXAMPLES } from './catalog.ts'
import { FLOWS_DIR, flowFiles } from './writeFlowFiles.ts'

describe('example flows', () => {
  it('are valid flow documents', () => {
    for (const example of EXAMPLES) {
      const parsed = parseFlowDocument(JSON.stringify(example.document))
      expect(parsed.ok ? [] : parsed.errors, example.slug).toEqual([])
    }
  })

  it('match the files under src/examples/flows (run `npm run examples` after changing them)', () => {
    const expected = flowFiles()
    expect(readdirSync(FLOWS_DIR).sort()).toEqual(Object.keys(expected).sort())
    for (const [name, text] of Object.entries(expected)) expect(readFileSync(new URL(name, FLOWS_DIR), 'utf8'), name).toBe(text)
  })
})
