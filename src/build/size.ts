/**
 * `npm run size`: the JavaScript a first visit loads before Monaco, gzipped: the entry script of
 * dist/index.html and every chunk it preloads. Fails above the budget. The last line is the figure.
 */
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'

const BUDGET_KB = 160
const dist = new URL('../../dist/', import.meta.url)
const html = readFileSync(new URL('index.html', dist), 'utf8')
const scripts = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/?([^"]+\.js)"/g)].map((match) => match[1])
if (!scripts.length) throw new Error('No scripts found in dist/index.html: run vite build first.')

let total = 0
for (const script of new Set(scripts)) {
  const size = gzipSync(readFileSync(new URL(script, dist)), { level: 9 }).length
  total += size
  console.log(`${script}: ${(size / 1024).toFixed(1)} KB gzip`)
}
const kb = total / 1024
console.log(`initial js gzip: ${kb.toFixed(1)} KB`)
if (kb > BUDGET_KB) {
  console.error(`Over the budget of ${BUDGET_KB} KB.`)
  process.exitCode = 1
}
