import * as nodeCrypto from 'node:crypto'
import * as nodeQuerystring from 'node:querystring'
import * as nodeUrl from 'node:url'
import * as nodeUtil from 'node:util'
import { describe, it, expect } from 'vitest'
import { createEntropy } from '../determinism.ts'
import { createBuiltinModules } from './nodeBuiltins.ts'
import { bufferOutcomes, formattingOutcomes } from './differentialCases.ts'
import { formatLog } from '../nodeInspect.ts'

/** The modules under test, typed as Node's: every check below compares them with the real ones. */
function builtins(seed?: number) {
  const modules = createBuiltinModules(createEntropy(seed))
  return {
    crypto: modules.crypto as typeof nodeCrypto,
    url: modules.url as typeof nodeUrl,
    querystring: modules.querystring as typeof nodeQuerystring,
    util: modules.util as typeof nodeUtil,
    buffer: modules.buffer as { Buffer: typeof Buffer; constants: { MAX_LENGTH: number } },
  }
}

const { crypto, url, querystring, util, buffer } = builtins()

function thrown(run: () => unknown): Error {
  try {
    run()
  } catch (error) {
    return error as Error
  }
  throw new Error('expected a throw')
}

/** Same constructor, message and code as what Node throws. */
function expectSameError(ours: () => unknown, node: () => unknown) {
  const expected = thrown(node)
  const actual = thrown(ours)
  expect(actual.message).toBe(expected.message)
  expect(actual.name).toBe(expected.name)
  expect((actual as Error & { code?: string }).code).toBe((expected as Error & { code?: string }).code)
}

/** Hex of a digest, so Buffers from either implementation compare as text. */
const hex = (value: unknown) => (typeof value === 'string' ? value : Buffer.from(value as Uint8Array).toString('hex'))

const ALGORITHMS = ['md5', 'sha1', 'sha256', 'sha384', 'sha512']
/** Node's other digests the playground has too. */
const MORE_ALGORITHMS = [
  'sha224', 'sha512-224', 'sha512-256', 'sha3-224', 'sha3-256', 'sha3-384', 'sha3-512', 'ripemd160', 'blake2b512',
  'blake2s256', 'shake128', 'shake256',
]
const ENCODINGS = [undefined, 'hex', 'base64', 'base64url', 'latin1', 'binary'] as const
const bytes0to255 = Uint8Array.from({ length: 256 }, (_, i) => i)
const INPUTS: Array<string | Uint8Array> = [
  '',
  'hello world',
  'ünïcødé ✓ 😀',
  'x'.repeat(1000),
  bytes0to255,
  Buffer.from('a buffer'),
  bytes0to255.subarray(10, 77),
]

describe('crypto hashes', () => {
  it.each(ALGORITHMS)('createHash(%s) matches Node for every input and output encoding', (algorithm) => {
    for (const input of INPUTS) {
      for (const encoding of ENCODINGS) {
        const ours = crypto.createHash(algorithm).update(input).digest(encoding as 'hex')
        const node = nodeCrypto.createHash(algorithm).update(input).digest(encoding as 'hex')
        expect(typeof ours).toBe(typeof node)
        expect(hex(ours)).toBe(hex(node))
      }
    }
  })

  it('returns a Buffer from digest() and hashes chained updates in any input encoding', () => {
    const chain = (module: typeof nodeCrypto) => module.createHash('sha256')
      .update('68656c6c6f', 'hex')
      .update('IHdvcmxk', 'base64')
      .update('_-8', 'base64url')
      .update('ÿþ', 'latin1')
      .update('ünï', 'utf8')
      .update(new Uint16Array([1, 2, 3]))
      .update('unknown encodings read as utf8', 'nonsense' as 'utf8')
      .digest()
    const ours = chain(crypto)
    expect(ours).toBeInstanceOf(buffer.Buffer)
    expect(hex(ours)).toBe(hex(chain(nodeCrypto)))
  })

  it('accepts the algorithm aliases Node accepts', () => {
    for (const alias of ['SHA256', 'sha-256', 'RSA-SHA256', 'SHA-1', 'MD5']) {
      expect(crypto.createHash(alias).update('x').digest('hex')).toBe(nodeCrypto.createHash(alias).update('x').digest('hex'))
    }
  })

  it('throws like Node for unknown algorithms, bad data and a second digest', () => {
    expectSameError(() => crypto.createHash('sha999'), () => nodeCrypto.createHash('sha999'))
    expectSameError(() => crypto.createHash('md5').update(5 as never), () => nodeCrypto.createHash('md5').update(5 as never))
    expectSameError(() => crypto.createHash('md5').update({} as never), () => nodeCrypto.createHash('md5').update({} as never))
    const ours = crypto.createHash('md5')
    const node = nodeCrypto.createHash('md5')
    ours.digest()
    node.digest()
    expectSameError(() => ours.digest(), () => node.digest())
    expectSameError(() => ours.update('x'), () => node.update('x'))
  })
})

describe('crypto: more digests, hash(), copy() and key derivation', () => {
  it.each(MORE_ALGORITHMS)('createHash(%s) and crypto.hash match Node', (algorithm) => {
    for (const input of INPUTS) {
      for (const encoding of ENCODINGS) {
        expect(hex(crypto.createHash(algorithm).update(input).digest(encoding as 'hex')))
          .toBe(hex(nodeCrypto.createHash(algorithm).update(input).digest(encoding as 'hex')))
      }
      expect(crypto.hash(algorithm, input)).toBe(nodeCrypto.hash(algorithm, input))
      expect(hex(crypto.hash(algorithm, input, 'buffer'))).toBe(hex(nodeCrypto.hash(algorithm, input, 'buffer')))
      expect(crypto.hash(algorithm, input, 'base64')).toBe(nodeCrypto.hash(algorithm, input, 'base64'))
    }
  })

  it('accepts the names Node lists in getHashes() for these digests', () => {
    const names = nodeCrypto.getHashes()
    for (const name of [...names, 'SHA3-256', 'Sha224', 'SHA-256', 'RIPEMD']) {
      if (/sm3|md5-sha1|ssl3|RSA-SHA1-2/i.test(name)) continue
      expect([name, crypto.createHash(name).update('x').digest('hex')]).toEqual([name, nodeCrypto.createHash(name).update('x').digest('hex')])
    }
  })

  it('hash.copy() and shake outputLength match Node', () => {
    for (const algorithm of [...ALGORITHMS, ...MORE_ALGORITHMS]) {
      const ours = crypto.createHash(algorithm).update('first')
      const node = nodeCrypto.createHash(algorithm).update('first')
      const ourCopy = ours.copy()
      const nodeCopy = node.copy()
      expect(ours.update('a').digest('hex')).toBe(node.update('a').digest('hex'))
      expect(ourCopy.update('b').digest('hex')).toBe(nodeCopy.update('b').digest('hex'))
    }
    for (const outputLength of [0, 1, 5, 16, 32, 100]) {
      for (const algorithm of ['shake128', 'shake256']) {
        expect(crypto.createHash(algorithm, { outputLength }).update('x').digest('hex'))
          .toBe(nodeCrypto.createHash(algorithm, { outputLength }).update('x').digest('hex'))
        expect(crypto.createHash(algorithm).update('y').copy({ outputLength }).digest('hex'))
          .toBe(nodeCrypto.createHash(algorithm).update('y').copy({ outputLength }).digest('hex'))
      }
    }
    expect(crypto.createHash('sha256', { outputLength: 32 }).update('x').digest('hex')).toBe(nodeCrypto.createHash('sha256').update('x').digest('hex'))
    expectSameError(() => crypto.createHash('sha256', { outputLength: 5 }), () => nodeCrypto.createHash('sha256', { outputLength: 5 }))
    const ours = crypto.createHash('sha256')
    const node = nodeCrypto.createHash('sha256')
    ours.digest()
    node.digest()
    expectSameError(() => ours.copy(), () => node.copy())
    expect('copy' in crypto.createHmac('sha256', 'k')).toBe('copy' in nodeCrypto.createHmac('sha256', 'k'))
  })

  it('HMAC with the other digests matches Node', () => {
    for (const algorithm of MORE_ALGORITHMS.filter((name) => !name.startsWith('shake'))) {
      expect(crypto.createHmac(algorithm, 'key').update('data').digest('hex')).toBe(nodeCrypto.createHmac(algorithm, 'key').update('data').digest('hex'))
    }
  })

  it('pbkdf2Sync, hkdfSync and scryptSync match Node', () => {
    const secrets = ['password', '', Buffer.from('bytes'), new Uint8Array([1, 2, 3])]
    for (const digest of ['sha1', 'sha256', 'sha512', 'sha3-256', 'SHA256']) {
      for (const secret of secrets) {
        expect(hex(crypto.pbkdf2Sync(secret, 'salt', 3, 40, digest))).toBe(hex(nodeCrypto.pbkdf2Sync(secret, 'salt', 3, 40, digest)))
        expect(hex(Buffer.from(crypto.hkdfSync(digest, secret, 'salt', 'info', 42))))
          .toBe(hex(Buffer.from(nodeCrypto.hkdfSync(digest, secret, 'salt', 'info', 42))))
        expect(hex(Buffer.from(crypto.hkdfSync(digest, secret, '', '', 16)))).toBe(hex(Buffer.from(nodeCrypto.hkdfSync(digest, secret, '', '', 16))))
      }
    }
    expect(crypto.hkdfSync('sha256', 'k', 's', 'i', 16)).toBeInstanceOf(ArrayBuffer)
    expect(crypto.pbkdf2Sync('p', 's', 1, 0, 'sha256').length).toBe(0)
    const options = [undefined, { N: 16 }, { cost: 32, blockSize: 2, parallelization: 2 }, { N: 0 }, { N: 64, r: 1, p: 3 }]
    for (const option of options) {
      expect(hex(crypto.scryptSync('password', 'salt', 24, option))).toBe(hex(nodeCrypto.scryptSync('password', 'salt', 24, option)))
    }
  })

  it('the callback forms call back later with the same bytes', async () => {
    const pbkdf2 = await new Promise<Buffer>((resolve, reject) => crypto.pbkdf2('p', 's', 2, 20, 'sha256', (error, key) => (error ? reject(error) : resolve(key))))
    expect(hex(pbkdf2)).toBe(hex(nodeCrypto.pbkdf2Sync('p', 's', 2, 20, 'sha256')))
    const hkdf = await new Promise<ArrayBuffer>((resolve, reject) => crypto.hkdf('sha256', 'k', 's', 'i', 20, (error, key) => (error ? reject(error) : resolve(key))))
    expect(hex(Buffer.from(hkdf))).toBe(hex(Buffer.from(nodeCrypto.hkdfSync('sha256', 'k', 's', 'i', 20))))
    const scrypt = await new Promise<Buffer>((resolve, reject) => crypto.scrypt('p', 's', 16, { N: 16 }, (error, key) => (error ? reject(error) : resolve(key))))
    expect(hex(scrypt)).toBe(hex(nodeCrypto.scryptSync('p', 's', 16, { N: 16 })))
  })

  it('fails like Node for digests it lacks and for bad arguments', () => {
    // Digests Node has and the playground lacks fail with Node's message for a digest it lacks.
    const lacking = (ours: (name: string) => unknown, node: (name: string) => unknown) => {
      for (const name of ['sm3', 'md5-sha1', 'nope']) {
        const expected = thrown(() => node('nope'))
        const actual = thrown(() => ours(name))
        expect([actual.name, actual.message, (actual as Error & { code?: string }).code])
          .toEqual([expected.name, expected.message.replace('nope', name), (expected as Error & { code?: string }).code])
      }
    }
    lacking((name) => crypto.hash(name, 'x'), (name) => nodeCrypto.hash(name, 'x'))
    lacking((name) => crypto.createHash(name), (name) => nodeCrypto.createHash(name))
    lacking((name) => crypto.pbkdf2Sync('p', 's', 1, 8, name), (name) => nodeCrypto.pbkdf2Sync('p', 's', 1, 8, name))
    lacking((name) => crypto.hkdfSync(name, 'k', 's', 'i', 8), (name) => nodeCrypto.hkdfSync(name, 'k', 's', 'i', 8))
    lacking((name) => crypto.createHmac(name, 'k'), (name) => nodeCrypto.createHmac(name, 'k'))
    expectSameError(() => crypto.createHash('nope'), () => nodeCrypto.createHash('nope'))
    expectSameError(() => crypto.hash('sha1', 'x', 'nope' as 'hex'), () => nodeCrypto.hash('sha1', 'x', 'nope' as 'hex'))
    expectSameError(() => crypto.pbkdf2Sync('p', 's', 0, 32, 'sha256'), () => nodeCrypto.pbkdf2Sync('p', 's', 0, 32, 'sha256'))
    expectSameError(() => crypto.pbkdf2Sync('p', 's', 1, -1, 'sha256'), () => nodeCrypto.pbkdf2Sync('p', 's', 1, -1, 'sha256'))
    expectSameError(() => crypto.pbkdf2Sync('p', 's', 1, 32, undefined as never), () => nodeCrypto.pbkdf2Sync('p', 's', 1, 32, undefined as never))
    expectSameError(() => crypto.hkdfSync('sha256', 'k', 's', 'i', 255 * 32 + 1), () => nodeCrypto.hkdfSync('sha256', 'k', 's', 'i', 255 * 32 + 1))
    // Node's message for a bad N can carry OpenSSL's last error, so this one comes before the memory limit.
    expectSameError(() => crypto.scryptSync('p', 's', 16, { N: 15 }), () => nodeCrypto.scryptSync('p', 's', 16, { N: 15 }))
    expectSameError(() => crypto.scryptSync('p', 's', 16, { N: 1024 * 1024 }), () => nodeCrypto.scryptSync('p', 's', 16, { N: 1024 * 1024 }))
    expectSameError(() => crypto.scryptSync('p', 's', 16, { N: 16, cost: 16 }), () => nodeCrypto.scryptSync('p', 's', 16, { N: 16, cost: 16 }))
  })
})

describe('crypto HMAC', () => {
  const KEYS: Array<string | Uint8Array> = ['secret', '', 'ключ', bytes0to255.subarray(0, 20), 'k'.repeat(200)]

  it.each(ALGORITHMS)('createHmac(%s) matches Node for every key, input and encoding', (algorithm) => {
    for (const key of KEYS) {
      for (const input of INPUTS) {
        for (const encoding of ENCODINGS) {
          const ours = crypto.createHmac(algorithm, key).update(input).digest(encoding as 'hex')
          const node = nodeCrypto.createHmac(algorithm, key).update(input).digest(encoding as 'hex')
          expect(hex(ours)).toBe(hex(node))
        }
      }
    }
  })

  it('signs what a typical Action signs', () => {
    const payload = JSON.stringify({ sub: 'auth0|123', state: 'abc' })
    const sign = (module: typeof nodeCrypto) => module.createHmac('sha256', 'shh').update(payload).digest('base64url')
    expect(sign(crypto)).toBe(sign(nodeCrypto))
  })

  it('throws like Node for an unknown digest or a bad key', () => {
    expectSameError(() => crypto.createHmac('nope', 'k'), () => nodeCrypto.createHmac('nope', 'k'))
    expect(thrown(() => crypto.createHmac('sha256', 5 as never))).toBeInstanceOf(TypeError)
  })
})

describe('crypto.timingSafeEqual', () => {
  it('compares bytes like Node', () => {
    const pairs: Array<[Uint8Array, Uint8Array]> = [
      [Buffer.from('same'), Buffer.from('same')],
      [Buffer.from('same'), Buffer.from('sane')],
      [new Uint8Array([1, 2, 3]), Buffer.from([1, 2, 3])],
      [new Uint8Array(0), new Uint8Array(0)],
      [bytes0to255.subarray(1, 3), new Uint8Array([1, 2])],
    ]
    for (const [a, b] of pairs) expect(crypto.timingSafeEqual(a, b)).toBe(nodeCrypto.timingSafeEqual(a, b))
  })

  it('throws like Node for different lengths and for strings', () => {
    const [a, b] = [Buffer.from('a'), Buffer.from('ab')]
    expectSameError(() => crypto.timingSafeEqual(a, b), () => nodeCrypto.timingSafeEqual(a, b))
    expectSameError(() => crypto.timingSafeEqual('a' as never, a), () => nodeCrypto.timingSafeEqual('a' as never, a))
  })
})

describe('crypto randomness', () => {
  it('randomBytes returns a Buffer of the requested size, or calls back asynchronously', async () => {
    const bytes = crypto.randomBytes(70_000)
    expect(bytes).toHaveLength(70_000)
    expect(bytes.toString('hex')).toMatch(/^[0-9a-f]+$/)
    let called = false
    const result = await new Promise<Buffer>((resolve, reject) => {
      const returned = crypto.randomBytes(8, (error, buf) => {
        called = true
        if (error) reject(error)
        else resolve(buf)
      })
      expect(returned).toBeUndefined()
      expect(called).toBe(false)
    })
    expect(result).toHaveLength(8)
  })

  it('validates sizes and ranges like Node', () => {
    expectSameError(() => crypto.randomBytes(-1), () => nodeCrypto.randomBytes(-1))
    expectSameError(() => crypto.randomBytes('3' as never), () => nodeCrypto.randomBytes('3' as never))
    expectSameError(() => crypto.randomInt(0, 0), () => nodeCrypto.randomInt(0, 0))
    expectSameError(() => crypto.randomInt(1.5), () => nodeCrypto.randomInt(1.5))
    expectSameError(() => crypto.getRandomValues(new Float32Array(2) as never), () => nodeCrypto.getRandomValues(new Float32Array(2) as never))
  })

  it('randomInt stays in range and reaches every value', () => {
    const seen = new Set<number>()
    for (let i = 0; i < 2000; i++) {
      const value = crypto.randomInt(-3, 4)
      expect(value).toBeGreaterThanOrEqual(-3)
      expect(value).toBeLessThan(4)
      seen.add(value)
    }
    expect([...seen].sort((a, b) => a - b)).toEqual([-3, -2, -1, 0, 1, 2, 3])
    expect(crypto.randomInt(1)).toBe(0)
  })

  it('randomUUID gives version 4 UUIDs and getRandomValues fills the array it is given', () => {
    expect(crypto.randomUUID()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    const array = new Uint32Array(64)
    expect(crypto.getRandomValues(array)).toBe(array)
    expect(array.some((value) => value !== 0)).toBe(true)
  })

  it('is reproducible with a seed and differs without one', () => {
    const draw = (module: typeof nodeCrypto) => ({
      bytes: module.randomBytes(32).toString('hex'),
      uuid: module.randomUUID(),
      ints: Array.from({ length: 5 }, () => module.randomInt(1_000_000)),
      values: Array.from(module.getRandomValues(new Uint16Array(4))),
      webcrypto: (module.webcrypto as Crypto).randomUUID(),
    })
    const first = draw(builtins(42).crypto)
    expect(draw(builtins(42).crypto)).toEqual(first)
    expect(draw(builtins(43).crypto)).not.toEqual(first)
    const unseeded = draw(builtins().crypto)
    expect(unseeded.bytes).not.toBe(draw(builtins().crypto).bytes)
    expect(unseeded.uuid).not.toBe(draw(builtins().crypto).uuid)
  })

  it('passes WebCrypto subtle through', async () => {
    expect(crypto.subtle).toBe(globalThis.crypto.subtle)
    expect(crypto.webcrypto.subtle).toBe(globalThis.crypto.subtle)
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode('abc'))
    expect(Buffer.from(digest).toString('hex')).toBe(nodeCrypto.createHash('sha256').update('abc').digest('hex'))
  })
})

describe('querystring', () => {
  const PARSE_CASES: Array<[string, string?, string?]> = [
    ['a=1&b=2'],
    ['a=1&a=2&a=3&b=x'],
    ['a+b=c+d%20e'],
    ['a&&b'],
    ['&'],
    ['='],
    ['a=1=2'],
    ['=x'],
    ['x=%zz&y=%E0%A4%A&z=%'],
    ['emoji=%F0%9F%98%80&caf%C3%A9=cr%C3%A8me'],
    ['__proto__=1&constructor=2&hasOwnProperty=3'],
    ['redirect_uri=https%3A%2F%2Fexample.com%2Fcb%3Fx%3D1&state=abc'],
    ['a:1;b:2;a:3', ';', ':'],
    ['a=1&&b=2&&c', '&&'],
    [''],
  ]

  it.each(PARSE_CASES)('parse(%j) matches Node', (text, sep, eq) => {
    const ours = querystring.parse(text, sep, eq)
    expect(Object.getPrototypeOf(ours)).toBeNull()
    expect({ ...ours }).toEqual({ ...nodeQuerystring.parse(text, sep, eq) })
    expect({ ...querystring.decode(text, sep, eq) }).toEqual({ ...ours })
  })

  const STRINGIFY_CASES: Array<[unknown, string?, string?]> = [
    [{ a: [], b: '', c: [1, 2], d: null, e: undefined, f: Number.NaN, g: true, h: {}, i: 10n, j: -0.5 }],
    [{ 'b c': 'ü & é', emoji: '😀', reserved: "!'()*-._~ /?#[]@" }],
    [{ a: 1, b: ['x', 'y'] }, ';', ':'],
    [{ scope: 'openid profile', redirect_uri: 'https://example.com/cb?x=1' }],
    ['not an object'],
    [null],
  ]

  it.each(STRINGIFY_CASES)('stringify case %# matches Node', (object, sep, eq) => {
    const ours = querystring.stringify(object as never, sep, eq)
    expect(ours).toBe(nodeQuerystring.stringify(object as never, sep, eq))
    expect(querystring.encode(object as never, sep, eq)).toBe(ours)
  })

  it('round-trips repeated keys and spaces', () => {
    const object = { list: ['a b', 'c+d', 'é'], single: 'x y' }
    const text = querystring.stringify(object)
    expect(text).toBe('list=a%20b&list=c%2Bd&list=%C3%A9&single=x%20y')
    expect({ ...querystring.parse(text) }).toEqual(object)
    expect({ ...querystring.parse('list=a+b&list=c%2Bd') }).toEqual({ list: ['a b', 'c+d'] })
  })

  it('parse honours maxKeys (1000 unless given, 0 for none) and decodeURIComponent as Node does', () => {
    const many = Array.from({ length: 1100 }, (_, i) => `k${i}=${i}`).join('&')
    const cases: Array<[string, object | undefined]> = [
      [many, undefined], [many, {}], [many, { maxKeys: 0 }], [many, { maxKeys: 5 }], ['a=1&b=2&c=3', { maxKeys: 2 }],
      ['&&a=1&b=2&c=3', { maxKeys: 2 }], ['a=1&a=2&a=3', { maxKeys: 2 }], ['a=1&b=2', { maxKeys: -1 }],
      ['a=%41&b=%E0%A4%A', { decodeURIComponent: (text: string) => text.toUpperCase() }],
      ['a=%41&b=%E0%A4%A', { decodeURIComponent: decodeURIComponent }],
    ]
    for (const [text, options] of cases) {
      expect({ ...querystring.parse(text, undefined, undefined, options) }).toEqual({ ...nodeQuerystring.parse(text, undefined, undefined, options) })
    }
  })

  it('escape and unescape match Node', () => {
    for (const text of ['plain', 'a b&c=d', 'ü😀', "!'()*~", '%41%zz%', '%E0%A4%A', 'a+b']) {
      expect(querystring.escape(text)).toBe(nodeQuerystring.escape(text))
      expect(querystring.unescape(text)).toBe(nodeQuerystring.unescape(text))
    }
  })
})

describe('url', () => {
  const FIELDS = ['protocol', 'slashes', 'auth', 'host', 'port', 'hostname', 'hash', 'search', 'query', 'pathname', 'path', 'href'] as const
  const URLS = [
    'http://user:pa%20ss@Example.COM:8080/p/a/t/h?query=string&a=1&a=2#hash',
    'https://example.com',
    'https://tenant.auth0.com/authorize?client_id=abc&redirect_uri=https%3A%2F%2Fapp%2Fcb&scope=openid+profile',
    '/path?x=1&y=a+b',
    '/a<b>?c',
    '//foo/bar',
    '?a=1',
    'mailto:user@example.com',
    'http://[::1]:3000/x',
    'example.com/foo',
    'HTTP://x.com/a b',
    "http://a.com/'{}|^`",
    'javascript:alert(1)',
    'file:///etc/passwd',
    'http://a.com?x',
    'http://ex.com/p?q#',
    'http://a@b@c/',
    'http://a@b?@c',
    'http://ex_ample.com:x/p',
    'http://a.com\\p\\q?x\\y',
    'http://exa mple.com/',
    'http://ドメイン.jp/パス',
    '  https://example.com/trimmed \n',
    'http://host:/empty-port',
  ]

  it.each(URLS)('parse(%j) matches Node with and without parseQueryString', (text) => {
    for (const parseQueryString of [false, true]) {
      const ours = url.parse(text, parseQueryString as true) as unknown as Record<string, unknown>
      const node = nodeUrl.parse(text, parseQueryString as true) as unknown as Record<string, unknown>
      for (const field of FIELDS) {
        const [actual, expected] = [ours[field], node[field]]
        if (field === 'query' && parseQueryString) expect({ ...(actual as object) }).toEqual({ ...(expected as object) })
        else expect(actual, field).toEqual(expected)
      }
    }
  })

  it('format matches Node for objects, strings and WHATWG URLs', () => {
    const objects = [
      { protocol: 'https', hostname: 'example.com', pathname: '/some/path', query: { page: 1, format: 'json' } },
      { protocol: 'http:', host: 'a.com', pathname: 'x#y', search: 'q#1', hash: 'h', auth: 'u:p:q@' },
      { protocol: 'mailto', auth: 'a', hostname: 'b.com' },
      { hostname: '::1', port: 80 },
      { protocol: 'file', pathname: '/x' },
      { protocol: 'https', host: 'example.com', slashes: true, query: { list: ['a', 'b'] }, search: '' },
    ]
    for (const object of objects) expect(url.format(object as never)).toBe(nodeUrl.format(object as never))
    for (const text of ['HTTP://A.com', 'http://a.com/x y?z#w', '/relative?x=1']) expect(url.format(text)).toBe(nodeUrl.format(text))
    const whatwg = new URL('http://ü.com/ä?x=1#y')
    expect(url.format(whatwg)).toBe(nodeUrl.format(whatwg))
  })

  it('resolve matches Node', () => {
    const cases: Array<[string, string]> = [
      ['/one/two/three', 'four'],
      ['http://example.com/', '/one'],
      ['http://example.com/one', '/two'],
      ['http://example.com/a/b', '../c?x#y'],
      ['https://example.com/a/b', '//cdn.example.com/lib.js'],
      ['https://example.com/a', 'https://other.com/b'],
    ]
    for (const [from, to] of cases) expect(url.resolve(from, to)).toBe(nodeUrl.resolve(from, to))
  })

  it('resolve keeps a relative base relative, as Node does', () => {
    const cases: Array<[string, string]> = [
      ['a/b', 'c'], ['a/b', '../c'], ['a/b', '../../c'], ['a/b', '../../../c'], ['a/', './x?y#z'], ['a', 'b'],
      ['', 'b'], ['a/b', '/c'], ['a/b', '//h/c'], ['a/b', '?q'], ['a/b', '#h'], ['a/b/', ''], ['./a/b', 'c'],
      ['../a', 'b'], ['a/b', 'http://x/y'], ['a/b/c', '..'], ['a/b/c', '.'], ['a/b?x#y', ''], ['a/b?x#y', '#z'],
      ['a//b', 'c'], ['a/b', 'c/./d/../e'], ['a b/c', 'd e'], ['a/b', '..'], ['..', 'x'], ['a/..', 'x'], ['a/b', './'],
      ['./', 'x'],
    ]
    for (const [from, to] of cases) expect([from, to, url.resolve(from, to)]).toEqual([from, to, nodeUrl.resolve(from, to)])
  })

  it('format(URL, options) matches Node', () => {
    const urls = [
      'http://u:p@xn--nxasmq6b.com:8080/p?q=1#h', 'https://example.com/', 'file:///a#b', 'mailto:x@xn--nxasmq6b.com',
      'https://xn--mnchen-3ya.de/x?y#z', 'https://a.xn--fiqs8s/', 'http://user@example.com/?#',
    ]
    const optionSets = [
      undefined, {}, { auth: false }, { fragment: false }, { search: false }, { unicode: true },
      { auth: 0, fragment: null, search: false, unicode: 1 }, { auth: false, fragment: false, search: false, unicode: true },
    ]
    for (const text of urls) {
      for (const options of optionSets) {
        expect(url.format(new URL(text), options as never)).toBe(nodeUrl.format(new URL(text), options as never))
      }
      expect(url.domainToUnicode(new URL(text).hostname)).toBe(nodeUrl.domainToUnicode(new URL(text).hostname))
    }
    expectSameError(() => url.format(new URL(urls[0]), 5 as never), () => nodeUrl.format(new URL(urls[0]), 5 as never))
  })

  it('exposes the WHATWG classes', () => {
    expect(url.URL).toBe(globalThis.URL)
    expect(url.URLSearchParams).toBe(globalThis.URLSearchParams)
  })
})

describe('util', () => {
  const FORMAT_CASES: unknown[][] = [
    ['%s:%s', 'a', 'b'],
    ['%s %s', 'only'],
    ['%d%%', 50],
    ['%i', '42.9px'],
    ['%f', '1.5e3'],
    ['%d', '0x10'],
    ['%j', { a: [1, 'x'], b: null }],
    ['%s', 42],
    ['%s', null],
    ['%s', undefined],
    ['%%s', 'x'],
    ['no placeholders', 'extra', 3, true],
    [1, 2],
    [],
  ]

  it.each(FORMAT_CASES)('format(%j) matches Node', (...args) => {
    expect(util.format(...args)).toBe(nodeUtil.format(...args))
  })

  it('promisify resolves, rejects, keeps `this` and honours util.promisify.custom', async () => {
    const object = {
      factor: 3,
      times(value: number, callback: (error: Error | null, result?: number) => void) {
        if (value < 0) callback(new Error('negative'))
        else setTimeout(() => callback(null, value * this.factor))
      },
    }
    const times = util.promisify(object.times).bind(object)
    await expect(times(2)).resolves.toBe(6)
    await expect(times(-1)).rejects.toThrow('negative')
    expect(util.promisify.custom).toBe(nodeUtil.promisify.custom)
    const custom = Object.assign(() => {}, { [nodeUtil.promisify.custom]: () => Promise.resolve('custom') })
    await expect(util.promisify(custom)()).resolves.toBe('custom')
    const bytes = await util.promisify(crypto.randomBytes)(12)
    expect(bytes).toHaveLength(12)
  })

  it('callbackify calls back with the value, the reason, or an error for a falsy reason like Node', async () => {
    const run = (module: typeof nodeUtil, fn: () => Promise<unknown>) =>
      new Promise<[unknown, unknown]>((resolve) => module.callbackify(fn)((error, value) => resolve([error, value])))
    expect(await run(util, async () => 'ok')).toEqual(await run(nodeUtil, async () => 'ok'))
    const reason = new Error('boom')
    expect((await run(util, () => Promise.reject(reason)))[0]).toBe(reason)
    const [ours] = await run(util, () => Promise.reject(null))
    const [node] = await run(nodeUtil, () => Promise.reject(null))
    expect((ours as Error).message).toBe((node as Error).message)
    expect(ours).toMatchObject({ code: (node as { code: string }).code, reason: null })
  })

  it('inherits sets the prototype chain and super_ like Node', () => {
    const make = (module: typeof nodeUtil) => {
      function Animal(this: { name: string }, name: string) { this.name = name }
      Animal.prototype.speak = function (this: { name: string }) { return `${this.name} speaks` }
      function Dog(this: { name: string }, name: string) { Animal.call(this, name) }
      module.inherits(Dog, Animal)
      const dog = new (Dog as unknown as new (name: string) => { speak(): string })('Rex')
      return [dog.speak(), dog instanceof Animal, (Dog as unknown as { super_: unknown }).super_ === Animal]
    }
    expect(make(util)).toEqual(make(nodeUtil))
    expect(make(util)).toEqual(['Rex speaks', true, true])
  })

  it('deprecate returns the function itself', () => {
    const fn = () => 1
    expect(util.deprecate(fn, 'old')).toBe(fn)
  })

  it('isDeepStrictEqual agrees with Node', () => {
    const shared = { x: 1 }
    const pairs: Array<[unknown, unknown]> = [
      [{ a: [1, { b: 'c' }] }, { a: [1, { b: 'c' }] }],
      [{ a: 1 }, { a: '1' }],
      [{ a: 1, b: undefined }, { a: 1 }],
      [[1, 2], [1, 2, 3]],
      [Number.NaN, Number.NaN],
      [0, -0],
      [new Date(5), new Date(5)],
      [new Date(5), new Date(6)],
      [/a/g, /a/g],
      [/a/g, /a/i],
      [new Map([[1, { a: 1 }]]), new Map([[1, { a: 1 }]])],
      [new Map([[1, 'a']]), new Map([[1, 'b']])],
      [new Set([1, 2, shared]), new Set([2, 1, shared])],
      [new Set([1]), new Set([2])],
      [Buffer.from('ab'), Buffer.from('ab')],
      [Buffer.from('ab'), new Uint8Array([97, 98])],
      [new Error('x'), new Error('x')],
      [new Error('x'), new Error('y')],
      [Object.create(null), {}],
      [[1, , 3], [1, undefined, 3]],
    ]
    for (const [a, b] of pairs) expect(util.isDeepStrictEqual(a, b), nodeUtil.format('%o vs %o', a, b)).toBe(nodeUtil.isDeepStrictEqual(a, b))
  })

  it('types and text codecs match Node', () => {
    const values = [Promise.resolve(1), { then() {} }, new Date(), Date.now(), /x/, '/x/', null]
    for (const check of ['isPromise', 'isDate', 'isRegExp'] as const) {
      for (const value of values) expect(util.types[check](value)).toBe(nodeUtil.types[check](value))
    }
    expect(new util.TextDecoder().decode(new util.TextEncoder().encode('ü😀'))).toBe('ü😀')
  })
})

describe('buffer', () => {
  it('exposes Buffer and its constants', () => {
    expect(buffer.Buffer.from('hi').toString('base64')).toBe('aGk=')
    expect(buffer.constants.MAX_LENGTH).toBeGreaterThan(0)
  })
})

describe('Buffer (the browser\'s `buffer` package, patched) against node:buffer', () => {
  const Ours = buffer.Buffer

  it('gives Node\'s outcome for every encoding, search and error case (the same cases run in Chromium: e2e/differential.spec.ts)', () => {
    expect(bufferOutcomes(Ours)).toEqual(bufferOutcomes(Buffer))
  })

  it('is a Buffer class in every environment: digests are instances of it', () => {
    expect(Ours).not.toBe(Buffer)
    expect(crypto.createHash('sha256').update('x').digest()).toBeInstanceOf(Ours)
    expect(Ours.from('eyJhbGciOiJIUzI1NiJ9', 'base64url').toString()).toBe('{"alg":"HS256"}')
  })
})

describe('util.inspect, util.format and console.log print as Node does (node-inspect-extracted)', () => {
  it('for every value and placeholder case (the same cases run in Chromium: e2e/differential.spec.ts)', () => {
    const ours = formattingOutcomes({ inspect: util.inspect, format: util.format, log: formatLog }, buffer.Buffer)
    const node = formattingOutcomes({ inspect: nodeUtil.inspect, format: nodeUtil.format, log: nodeUtil.format }, Buffer)
    expect(Object.keys(ours).length).toBeGreaterThan(200)
    expect(ours).toEqual(node)
  })
})

describe('crypto RSA signatures (RSASSA-PKCS1-v1_5) against node:crypto', () => {
  const pair = nodeCrypto.generateKeyPairSync('rsa', { modulusLength: 2048 })
  const pkcs8 = pair.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string
  const pkcs1 = pair.privateKey.export({ format: 'pem', type: 'pkcs1' }) as string
  const spki = pair.publicKey.export({ format: 'pem', type: 'spki' }) as string
  const pkcs1Public = pair.publicKey.export({ format: 'pem', type: 'pkcs1' }) as string
  const jwk = pair.privateKey.export({ format: 'jwk' })
  const publicJwk = pair.publicKey.export({ format: 'jwk' })
  const DATA = ['header.payload', '', 'ünï😀', Buffer.from([0, 1, 2, 255])]

  it('signs exactly as Node for every digest and key form, and verifies both ways', () => {
    const privateForms = [pkcs8, pkcs1, Buffer.from(pkcs8), { key: jwk, format: 'jwk' }, crypto.createPrivateKey(pkcs8)]
    for (const algorithm of ['RSA-SHA256', 'sha256', 'SHA384', 'sha512', 'sha1', 'sha224']) {
      for (const data of DATA) {
        const expected = nodeCrypto.createSign(algorithm).update(data).sign(pkcs8, 'base64url')
        for (const key of privateForms) {
          expect(crypto.createSign(algorithm).update(data).sign(key as never, 'base64url')).toBe(expected)
        }
        expect(hex(crypto.sign(algorithm, typeof data === 'string' ? Buffer.from(data) : data, pkcs8))).toBe(hex(Buffer.from(expected, 'base64url')))
        for (const key of [spki, pkcs1Public, pkcs8, { key: publicJwk, format: 'jwk' }, crypto.createPublicKey(pkcs8)]) {
          expect(crypto.createVerify(algorithm).update(data).verify(key as never, expected, 'base64url')).toBe(true)
          expect(crypto.createVerify(algorithm).update('other').verify(key as never, expected, 'base64url')).toBe(false)
        }
        const ours = crypto.createSign(algorithm).update(data).sign(pkcs1)
        expect(nodeCrypto.createVerify(algorithm).update(data).verify(spki, ours)).toBe(true)
        expect(crypto.verify(algorithm, typeof data === 'string' ? Buffer.from(data) : data, spki, ours)).toBe(true)
      }
    }
  })

  it('exports keys as JWK as Node does', () => {
    expect(crypto.createPrivateKey(pkcs1).export({ format: 'jwk' })).toEqual(nodeCrypto.createPrivateKey(pkcs1).export({ format: 'jwk' }))
    expect(crypto.createPublicKey(pkcs8).export({ format: 'jwk' })).toEqual(nodeCrypto.createPublicKey(pkcs8).export({ format: 'jwk' }))
    expect(crypto.createPublicKey(spki).type).toBe('public')
    expect(crypto.createPrivateKey(pkcs8).asymmetricKeyType).toBe('rsa')
    expect(crypto.createPrivateKey(pkcs8).asymmetricKeyDetails).toEqual(nodeCrypto.createPrivateKey(pkcs8).asymmetricKeyDetails)
  })

  it('refuses DSA keys, which Node signs with and the playground does not, and a bad digest as Node does', () => {
    const dsa = nodeCrypto.generateKeyPairSync('dsa', { modulusLength: 1024, divisorLength: 160 }).privateKey.export({ format: 'pem', type: 'pkcs8' }) as string
    expect(nodeCrypto.createSign('sha256').update('x').sign(dsa).length).toBeGreaterThan(0)
    expect(() => crypto.createSign('sha256').update('x').sign(dsa)).toThrow(expect.objectContaining({
      code: 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', message: expect.stringMatching(/Ed25519 keys only, not DSA keys/),
    }))
    expectSameError(() => crypto.createSign('nope'), () => nodeCrypto.createSign('nope'))
    expectSameError(() => crypto.createPrivateKey(spki), () => nodeCrypto.createPrivateKey(spki))
    expectSameError(() => crypto.createPrivateKey('junk'), () => nodeCrypto.createPrivateKey('junk'))
    expectSameError(() => crypto.sign('nope', Buffer.from('x'), pkcs8), () => nodeCrypto.sign('nope', Buffer.from('x'), pkcs8))
  })
})
