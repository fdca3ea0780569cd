/**
 * Made `src/engine/shareDictionary.ts`, the pieces deflate may start from in a `v2.` share link, once, when v2 was
 * made: `node --import tsx src/build/shareDictionary.ts`. Do not run it again for v2: a v2 link opens only with the
 * pieces it was made with, so changed pieces are a new link version (a test pins them by hash).
 *
 * The pieces: per trigger, a skeleton of a flow document as a link holds it (its event presets by `id@hash`, the
 * usual test expectations); then every action the app ships, as a link's JSON writes it (secret names without
 * values): each trigger's blank action and palette templates, and the actions of the gallery's example flows.
 */
import { writeFileSync } from 'node:fs'
import { actionFromSpec, type ActionSpec, type ExampleFlow } from '../triggers/content.ts'
import { TRIGGERS } from '../triggers/registry.ts'
import { eventBases } from '../engine/shareCodec.ts'
import type { FlowAction } from '../engine/flowDocument.ts'
import { allExamples } from '../examples/writeFlowFiles.ts'

const TEMPLATE_FOLDERS: Record<string, () => Promise<{ BLANK_ACTION: ActionSpec; TEMPLATES: ActionSpec[] }>> = {
  'post-login': () => import('../examples/templates.ts'),
  'credentials-exchange': () => import('../triggers/credentials-exchange/templates.ts'),
  'pre-user-registration': () => import('../triggers/pre-user-registration/templates.ts'),
}

/** The test expectations the example flows use most, so a flow's tests start from their words. */
const TEST_SKELETON = [
  { name: '', now: '2026-11-23T12:00:00Z', event: { user: { app_metadata: {}, user_metadata: {} } }, expect: { status: 'completed', actions: [{ status: 'ok', logs: [{ level: 'log', message: '' }] }], http: [{ method: 'GET', url: 'https://', status: 200, mock: 0 }], user: { app_metadata: { $equals: {} } }, idToken: { claims: { sub: '' }, customClaims: { $equals: {} } }, accessToken: { claims: {}, scope: '' } } },
  { name: '', expect: { status: 'denied', error: { code: 'access_denied', description: '' }, actions: [{ status: 'denied', logs: [{ level: 'warn', message: '' }] }], idToken: null } },
]

function skeleton(trigger: string): string {
  const changes = [[['user', 'app_metadata'], {}]]
  const presets = [...eventBases(trigger).keys()].map((preset) => ({ preset, changes }))
  return JSON.stringify({ version: 1, trigger, name: '', actions: [{ id: '', name: '', code: '', enabled: true, secrets: {} }], eventFrom: presets, mocks: { http: [] }, tests: TEST_SKELETON })
}

/** An action as a link's JSON writes it: its secrets' names without their values. */
const actionPiece = (action: FlowAction) => JSON.stringify({ ...action, secrets: Object.fromEntries(Object.keys(action.secrets).map((name) => [name, ''])) })

export async function sharePieces(): Promise<string[]> {
  const pieces = TRIGGERS.map((trigger) => skeleton(trigger.id))
  const examples: ExampleFlow[] = await allExamples()
  for (const trigger of TRIGGERS) {
    const { BLANK_ACTION, TEMPLATES } = await TEMPLATE_FOLDERS[trigger.id]()
    pieces.push(...[BLANK_ACTION, ...TEMPLATES].map((spec) => actionPiece(actionFromSpec(spec, []))))
    for (const example of examples.filter((candidate) => candidate.document.trigger === trigger.id)) {
      pieces.push(...example.document.actions.map(actionPiece))
    }
  }
  return [...new Set(pieces)]
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const pieces = await sharePieces()
  if (pieces.length > 255) throw new Error(`${pieces.length} pieces: a link names a piece in one byte`)
  const text = `/**
 * The pieces deflate may start from in a \`v2.\` share link (shareCodec.ts), made by src/build/shareDictionary.ts when
 * v2 was made: per trigger a skeleton of a link's JSON, then every action the app shipped (blank actions, palette
 * templates, the example flows' actions) as a link writes it. A link names the pieces it uses by their index here.
 * Frozen with the link format: a v2 link opens only with exactly these pieces (a test pins their hash).
 */
export const SHARE_PIECES_V2: readonly string[] = ${JSON.stringify(pieces, null, 1)}
`
  writeFileSync(new URL('../engine/shareDictionary.ts', import.meta.url), text)
  console.log(`Wrote ${pieces.length} pieces, ${pieces.reduce((sum, piece) => sum + piece.length, 0)} characters, to src/engine/shareDictionary.ts`)
}
