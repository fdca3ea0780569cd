import { Worker } from 'node:worker_threads'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
const tsx = pathToFileURL(createRequire('/work/main/package.json').resolve('tsx')).href
console.log(tsx, process.execArgv)
const t = performance.now()
const w = new Worker(new URL('./w.ts', import.meta.url), { execArgv: ['--import', tsx] })
w.on('message', m => { console.log(m, performance.now() - t); w.terminate() })
w.on('error', e => console.log('err', e))
