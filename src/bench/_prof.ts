import { benchFlow, bundledEngine } from './engineBench.ts'
const engine = await bundledEngine()
const doc = benchFlow(engine.createDefaultEvent(), 100)
for (let i = 0; i < 20; i++) await engine.runFlow(doc, { deferSigning: true })
const t = performance.now()
for (let i = 0; i < 300; i++) await engine.runFlow(doc, { deferSigning: true })
console.log('per run', (performance.now() - t) / 300)
