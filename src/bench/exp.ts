import { runFlow } from '../engine/pipeline.ts'
import { testFlow, onExecute } from '../engine/testing.ts'
const t = async (label: string, body: string, n = 100) => {
  const doc = testFlow(Array.from({ length: n }, (_, i) => onExecute(body.replaceAll('$i', String(i)))))
  for (let i = 0; i < 15; i++) await runFlow(doc)
  const s: number[] = []; for (let i = 0; i < 25; i++) { const a = performance.now(); await runFlow(doc); s.push(performance.now() - a) } s.sort((a, b) => a - b)
  console.log(label.padEnd(40), s[12].toFixed(2), 'ms')
}
await t('no actions', '', 0)
await t('empty', '')
await t('setAppMetadata x2', 'api.user.setAppMetadata("k$i", 1); api.user.setUserMetadata("k$i", 1)')
await t('claims x2', 'api.idToken.setCustomClaim("https://a.test/c$i", event.user.email); api.accessToken.setCustomClaim("https://a.test/c$i", $i)')
