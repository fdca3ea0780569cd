/**
 * The emulated `Buffer` and Node's text formatting, run in Chromium: the engine's modules, bundled as the
 * engine's bundles are, give in Chromium the outcomes Node's own `Buffer` and `util` give in this (Node)
 * process. One bundle holds the cases for both sides, so functions print the same source text on both.
 * The same cases run under Vitest in nodeBuiltins.test.ts.
 */
import { runInThisContext } from 'node:vm'
import { fileURLToPath } from 'node:url'
import { format, inspect } from 'node:util'
import { expect, test } from '@playwright/test'
import { buildSync } from 'esbuild'
import type * as Cases from '../src/engine/modules/differentialCases.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

const ENTRY = `
import { Buffer } from './src/engine/modules/nodeBuffer.ts'
import { createUtil } from './src/engine/modules/nodeUtil.ts'
import { formatLog } from './src/engine/nodeInspect.ts'
import { bufferOutcomes, formattingOutcomes } from './src/engine/modules/differentialCases.ts'
const util = createUtil()
globalThis.differential = { bufferOutcomes, formattingOutcomes, engine: { Buffer, inspect: util.inspect, format: util.format, log: formatLog } }
`

interface Differential {
  bufferOutcomes: typeof Cases.bufferOutcomes
  formattingOutcomes: typeof Cases.formattingOutcomes
  engine: { Buffer: typeof Buffer; inspect: typeof inspect; format: typeof format; log: typeof format }
}

test('Buffer, util.inspect, util.format and console.log give Node\'s outcomes in Chromium', async ({ page }) => {
  const bundle = buildSync({
    stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts', sourcefile: 'differential-entry.ts' },
    bundle: true, format: 'iife', platform: 'browser', write: false, logLevel: 'warning',
    // Strict, as the modules are: a sloppy function shows own `arguments` and `caller` to `%o` in some V8 versions only.
    banner: { js: '"use strict";' },
  }).outputFiles[0].text
  await page.goto('about:blank')
  await page.addScriptTag({ content: bundle })
  const inChromium = await page.evaluate(() => {
    const { bufferOutcomes, formattingOutcomes, engine } = (globalThis as unknown as { differential: Differential }).differential
    return {
      userAgent: navigator.userAgent,
      // Chromium has no Buffer of its own: the engine's is the one under test.
      nativeBuffer: typeof (globalThis as { Buffer?: unknown }).Buffer,
      buffer: bufferOutcomes(engine.Buffer),
      formatting: formattingOutcomes(engine, engine.Buffer),
    }
  })

  runInThisContext(bundle)
  const { bufferOutcomes, formattingOutcomes } = (globalThis as unknown as { differential: Differential }).differential
  const node = { buffer: bufferOutcomes(Buffer), formatting: formattingOutcomes({ inspect, format, log: format }, Buffer) }

  expect(inChromium.userAgent).toMatch(/Chrome\//)
  expect(inChromium.nativeBuffer).toBe('undefined')
  expect(Object.keys(node.buffer).length).toBeGreaterThan(2000)
  expect(inChromium.buffer).toEqual(node.buffer)
  expect(inChromium.formatting).toEqual(node.formatting)
})
