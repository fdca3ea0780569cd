import { createHash } from 'node:crypto'
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate'
import { compressToEncodedURIComponent } from 'lz-string'
import { describe, expect, it } from 'vitest'
import { allExamples } from '../examples/writeFlowFiles.ts'
import { createDefaultEvent } from '../triggers/post-login/defaultEvent.ts'
import { createEntropy } from './determinism.ts'
import { validateFlowDocument, type FlowDocument } from './flowDocument.ts'
import { checksum, decodeShareLink, encodeShareLink, MAX_INFLATED_BYTES, shareUrl, withoutSecretValues } from './shareCodec.ts'
import { SHARE_PIECES_V2 } from './shareDictionary.ts'
import V1_LINKS from './fixtures/v1-links.json'

/** Every example flow of every trigger, as the gallery and `npm run examples` have them. */
const EXAMPLES = await allExamples()

const dictionary = (pieces: number[]) => strToU8(pieces.map((index) => SHARE_PIECES_V2[index]).join(''))

/** A v1 link made of deflate data, with the checksum of what it inflates to, as v1 wrote it. */
const link = (deflated: Uint8Array) => {
  let inflated = new Uint8Array()
  try { inflated = inflateSync(deflated) } catch { /* not deflate: the codec refuses it before the checksum */ }
  return `v1.${Buffer.concat([deflated, checksum(inflated)]).toString('base64url')}`
}
/** The v1 link of a document, as the previous release's Share button made it. */
const v1Link = (doc: FlowDocument) => link(deflateSync(strToU8(JSON.stringify(withoutSecretValues(doc))), { level: 9 }))
/** A v2 link of any JSON: the count of pieces, their indexes, deflate from them, the checksum. */
const v2Link = (wire: unknown, pieces: number[] = []) => {
  const json = strToU8(JSON.stringify(wire))
  return `v2.${Buffer.concat([new Uint8Array([pieces.length, ...pieces]), deflateSync(json, { dictionary: dictionary(pieces) }), checksum(json)]).toString('base64url')}`
}
/** The JSON text a link carries (for v2: with `eventFrom` in place of the event). */
const inflatedText = (fragment: string) => {
  const bytes = Buffer.from(fragment.replace(/^v\d+\./, ''), 'base64url')
  if (fragment.startsWith('v1.')) return strFromU8(inflateSync(bytes.subarray(0, bytes.length - 4)))
  const pieces = [...bytes.subarray(1, 1 + bytes[0])]
  return strFromU8(inflateSync(bytes.subarray(1 + pieces.length, bytes.length - 4), { dictionary: dictionary(pieces) }))
}
/** The link with the last byte of its checksum changed. */
const withChecksumChanged = (fragment: string) => {
  const bytes = Buffer.from(fragment.slice(3), 'base64url')
  bytes[bytes.length - 1] ^= 1
  return `${fragment.slice(0, 3)}${bytes.toString('base64url')}`
}
/** The document as opening it, from a link or a file, gives it: secret values blanked, checked by the flow document's schema. */
function opened(doc: FlowDocument): FlowDocument {
  const result = validateFlowDocument(JSON.parse(JSON.stringify(withoutSecretValues(doc))))
  if (!result.ok) throw new Error(result.errors.join('; '))
  return result.value
}
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

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
  unknownPreset: /starts from an event preset this version of the playground does not know/,
  changedPreset: /this version's "google" is different, so the event cannot be rebuilt/,
  notRebuilt: /event could not be rebuilt from the preset/,
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
  it('round-trip every example of every trigger exactly, key order included, with secret values blanked and secret names kept', () => {
    expect(new Set(EXAMPLES.map((example) => example.document.trigger))).toEqual(new Set(['post-login', 'credentials-exchange', 'pre-user-registration']))
    for (const example of EXAMPLES) {
      const fragment = encodeShareLink(example.document)
      expect(fragment).toMatch(/^v2\.[A-Za-z0-9_-]+$/)
      expect(JSON.stringify(decoded(fragment))).toBe(JSON.stringify(opened(example.document)))
      expect(JSON.stringify(decoded(`#${fragment}`))).toBe(JSON.stringify(opened(example.document)))
      // A flow file read by the CLI is the opened document: it gets the same link as the app's copy of the example.
      expect(encodeShareLink(opened(example.document))).toBe(fragment)
    }
  })

  it('round-trip events edited away from every preset, keys reordered, added and removed, code written by hand and an empty flow', () => {
    const doc = structuredClone(EXAMPLES[0].document)
    const user = doc.event.user as Record<string, unknown>
    delete user.picture
    doc.event.user = { added: [1, { b: 2, a: null }], ...user, email: 'é😀"</script>' }
    doc.event.geoip = { countryCode: 'FR' }
    doc.actions[0].code = '// written by hand\nexports.onExecutePostLogin = async () => {};\n'
    const reordered = { ...doc, event: { zebra: 1, ...doc.event } }
    const empty = { ...doc, actions: [], tests: [] }
    for (const each of [doc, reordered, empty]) expect(JSON.stringify(decoded(encodeShareLink(each)))).toBe(JSON.stringify(opened(each)))
  })

  it('round-trip random documents with unicode, quotes, </script>, emoji, nested values, mocks and unknown fields', () => {
    for (const doc of randomDocuments(20_260_523, 200)) {
      expect(JSON.stringify(decoded(encodeShareLink(doc)))).toBe(JSON.stringify(opened(doc)))
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
    const result = decodeShareLink(link(deflateSync(strToU8(JSON.stringify(doc)))))
    expect(result.ok && result.missingSecrets).toEqual([{ actionId: doc.actions[0].id, actionName: doc.actions[0].name, names: ['EMPTY'] }])
  })

  it('are the same link from the Share button and `actions-playground link`: both call shareUrl', () => {
    const doc = EXAMPLES[0].document
    expect(shareUrl(doc, 'https://playground.example.com/app/')).toBe(`https://playground.example.com/app/#${encodeShareLink(doc)}`)
  })

  it('ignore whitespace that mail or chat apps put into a long link', () => {
    const fragment = encodeShareLink(EXAMPLES[1].document)
    const wrapped = `  #${fragment.slice(0, 40)}\n${fragment.slice(40, 90)} \r\n${fragment.slice(90)}\n`
    expect(decoded(wrapped)).toEqual(withoutSecretValues(EXAMPLES[1].document))
  })
})

const favoriteColor = EXAMPLES.find((example) => example.slug === 'favorite-color-redirect')!.document
const V1_FRAGMENT = V1_LINKS.links.find((entry) => entry.slug === 'favorite-color-redirect')!.link
const V2_FRAGMENT = encodeShareLink(favoriteColor)

describe.each([['v1', V1_FRAGMENT], ['v2', V2_FRAGMENT]])('a damaged %s link', (version, fragment) => {
  it('says that a link of a later format needs a newer playground', () => {
    expect(failure(fragment.replace(/^v\d+\./, 'v3.'))).toMatch(MESSAGES.newer)
    expect(failure(`#${fragment.replace(/^v\d+\./, 'v9.')}`)).toMatch(/newer version of the playground \(link format v9\)/)
    expect(failure(fragment.replace(/^v\d+\./, 'v0.'))).toMatch(/does not know \(v0\)/)
  })

  it('names a character that a share link never has', () => {
    expect(failure(`${version}.%%%not-base64`)).toMatch(/contains "%", which a share link never has/)
    expect(failure(`${fragment.slice(0, 20)}+${fragment.slice(21)}`)).toMatch(/contains "\+"/)
    expect(failure(`${fragment.slice(0, 20)}=`)).toMatch(/contains "="/)
  })

  it('says a link cut off anywhere is incomplete', () => {
    for (let length = 0; length < fragment.length - 3; length++) {
      expect(failure(fragment.slice(0, 3 + length))).toMatch(MESSAGES.damaged)
    }
  })

  it('refuses a link with any character changed, and never throws', () => {
    // All ones in the first byte: an invalid deflate block type in v1, 255 pieces in v2.
    expect(failure(`${version}.____${fragment.slice(7)}`)).toMatch(MESSAGES.damaged)
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    for (let i = 3; i < fragment.length; i++) {
      const changed = fragment.slice(0, i) + alphabet[(alphabet.indexOf(fragment[i]) + 29) % 64] + fragment.slice(i + 1)
      const result = decodeShareLink(changed)
      // The checksum catches what deflate lets through; only a change in the last character's unused bits decodes, to the same flow.
      if (result.ok) expect(JSON.stringify(result.value)).toBe(JSON.stringify(decoded(fragment)))
      else expect(result.error).toMatch(anyMessage)
    }
  })
})

describe('a v2 link whose event this version cannot rebuild', () => {
  const wire = JSON.parse(inflatedText(V2_FRAGMENT))
  const withEventFrom = (eventFrom: unknown) => v2Link({ ...wire, eventFrom })

  it('starts from an event preset named by id and hash', () => {
    expect(wire.eventFrom.preset).toMatch(/^[a-z-]+@[0-9a-f]{8}$/)
    expect(wire).not.toHaveProperty('event')
  })

  it('names a preset this version does not know, and its trigger', () => {
    expect(failure(withEventFrom({ preset: 'moonlight@0badc0de', changes: [] }))).toMatch(MESSAGES.unknownPreset)
    expect(failure(withEventFrom({ preset: 'moonlight@0badc0de', changes: [] }))).toContain('"moonlight" for post-login trigger')
  })

  it('says when this version has the preset by name but with other content', () => {
    expect(failure(withEventFrom({ preset: 'google@00000000', changes: [] }))).toMatch(MESSAGES.changedPreset)
  })

  it('says changes that do not fit the preset are damage, and an eventFrom that is not one is no flow', () => {
    const preset = wire.eventFrom.preset
    expect(failure(withEventFrom({ preset, changes: [[['no', 'such', 'path'], 1]] }))).toMatch(MESSAGES.notRebuilt)
    expect(failure(withEventFrom({ preset, changes: [['not a path']] }))).toMatch(MESSAGES.notRebuilt)
    expect(failure(withEventFrom({ preset, changes: [[[]]] }))).toMatch(MESSAGES.notRebuilt)
    expect(failure(withEventFrom('default'))).toMatch(/not a valid flow document: its event is missing/)
    expect(failure(v2Link([1, 2]))).toMatch(/not a valid flow document: it is not an object/)
  })

  it('refuses pieces this version does not have as damage', () => {
    expect(failure(v2Link(wire, [SHARE_PIECES_V2.length]))).toMatch(MESSAGES.damaged)
    expect(failure(v2Link(wire, [0, 255]))).toMatch(MESSAGES.damaged)
  })
})

describe('other foreign links', () => {
  it('say when there is no link or it is not a share link', () => {
    expect(failure('')).toMatch(MESSAGES.empty)
    expect(failure('#')).toMatch(MESSAGES.empty)
    for (const other of ['#code/N4Igz', 'hello', 'v1', '#V1.abc', 'vx.abc', '1.abc']) expect(failure(other)).toMatch(MESSAGES.notShareLink)
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
      '', 'hello', V2_FRAGMENT.replace(/^v2\./, 'v3.'), 'v2.%', V2_FRAGMENT.slice(0, -5), link(new Uint8Array([0xff, 0xff])),
      link(deflateSync(new Uint8Array([0xff]))), link(deflateSync(strToU8('nope'))), link(deflateSync(strToU8('{}'))),
      link(deflateSync(new Uint8Array(MAX_INFLATED_BYTES + 1))), withChecksumChanged(V2_FRAGMENT),
      v2Link({ trigger: 'post-login', eventFrom: { preset: 'moonlight@0badc0de', changes: [] } }),
      v2Link({ trigger: 'post-login', eventFrom: { preset: 'google@00000000', changes: [] } }),
      v2Link({ trigger: 'post-login', eventFrom: { preset: 'none@', changes: [[[]]] } }),
    ]
    const errors = samples.map(failure)
    expect(new Set(errors.map((error) => Object.entries(MESSAGES).find(([, pattern]) => pattern.test(error))?.[0])).size).toBe(Object.keys(MESSAGES).length)
    expect(failure(undefined as unknown as string)).toMatch(/could not be read/)
  })
})

describe('link length', () => {
  it('is under 2,000 characters and at most 0.3 of lz-string\'s for every example (v2, v1 and lz-string printed)', () => {
    const rows = EXAMPLES.map((example) => {
      const json = JSON.stringify(withoutSecretValues(example.document))
      return { example: example.slug, v2: encodeShareLink(example.document).length, v1: v1Link(example.document).length, lzString: compressToEncodedURIComponent(json).length }
    })
    const cell = (value: number) => String(value).padStart(6)
    console.log([
      `${'example'.padEnd(28)}     v2     v1  lz-string  v2/lz`,
      ...rows.map((row) => `${row.example.padEnd(28)} ${cell(row.v2)} ${cell(row.v1)}     ${cell(row.lzString)}   ${(row.v2 / row.lzString).toFixed(2)}`),
    ].join('\n'))
    for (const row of rows) {
      expect(row.v2, row.example).toBeLessThan(2000)
      expect(row.v2, row.example).toBeLessThanOrEqual(0.3 * row.lzString)
    }
  })
})

describe('v1 links of the previous release', () => {
  it('were made for every example of every trigger by the release\'s own encoder (fixtures/v1-links.json)', () => {
    expect(V1_LINKS.madeBy).toBe('c7ad05e')
    expect(V1_LINKS.links.map((entry) => entry.slug).sort()).toEqual(EXAMPLES.map((example) => example.slug).sort())
  })

  it('still open, each to exactly the document the release opened it to', () => {
    for (const entry of V1_LINKS.links) {
      expect(entry.link).toMatch(/^v1\./)
      expect(sha256(JSON.stringify(decoded(entry.link))), entry.slug).toBe(entry.sha256)
    }
  })
})

describe('the pieces v2 links start from', () => {
  it('are frozen: a v2 link opens only with exactly these (changed pieces are a new link version)', () => {
    expect(SHARE_PIECES_V2.length).toBeLessThanOrEqual(255)
    expect(sha256(JSON.stringify(SHARE_PIECES_V2))).toBe('3b0879e1cfe123c00fd30ab46008befc21083d40ac705f553dfbe3b717d96c03')
  })

  it('make flows of shipped actions short, and flows of new code no longer than without them', () => {
    const doc = structuredClone(favoriteColor)
    // The same code with its letters shifted (rot13): as long, but sharing no line with a piece.
    const rot13 = (code: string) => code.replace(/[a-z]/gi, (char) => String.fromCharCode(((char.toLowerCase().charCodeAt(0) - 97 + 13) % 26) + (char <= 'Z' ? 65 : 97)))
    const own = { ...doc, actions: doc.actions.map((action) => ({ ...action, code: rot13(action.code) })) }
    expect(inflatedText(encodeShareLink(doc)).length).toBeGreaterThan(1000)
    expect(encodeShareLink(doc).length).toBeLessThan(encodeShareLink(own).length / 2)
  })
})
