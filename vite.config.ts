import { defineConfig, type Connect, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'

/**
 * A worker started from a URL takes its CSP from its own script response, not from the page. The engine
 * worker gets one with no network at all: this is what stops `import('https://…')` in action code, which
 * no JavaScript-level hardening can. `'unsafe-eval'` is how the engine compiles action code.
 */
const ENGINE_WORKER_CSP = "default-src 'none'; script-src 'self' 'unsafe-eval'; connect-src 'none'"
/** Dev: the module itself. Preview and build: its bundle. */
const ENGINE_WORKER_SCRIPT = /^\/(src\/runtime\/engineWorker\.ts|assets\/engineWorker-[\w-]+\.js)$/

function engineWorkerCsp(): Plugin {
  const addHeader: Connect.NextHandleFunction = (req, res, next) => {
    const path = new URL(req.url ?? '/', 'http://host').pathname
    if (ENGINE_WORKER_SCRIPT.test(path)) res.setHeader('Content-Security-Policy', ENGINE_WORKER_CSP)
    next()
  }
  return {
    name: 'engine-worker-csp',
    configureServer: (server) => { server.middlewares.use(addHeader) },
    configurePreviewServer: (server) => { server.middlewares.use(addHeader) },
  }
}

export default defineConfig({
  plugins: [react(), tailwindcss(), engineWorkerCsp()],
  worker: { format: 'es' },
  // The dependency scan starts from index.html and does not follow `new Worker(new URL(…))`; without this
  // the first run on a fresh dev server finds the worker's dependencies late and its worker fails to load.
  optimizeDeps: { entries: ['index.html', 'src/runtime/engineWorker.ts'] },
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  build: { chunkSizeWarningLimit: 4000 },
})
