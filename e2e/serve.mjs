// A plain static file server for the e2e suite: the built app as any static host serves it, with no
// headers of its own (no CSP), so the app's isolation is tested as users will host it.
// Under /-/npm/ it is also a package CDN in unpkg's layout, serving this project's node_modules (top level):
//   /-/npm/<name>@<version>/<path>   a file (404 for another version than the installed one)
//   /-/npm/<name>@<range>/<path>     a redirect to the installed version, when it satisfies the range (or tag)
//   /-/npm/<name>@<version>/?meta    the file listing, as unpkg's { package, version, prefix, files: [{ path, type }] }
// Usage: node e2e/serve.mjs <folder> <port> [request log file]
import { appendFileSync, createReadStream, readdirSync, readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize, resolve } from 'node:path'
import satisfies from 'semver/functions/satisfies.js'
import valid from 'semver/functions/valid.js'

const [root = 'dist', port = '4173', log] = process.argv.slice(2)
const base = resolve(root)
const NODE_MODULES = resolve('node_modules')
export const CDN_PREFIX = '/-/npm/'
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.ttf': 'font/ttf', '.woff2': 'font/woff2', '.png': 'image/png' }

function listFiles(folder, prefix = '') {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listFiles(join(folder, entry.name), `${prefix}/${entry.name}`)
    return [{ path: `${prefix}/${entry.name}`, type: 'file' }]
  })
}

function servePackage(url, response) {
  const rest = decodeURIComponent(url.pathname.slice(CDN_PREFIX.length))
  const match = /^((?:@[^/@]+\/)?[^/@]+)@([^/]+)\/(.*)$/.exec(rest)
  if (!match) return void response.writeHead(400).end()
  const [, name, spec, path] = match
  const folder = join(NODE_MODULES, name)
  if (!folder.startsWith(NODE_MODULES)) return void response.writeHead(403).end()
  let version
  try {
    version = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')).version
  } catch {
    return void response.writeHead(404).end('no such package')
  }
  const headers = { 'Access-Control-Allow-Origin': '*' }
  if (spec !== version) {
    if (valid(spec) || !(spec === 'latest' || satisfies(version, spec))) return void response.writeHead(404, headers).end('no such version')
    return void response.writeHead(302, { ...headers, Location: `${CDN_PREFIX}${name}@${version}/${path}${url.search}` }).end()
  }
  if (url.search === '?meta') {
    return void response.writeHead(200, { ...headers, 'Content-Type': 'application/json' }).end(JSON.stringify({ package: name, version, prefix: '/', files: listFiles(folder) }))
  }
  const file = join(folder, normalize(path))
  if (!file.startsWith(folder)) return void response.writeHead(403).end()
  try {
    if (!statSync(file).isFile()) throw new Error('not a file')
  } catch {
    return void response.writeHead(404, headers).end('no such file')
  }
  response.writeHead(200, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' })
  createReadStream(file).pipe(response)
}

createServer((request, response) => {
  if (log) appendFileSync(log, `${request.method} ${request.url}\n`)
  const url = new URL(request.url ?? '/', 'http://host')
  if (url.pathname.startsWith(CDN_PREFIX)) return servePackage(url, response)
  const path = normalize(decodeURIComponent(url.pathname))
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
