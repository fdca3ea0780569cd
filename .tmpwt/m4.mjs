import { Worker } from 'node:worker_threads'
const w = new Worker(`import('tsx/esm/api').then(api => { api.register(); return import(${JSON.stringify(new URL('./w.ts', import.meta.url).href)}) })`, { eval: true })
w.on('message', m => { console.log('m4', m); w.terminate() })
w.on('error', e => console.log('err', e.message))
