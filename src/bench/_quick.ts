import { alternate, benchFlow, bundledEngine } from './engineBench.ts'
import { compileAction, instantiate, type ModuleScope } from '../engine/compile.ts'
const engine = await bundledEngine()
const doc = benchFlow(engine.createDefaultEvent(), 100)
const quiet = benchFlow(engine.createDefaultEvent(), 100, false)
const scope = { require: () => ({}), console, fetch, Date, Math, crypto: globalThis.crypto, process: {}, Buffer: null, markCallSite: (_l: number, _n: string, v: unknown) => v } as unknown as ModuleScope
const handlers = doc.actions.map((a, i) => { const c = compileAction(a.code, `b${i}.js`); if (!c.ok) throw 1; return instantiate(c, scope).onExecutePostLogin as any })
const api: any = new Proxy({}, { get: () => new Proxy({}, { get: () => () => api }) })
const m = await alternate(30, { engine: () => engine.runFlow(doc, { deferSigning: true }), quiet: () => engine.runFlow(quiet, { deferSigning: true }), bare: async () => { for (const h of handlers) await h(structuredClone(doc.event), api) } })
console.log(m, 'ratio', m.engine / m.bare)
