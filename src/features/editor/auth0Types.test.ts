/**
 * The editor's Auth0 types against the engine: `PostLoginAPI` declares exactly the methods the engine
 * implements, and every template type-checks against the declarations as checked JavaScript.
 */
import ts from 'typescript'
import axios from 'axios/dist/browser/axios.cjs'
import { describe, expect, it } from 'vitest'
import { postLoginNamespaces, type PostLoginContext } from '../../triggers/post-login/api/context.ts'
import { EXAMPLES } from '../../examples/catalog.ts'
import { BLANK_ACTION, TEMPLATES } from '../../examples/templates.ts'
import { actionsProgram, typeErrors, TYPES_FILE } from '../../triggers/typeChecking.ts'

/** A program of the types, a secrets declaration and the given action files, with the editor's compiler options. */
const program = (actions: Record<string, string>, secrets = 'interface ActionSecrets { MY_SHARED_SECRET: string }') => actionsProgram('post-login', actions, secrets)

/** An `ActionSecrets` declaration with the secrets of all the given actions (the editor declares one action's). */
function secretsOf(actions: { secrets?: Record<string, string> }[]): string {
  const names = new Set(['MY_SHARED_SECRET', ...actions.flatMap((action) => Object.keys(action.secrets ?? {}))])
  return `interface ActionSecrets { ${[...names].map((name) => `${name}: string`).join('; ')} }`
}

const errors = typeErrors

describe('the editor\'s Auth0 types', () => {
  it('compile on their own, without the DOM library', () => {
    expect(errors(program({}))).toEqual([])
  })

  it('declare every api namespace and method the engine implements, and no other', () => {
    const context = { tx: { accessTokenClaims: {}, idTokenClaims: {} } } as unknown as PostLoginContext
    const implemented = Object.entries(postLoginNamespaces(context)).flatMap(([namespace, methods]) => Object.keys(methods).map((method) => `${namespace}.${method}`)).sort()

    const built = program({})
    const checker = built.getTypeChecker()
    const declaration = built.getSourceFile(TYPES_FILE)!.statements.find((node): node is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(node) && node.name.text === 'PostLoginAPI')!
    const apiType = checker.getTypeAtLocation(declaration)
    const declared = apiType.getProperties().flatMap((namespace) =>
      checker.getTypeOfSymbolAtLocation(namespace, declaration).getProperties().map((method) => `${namespace.name}.${method.name}`)).sort()
    expect(declared).toEqual(implemented)
  })

  it('type-check every template as checked JavaScript', () => {
    const templates = [BLANK_ACTION, ...TEMPLATES]
    const actions = Object.fromEntries(templates.map((template, index) => [`action${index}.js`, template.code]))
    expect(errors(program(actions, secretsOf(templates)))).toEqual([])
  })

  it('type-check the actions of every example flow as checked JavaScript', () => {
    const specs = EXAMPLES.flatMap((example) => example.document.actions)
    const actions = Object.fromEntries(specs.map((action, index) => [`action${index}.js`, action.code]))
    // npm packages have no types offline: the declared ones are untyped modules (shorthand ambient declarations).
    const packages = [...new Set(specs.flatMap((action) => (action.dependencies ?? []).map((dependency) => dependency.name)))]
    expect(packages.length).toBeGreaterThan(0)
    expect(errors(program(actions, `${secretsOf(specs)}\n${packages.map((name) => `declare module '${name}'`).join('\n')}`))).toEqual([])
  })

  it('declare the members of the real axios, but for its internal and deprecated ones', () => {
    const internal = ['constructor', '_request', 'Axios', 'Cancel', 'CancelToken', 'getAdapter', 'query']
    const real = Object.keys(axios).filter((key) => !internal.includes(key)).sort()
    const built = program({ 'probe.ts': "import axios = require('axios')\nexport const probe = axios" })
    const checker = built.getTypeChecker()
    const probe = built.getSourceFile('probe.ts')!.statements.at(-1)!
    const declared = checker.getTypeAtLocation((probe as ts.VariableStatement).declarationList.declarations[0].name).getProperties().map((symbol) => symbol.name)
    expect(real.filter((key) => !declared.includes(key))).toEqual([])
    const code = `const axios = require('axios')
exports.onExecutePostLogin = async () => {
  const client = axios.create({ baseURL: 'https://api.test' })
  const id = client.interceptors.request.use((config) => { config.headers.set('x-trace', '1'); return config })
  client.interceptors.request.eject(id)
  /** @type {string} */ const uri = client.getUri({ url: '/a', params: { b: 1 } })
  const headers = new axios.AxiosHeaders({ accept: 'json' })
  await axios.postForm('https://api.test/f', { a: 1 }, { headers }).catch((error) => axios.isAxiosError(error) && error.response?.status)
  return uri
}`
    expect(errors(program({ 'action.js': code }))).toEqual([])
  })

  it('resolve the modules require gives and the secrets of the action', () => {
    const code = `/** @param {Event} event @param {PostLoginAPI} api */
exports.onExecutePostLogin = async (event, api) => {
  const axios = require('axios'); const crypto = require('node:crypto'); const qs = require('querystring')
  const { URL: NodeUrl } = require('url'); const util = require('util'); const { Buffer: NodeBuffer } = require('buffer')
  /** @type {number} */ const status = (await axios.get('https://example.com', { headers: { a: 'b' } })).status
  /** @type {string} */ const digest = crypto.createHmac('sha256', event.secrets.MY_SHARED_SECRET).update('x').digest('hex')
  /** @type {string} */ const joined = qs.stringify({ a: 1 }) + util.format('%s', 1) + NodeBuffer.from('x').toString('base64') + new NodeUrl('https://a.test').host
  api.access.deny('x').accessToken.addScope('y').user.setAppMetadata('status', status + digest + joined)
}`
    expect(errors(program({ 'action.js': code }))).toEqual([])
    expect(errors(program({ 'action.js': code }, 'interface ActionSecrets {}')).join()).toMatch(/MY_SHARED_SECRET/)
  })

  it('declare node:crypto\'s signatures and keys: an action signing and verifying an ES256 JWT type-checks, a wrong dsaEncoding does not', () => {
    const code = (dsaEncoding: string) => `/** @param {Event} event @param {PostLoginAPI} api */
exports.onExecutePostLogin = async (event, api) => {
  const crypto = require('node:crypto')
  const key = crypto.createPrivateKey({ key: event.secrets.MY_SHARED_SECRET, format: 'pem' })
  const input = Buffer.from('{"alg":"ES256"}').toString('base64url') + '.' + Buffer.from('{}').toString('base64url')
  /** @type {string} */ const signature = crypto.createSign('sha256').update(input).sign({ key, dsaEncoding: '${dsaEncoding}' }, 'base64url')
  const publicKey = crypto.createPublicKey(key)
  /** @type {string | undefined} */ const curve = publicKey.asymmetricKeyDetails.namedCurve
  const ok = crypto.verify(null, Buffer.from(input), { key: publicKey.export({ format: 'jwk' }), format: 'jwk', dsaEncoding: '${dsaEncoding}' }, Buffer.from(signature, 'base64url'))
  api.idToken.setCustomClaim('https://example.com/signed', ok && key.asymmetricKeyType === 'ec' ? \`\${input}.\${signature}\` : curve)
}`
    expect(errors(program({ 'action.js': code('ieee-p1363') }))).toEqual([])
    expect(errors(program({ 'action.js': code('raw') })).join()).toMatch(/"raw"/)
  })
})
