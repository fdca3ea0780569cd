// A plain static file server for the e2e suite: the built app as any static host serves it, with no
// headers of its own (no CSP), so the app's isolation is tested as users will host it.
// Usage: node e2e/serve.mjs <folder> <port> [request log file]
import { appendFileSync, createReadStream, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize, resolve } from 'node:path'

const [root = 'dist', port = '4173', log] = process.argv.slice(2)
const base = resolve(root)
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.ttf': 'font/ttf', '.woff2': 'font/woff2', '.png': 'image/png' }

createServer((request, response) => {
  if (log) appendFileSync(log, `${request.method} ${request.url}\n`)
  const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname))
  let file = join(base, path)
  if (!file.startsWith(base)) return void response.writeHead(403).end()
  try {
    if (statSync(file).isDirectory()) file = join(file, 'index.html')
    statSync(file)
  } catch {
    return void response.writeHead(404).end()
  }
  response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' })
  createReadStream(file).pipe(response)
}).listen(Number(port), '127.0.0.1')
