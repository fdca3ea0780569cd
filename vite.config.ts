import { createHash } from 'node:crypto'
import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { rolldown } from 'rolldown'
import { ENGINE_DEV_PATH, NODE_SHIMS_DEV_PATH, SANDBOX_SCRIPT, sandboxHtml } from './src/runtime/sandboxDocument.ts'
import { buildNodeShims } from './src/build/nodeShims.ts'
import { curatedPackages } from './src/build/curatedPackages.ts'

/**
 * The package CDN the page fetches npm packages from (outside the curated offline set), as the app's default
 * and the one origin besides its own that the page may connect to: `VITE_PACKAGE_CDN=https://cdn.example.com
 * npm run build` to change it (src/runtime/packages/cdnSetting.ts reads the same variable).
 */
const PACKAGE_CDN_ORIGIN = new URL(process.env.VITE_PACKAGE_CDN || 'https://unpkg.com').origin

/**
 * The page's own Content-Security-Policy, as a <meta> in the built index.html, so it holds on any static
 * host: the page runs only the scripts it ships (no inline or injected script, no eval), talks only to
 * where it was served from (and the package CDN: the page fetches packages, as data for the sandbox), and
 * frames only its own sandbox document. Action code never runs here: it runs
 * in `sandbox.html`, an opaque-origin iframe with its own, stricter policy (see src/runtime/README.md).
 * Not in the dev server, whose React refresh needs inline scripts.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Monaco and React Flow position their elements with inline styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  `connect-src 'self' ${PACKAGE_CDN_ORIGIN}`,
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ')

function pageCsp(): Plugin {
  return {
    name: 'page-csp',
    apply: 'build',
    transformIndexHtml: (html) => html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}" />`),
  }
}

/**
 * `sandbox.html`, the document action code runs under, in the dev server and in the build. The dev server
 * also serves the engine worker as one bundled script (`ENGINE_DEV_PATH`): the sandbox starts it from a
 * Blob, where the dev server's unbundled modules and their imports cannot load.
 */
function sandboxDocument(): Plugin {
  const html = sandboxHtml(`sha256-${createHash('sha256').update(SANDBOX_SCRIPT).digest('base64')}`)
  const engineBundle = async () => {
    const bundle = await rolldown({ input: 'src/runtime/engineWorker.ts', platform: 'browser' })
    const { output } = await bundle.generate({ format: 'iife' })
    return output[0].code
  }
  return {
    name: 'sandbox-document',
    configureServer: (server) => {
      server.middlewares.use((request, response, next) => {
        const path = new URL(request.url ?? '/', 'http://host').pathname
        if (path === '/sandbox.html') return void response.setHeader('Content-Type', 'text/html').end(html)
        if (path !== `/${ENGINE_DEV_PATH}`) return next()
        engineBundle().then((code) => response.setHeader('Content-Type', 'text/javascript').end(code), next)
      })
    },
    generateBundle() { this.emitFile({ type: 'asset', fileName: 'sandbox.html', source: html }) },
  }
}

/**
 * The Node shims library (src/build/nodeShims.ts) as a file of its own, which the page fetches and hands to the
 * sandbox with a run that needs it; `virtual:node-shims-url` is its URL, relative to the page.
 */
function nodeShims(): Plugin {
  const id = 'virtual:node-shims-url'
  let build = false
  return {
    name: 'node-shims',
    configResolved: (config) => { build = config.command === 'build' },
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(loaded) {
      if (loaded !== `\0${id}`) return
      if (!build) return `export default ${JSON.stringify(NODE_SHIMS_DEV_PATH)}`
      const { code } = buildNodeShims()
      const fileName = `assets/nodeShims-${createHash('sha256').update(code).digest('hex').slice(0, 8)}.js`
      this.emitFile({ type: 'asset', fileName, source: code })
      return `export default ${JSON.stringify(fileName)}`
    },
    configureServer: (server) => {
      server.middlewares.use((request, response, next) => {
        if (new URL(request.url ?? '/', 'http://host').pathname !== `/${NODE_SHIMS_DEV_PATH}`) return next()
        response.setHeader('Content-Type', 'text/javascript').end(buildNodeShims().code)
      })
    },
  }
}

/**
 * What a first visit loads (the entry's static imports, followed through) as one chunk besides the entry. Without
 * it Rolldown splits the modules the page shares with its lazy chunks into many small common chunks, all preloaded
 * with the page, and each gzipped on its own (https://github.com/rolldown/rolldown/issues/9963).
 * `npm run size` measures that chunk.
 */
function initialChunk() {
  const initial = new Set<string>()
  const plugin: Plugin = {
    name: 'initial-chunk',
    apply: 'build',
    buildEnd() {
      initial.clear()
      const entries = [...this.getModuleIds()].filter((id) => this.getModuleInfo(id)?.isEntry)
      const queue = entries.flatMap((id) => this.getModuleInfo(id)?.importedIds ?? [])
      while (queue.length) {
        const id = queue.pop()!
        if (initial.has(id) || entries.includes(id)) continue
        initial.add(id)
        queue.push(...(this.getModuleInfo(id)?.importedIds ?? []))
      }
    },
  }
  return { plugin, group: { name: 'index', test: (id: string) => initial.has(id) } }
}

const initial = initialChunk()

export default defineConfig({
  // Relative URLs: the build works from any folder of any static host.
  base: './',
  plugins: [react(), tailwindcss(), pageCsp(), sandboxDocument(), curatedPackages(), nodeShims(), initial.plugin],
  worker: { format: 'es' },
  // The dependency scan starts from index.html and does not follow `new Worker(new URL(…))`; without this
  // the first run on a fresh dev server finds the worker's dependencies late and its worker fails to load.
  optimizeDeps: { entries: ['index.html', 'src/runtime/engineWorker.ts'] },
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  build: { chunkSizeWarningLimit: 4000, rolldownOptions: { output: { codeSplitting: { groups: [initial.group] } } } },
})
