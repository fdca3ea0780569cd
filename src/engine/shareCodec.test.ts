import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate'
import { compressToEncodedURIComponent } from 'lz-string'
import { describe, expect, it } from 'vitest'
import { EXAMPLES } from '../examples/catalog.ts'
import { createDefaultEvent } from '../triggers/post-login/defaultEvent.ts'
import { createEntropy } from './determinism.ts'
import type { FlowDocument } from './flowDocument.ts'
import { checksum, decodeShareLink, encodeShareLink, MAX_INFLATED_BYTES, withoutSecretValues } from './shareCodec.ts'

/** A link made of deflate data, with the checksum of what it inflates to, as the codec writes it. */
const link = (deflated: Uint8Array, version = 1) => {
  let inflated = new Uint8Array()
  try { inflated = inflateSync(deflated) } catch { /* not deflate: the codec refuses it before the checksum */ }
  return `v${version}.${Buffer.concat([deflated, checksum(inflated)]).toString('base64url')}`
}
const inflatedText = (fragment: string) => {
  const bytes = Buffer.from(fragment.replace(/^v\d+\./, ''), 'base64url')
  return strFromU8(inflateSync(bytes.subarray(0, bytes.length - 4)))
}

function decoded(fragment: string): FlowDocument {
  const result = decodeShareLink(fragment)
  if (!result.ok) throw new Error(result.error)
  return result.value
}

function failure(fragment: string): string {
  const result = decodeShareLink(fragment)
  if (result.ok) throw new Error('decoded a link that should fail')
  return result.error
}

const MESSAGES = {
  empty: /no flow in it/,
  notShareLink: /not a playground share link/,
  newer: /made by a newer version of the playground/,
  badCharacters: /which a share link never has/,
  damaged: /The link is incomplete or damaged — was it cut off\?/,
  tooLarge: /unpacks to more than 5 MB/,
  notUtf8: /not text \(not UTF-8\)/,
  notJson: /text that is not JSON/,
  notFlowDocument: /not a valid flow document/,
  changed: /changed after it was made \(its checksum does not match\)/,
}
const anyMessage = new RegExp(Object.values(MESSAGES).map((pattern) => pattern.source).join('|'))

/** Random documents with the text that tends to break encoders: unicode, quotes, `</script>`, emoji, lone surrogates. */
function randomDocuments(seed: number, count: number): FlowDocument[] {
  const random = createEntropy(seed).random
  const int = (max: number) => Math.floor(random() * max)
  const pick = <T,>(items: readonly T[]) => items[int(items.length)]
  const pieces = ['a', 'Z', ' ', '"', "'", '`', '\\', '\n', '\t', '</script>', '<!--', '${x}', 'é', 'ß', '中文', 'עברית', '😀', '👩‍💻', '🏳️‍🌈', '\u0000', '\u2028', '\ud800', '%', '#', '&', '+', '/']
  const text = (max = 12) => Array.from({ length: int(max) }, () => pick(pieces)).join('')
  const value = (depth: number): unknown => {
    switch (int(depth > 3 ? 4 : 6)) {
      case 0: return text()
      case 1: return int(2_000_000) - 1_000_000 + (random() < 0.5 ? 0 : random())
      case 2: return random() < 0.5
      case 3: return null
      case 4: return Array.from({ length: int(4) }, () => value(depth + 1))
      default: return Object.fromEntries(Array.from({ length: int(4) }, () => [text(6), value(depth + 1)]))
    }
  }
  return Array.from({ length: count }, (_, docIndex) => {
    const event = { ...createDefaultEvent(), nested: value(0), [text(5)]: value(0) } as Record<string, any>
    event.user.app_metadata = { deep: value(0) }
    return {
      version: 1,
      trigger: 'post-login',
      name: text(30),
      actions: Array.from({ length: int(6) }, (_, i) => ({
        id: `action-${i}`,
        name: text(20),
        code: `exports.onExecutePostLogin = async (event, api) => {\n  // ${text(40)}\n  api.idToken.setCustomClaim("x", ${JSON.stringify(text(20))});\n};\n`,
        enabled: random() < 0.7,
        secrets: Object.fromEntries(Array.from({ length: int(3) }, (_, s) => [`SECRET_${s}_${text(4)}`, `secret-value-${docIndex}-${i}-${s}-${int(1e9)}`])),
        ...(random() < 0.3 ? { color: text(5), future: value(0) } : {}),
      })),
      event,
      mocks: {
        http: Array.from({ length: int(3) }, () => ({ method: pick(['GET', 'POST']), url: `https://api.example.com/${text(5)}`, status: pick([200, 404, 500]), body: value(0), headers: { 'x-test': text(5) } })),
        ...(random() < 0.3 ? { later: value(0) } : {}),
      },
      ...(random() < 0.3 ? { unknownTopLevel: value(0) } : {}),
    } as FlowDocument
  })
}

const secretValues = (doc: FlowDocument) => doc.actions.flatMap((action) => Object.values(action.secrets)).filter(Boolean)

describe('share links', () => {
  it('round-trip every example, with secret values blanked and secret names kept', () => {
    for (const example of EXAMPLES) {
      const fragment = encodeShareLink(example.document)
      expect(fragment).toMatch(/^v1\.[A-Za-z0-9_-]+$/)
      expect(decoded(fragment)).toEqual(withoutSecretValues(example.document))
      expect(decoded(`#${fragment}`)).toEqual(withoutSecretValues(example.document))
    }
  })

  it('round-trip random documents with unicode, quotes, </script>, emoji, nested values, mocks and unknown fields', () => {
    for (const doc of randomDocuments(20_260_523, 200)) {
      expect(decoded(encodeShareLink(doc))).toEqual(withoutSecretValues(doc))
    }
  })

  it('never carry a secret value, and list the secrets the user must fill in', () => {
    const docs = [...EXAMPLES.map((example) => example.document), ...randomDocuments(7, 100)]
    expect(docs.flatMap(secretValues).length).toBeGreaterThan(50)
    for (const doc of docs) {
      const fragment = encodeShareLink(doc)
      const raw = inflatedText(fragment)
      const result = decodeShareLink(fragment)
      if (!result.ok) throw new Error(result.error)
      for (const secret of secretValues(doc)) {
        expect(raw).not.toContain(secret)
        expect(JSON.stringify(result.value)).not.toContain(secret)
      }
      expect(result.value.actions.map((action) => Object.keys(action.secrets))).toEqual(doc.actions.map((action) => Object.keys(action.secrets)))
      expect(result.missingSecrets).toEqual(doc.actions
        .filter((action) => Object.keys(action.secrets).length)
        .map((action) => ({ actionId: action.id, actionName: action.name, names: Object.keys(action.secrets) })))
    }
  })

  it('leave out secret values typed into event.secrets too', () => {
    const doc = structuredClone(EXAMPLES[0].document)
    doc.event.secrets = { FROM_EVENT: 'event-secret-value' }
    expect(inflatedText(encodeShareLink(doc))).not.toContain('event-secret-value')
    expect(decoded(encodeShareLink(doc)).event.secrets).toEqual({ FROM_EVENT: '' })
  })

  it('list only the secrets still without a value', () => {
    const doc = structuredClone(EXAMPLES[0].document)
    doc.actions[0].secrets = { FILLED: 'x', EMPTY: '' }
    const json = JSON.stringify(doc)
    const result = decodeShareLink(link(deflateSync(strToU8(json))))
    expect(result.ok && result.missingSecrets).toEqual([{ actionId: doc.actions[0].id, actionName: doc.actions[0].name, names: ['EMPTY'] }])
  })

  it('ignore whitespace that mail or chat apps put into a long link', () => {
    const fragment = encodeShareLink(EXAMPLES[1].document)
    const wrapped = `  #${fragment.slice(0, 40)}\n${fragment.slice(40, 90)} \r\n${fragment.slice(90)}\n`
    expect(decoded(wrapped)).toEqual(withoutSecretValues(EXAMPLES[1].document))
  })
})

describe('damaged or foreign share links', () => {
  const fragment = encodeShareLink(EXAMPLES.find((example) => example.slug === 'favorite-color-redirect')!.document)

  it('say when there is no link or it is not a share link', () => {
    expect(failure('')).toMatch(MESSAGES.empty)
    expect(failure('#')).toMatch(MESSAGES.empty)
    for (const other of ['#code/N4Igz', 'hello', 'v1', '#V1.abc', 'vx.abc', '1.abc']) expect(failure(other)).toMatch(MESSAGES.notShareLink)
  })

  it('say that a link of a later format needs a newer playground', () => {
    expect(failure(fragment.replace(/^v1\./, 'v2.'))).toMatch(MESSAGES.newer)
    expect(failure(`#${fragment.replace(/^v1\./, 'v9.')}`)).toMatch(/newer version of the playground \(link format v9\)/)
    expect(failure(fragment.replace(/^v1\./, 'v0.'))).toMatch(/does not know \(v0\)/)
  })

  it('name a character that a share link never has', () => {
    expect(failure('v1.%%%not-base64')).toMatch(/contains "%", which a share link never has/)
    expect(failure(`${fragment.slice(0, 20)}+${fragment.slice(21)}`)).toMatch(/contains "\+"/)
    expect(failure(`${fragment.slice(0, 20)}=`)).toMatch(/contains "="/)
  })

  it('say a link cut off anywhere is incomplete', () => {
    for (let length = 0; length < fragment.length - 3; length++) {
      expect(failure(fragment.slice(0, 3 + length))).toMatch(MESSAGES.damaged)
    }
  })

  it('refuse a link with any character changed, and never throw', () => {
    // All ones in the first byte make an invalid deflate block type.
    expect(failure(`v1.____${fragment.slice(7)}`)).toMatch(MESSAGES.damaged)
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    for (let i = 3; i < fragment.length; i++) {
      const changed = fragment.slice(0, i) + alphabet[(alphabet.indexOf(fragment[i]) + 29) % 64] + fragment.slice(i + 1)
      const result = decodeShareLink(changed)
      // The checksum catches what deflate lets through; only a change in the last character's unused bits decodes, to the same flow.
      if (result.ok) expect(encodeShareLink(result.value)).toBe(fragment)
      else expect(result.error).toMatch(anyMessage)
    }
  })

  it('say data that is not deflate is damaged', () => {
    expect(failure(link(strToU8('{"version":1,"trigger":"post-login"}')))).toMatch(MESSAGES.damaged)
    expect(failure(link(new Uint8Array([0xff, 0xff, 0xff, 0xff])))).toMatch(MESSAGES.damaged)
    expect(failure('v1.')).toMatch(MESSAGES.damaged)
  })

  it('refuse a decompression bomb before unpacking all of it', () => {
    const bomb = deflateSync(new Uint8Array(MAX_INFLATED_BYTES + 1).fill(0x20), { level: 9 })
    expect(bomb.length).toBeLessThan(10_000)
    expect(failure(link(bomb))).toMatch(MESSAGES.tooLarge)
    const atTheCap = `"${' '.repeat(MAX_INFLATED_BYTES - 2)}"`
    expect(failure(link(deflateSync(strToU8(atTheCap))))).toMatch(MESSAGES.notFlowDocument)
  })

  it('say inflated bytes that are not UTF-8 or not JSON were not made by the playground', () => {
    expect(failure(link(deflateSync(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))))).toMatch(MESSAGES.notUtf8)
    expect(failure(link(deflateSync(strToU8('not json at all'))))).toMatch(MESSAGES.notJson)
    expect(failure(link(deflateSync(strToU8('{"version": 1,'))))).toMatch(/not JSON \(Invalid JSON at line 1, column 15/)
  })

  it('name the first problems of JSON that is not a flow document', () => {
    const error = failure(link(deflateSync(strToU8(JSON.stringify({ version: 1, trigger: 'post-login', name: 5, actions: [{ id: '' }], event: {} })))))
    expect(error).toMatch(MESSAGES.notFlowDocument)
    expect(error).toContain('name: ')
    expect(error).toMatch(/actions\[0\]\.id/)
    expect(error).toMatch(/\(and \d+ more\)/)
    expect(failure(link(deflateSync(strToU8('[1, 2]'))))).toMatch(/not a valid flow document: \(document\)/)
  })

  it('give a distinct message for each kind of problem, and never throw', () => {
    const samples = [
      '', 'hello', fragment.replace(/^v1\./, 'v2.'), 'v1.%', fragment.slice(0, -5), link(new Uint8Array([0xff, 0xff])),
      link(deflateSync(new Uint8Array([0xff]))), link(deflateSync(strToU8('nope'))), link(deflateSync(strToU8('{}'))),
      link(deflateSync(new Uint8Array(MAX_INFLATED_BYTES + 1))),
    ]
    const errors = samples.map(failure)
    expect(new Set(errors.map((error) => Object.entries(MESSAGES).find(([, pattern]) => pattern.test(error))?.[0])).size).toBe(9)
    expect(failure(undefined as unknown as string)).toMatch(/could not be read/)
  })
})

describe('link length', () => {
  it('is shorter with fflate deflate than with lz-string for the examples', () => {
    const rows = EXAMPLES.map((example) => {
      const json = JSON.stringify(withoutSecretValues(example.document))
      return { example: example.slug, json: json.length, fflate: encodeShareLink(example.document).length, lzString: compressToEncodedURIComponent(json).length }
    })
    console.log(rows.map((row) => `${row.example.padEnd(28)} JSON ${String(row.json).padStart(5)}  fflate v1 ${String(row.fflate).padStart(5)}  lz-string ${String(row.lzString).padStart(5)}  (${Math.round((1 - row.fflate / row.lzString) * 100)}% shorter)`).join('\n'))
    for (const row of rows) expect(row.fflate).toBeLessThan(row.lzString)
  })
})
