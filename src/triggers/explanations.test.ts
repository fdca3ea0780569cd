/**
 * Every `api` method a trigger's editor types declare, and every engine step the example flows record, has an
 * explanation of what Auth0 does with it (explanations.ts), with a link to Auth0's documentation.
 */
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { flowPackages, withPackages } from '../cli/flowPackages.ts'
import type { FlowDocument } from '../engine/flowDocument.ts'
import { runFlowTests, type FlowTestRunner } from '../engine/flowTestRun.ts'
import type { RunResult } from '../engine/types.ts'
import { allExamples } from '../examples/writeFlowFiles.ts'
import { createNodeRunner } from '../runtime/nodeRunner.ts'
import { EXPLANATIONS, explain } from './explanations.ts'
import { TRIGGERS } from './registry.ts'
import { apiMethods } from './typeChecking.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const runner = createNodeRunner()
afterAll(() => runner.dispose())

/** `trigger: call` for every api call and engine step of every run (and resumed run) of the examples' flow tests. */
async function exampleCalls(): Promise<Set<string>> {
  const calls = new Set<string>()
  const keep = (doc: FlowDocument, result: RunResult) => {
    for (const entry of result.timeline) if (entry.kind === 'api' || entry.kind === 'engine') calls.add(`${doc.trigger}: ${entry.call}`)
    return result
  }
  for (const example of await allExamples()) {
    const flow = withPackages(runner, await flowPackages(example.document, ROOT, example.slug, () => {}))
    const recording: FlowTestRunner = {
      run: async (doc, options) => keep(doc, await flow.run(doc, options)),
      continue: async (doc, previous, request, options) => keep(doc, await flow.continue(doc, previous, request, options)),
    }
    await runFlowTests(example.document, recording)
  }
  return calls
}

describe('explanations', () => {
  it('explain every api method of every trigger, each with an Auth0 documentation link', () => {
    const missing = TRIGGERS.flatMap((trigger) => apiMethods(trigger.id)
      .filter((method) => !explain(trigger.id, `api.${method}`)?.docs.startsWith('https://auth0.com/docs/'))
      .map((method) => `${trigger.id}: api.${method}`))
    expect(missing).toEqual([])
  })

  it('explain every api call and engine step the example flows record', async () => {
    const calls = [...await exampleCalls()]
    expect(calls.length).toBeGreaterThan(20)
    const missing = calls.filter((call) => {
      const [trigger, name] = call.split(': ')
      return !explain(trigger, name)?.docs.startsWith('https://auth0.com/docs/')
    })
    expect(missing.sort()).toEqual([])
  }, 120_000)

  it('are short and non-empty, and no two calls of a trigger share a text', () => {
    const problems = Object.entries(EXPLANATIONS).flatMap(([trigger, entries]) => {
      const texts = Object.values(entries).map(({ text }) => text)
      return Object.entries(entries).flatMap(([call, { text }], index) => [
        ...(!text.trim() || text.length > 300 ? [`${trigger}: ${call} is empty or longer than 300 characters`] : []),
        ...(texts.indexOf(text) !== index ? [`${trigger}: ${call} has the text of an earlier call`] : []),
      ])
    })
    expect(problems).toEqual([])
  })

  it('cover only registered triggers, and nothing for an unknown call', () => {
    expect(Object.keys(EXPLANATIONS).sort()).toEqual(TRIGGERS.map((trigger) => trigger.id).sort())
    expect(explain('post-login', 'api.user.nothing')).toBeUndefined()
    expect(explain('post-login', 'toString')).toBeUndefined()
  })
})
