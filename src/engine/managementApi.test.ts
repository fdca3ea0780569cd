import { describe, expect, it } from 'vitest'
import type { FlowDocument, HttpMock } from './flowDocument.ts'
import { isManagementApiUrl, roleIdFor, signStandInToken, TOKEN_LIFETIME_SECONDS } from './managementApi.ts'
import { continueFlow, runFlow } from './pipeline.ts'
import { LIBRARIES, onExecute, testFlow } from './testing.ts'
import type { RunResult } from './types.ts'

const DOMAIN = 'acme-dev.us.auth0.com'
const USER_ID = 'auth0|5f7c8ec7c33c6c004bbafe82'
const GOOGLE_ID = 'google-oauth2|109876543210987654321'
const NOW = Date.parse('2026-06-01T09:00:00.000Z')

/** An action prelude: `token()` gets a Management API token, `call(method, path, body)` calls the API with it and returns `{ status, body }`. */
const PRELUDE = `
  const DOMAIN = ${JSON.stringify(DOMAIN)};
  async function token() {
    const response = await fetch(\`https://\${DOMAIN}/oauth/token\`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: 'mgmt-client', client_secret: 'mgmt-secret', audience: \`https://\${DOMAIN}/api/v2/\` }),
    });
    return (await response.json()).access_token;
  }
  async function call(method, path, body, bearer) {
    const auth = bearer === undefined ? 'Bearer ' + (await token()) : bearer;
    const response = await fetch(\`https://\${DOMAIN}/api/v2\${path}\`, {
      method,
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }
  const id = encodeURIComponent;
`

function flow(body: string, options: { mocks?: HttpMock[]; managementApi?: FlowDocument['mocks']['managementApi']; event?: (event: Record<string, any>) => void } = {}) {
  const doc = testFlow([onExecute(PRELUDE + body)], { mocks: options.mocks, event: options.event })
  if (options.managementApi) doc.mocks.managementApi = options.managementApi
  return doc
}

async function run(doc: FlowDocument): Promise<RunResult> {
  return runFlow(doc, { libraries: LIBRARIES, now: NOW })
}

/** Runs one action and returns what it logged as JSON. */
async function logged(body: string, options: Parameters<typeof flow>[1] = {}) {
  const result = await run(flow(body, options))
  expect(result.error).toBeUndefined()
  return { value: JSON.parse(result.actions[0].logs.at(-1)!.message) as any, result }
}

const OTHER_ACCOUNT = {
  user_id: GOOGLE_ID, email: 'j+smith@example.com', email_verified: true, name: 'John Smith',
  app_metadata: { source: 'google' }, user_metadata: {},
}

describe('which requests the stand-in answers', () => {
  it('takes https requests to /oauth/token and /api/v2/ on Auth0 domains and on the event\'s host names', () => {
    const event = { request: { hostname: 'login.acme.example' }, custom_domain: { domain: 'id.acme.example' } }
    expect(isManagementApiUrl('https://acme-dev.us.auth0.com/api/v2/users/x', event)).toBe(true)
    expect(isManagementApiUrl('https://acme.auth0.com/oauth/token', event)).toBe(true)
    expect(isManagementApiUrl('https://login.acme.example/oauth/token', event)).toBe(true)
    expect(isManagementApiUrl('https://id.acme.example/api/v2/users', event)).toBe(true)
    expect(isManagementApiUrl('http://acme.auth0.com/oauth/token', event)).toBe(false)
    expect(isManagementApiUrl('https://acme.auth0.com/userinfo', event)).toBe(false)
    expect(isManagementApiUrl('https://api.example.com/api/v2/users', event)).toBe(false)
    expect(isManagementApiUrl('https://acme.auth0.com.evil.test/api/v2/users', event)).toBe(false)
  })
})

describe('the token endpoint', () => {
  it('issues a client-credentials token for the Management API, JSON or form-encoded', async () => {
    const { value, result } = await logged(`
      const json = await (await fetch(\`https://\${DOMAIN}/oauth/token\`, { method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credentials', client_id: 'c', client_secret: 's', audience: \`https://\${DOMAIN}/api/v2/\` }) })).json();
      const form = await (await fetch(\`https://\${DOMAIN}/oauth/token\`, { method: 'POST',
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'c', client_secret: 's', audience: \`https://\${DOMAIN}/api/v2/\` }) })).json();
      const claims = JSON.parse(Buffer.from(json.access_token.split('.')[1], 'base64url').toString());
      console.log(JSON.stringify({ json, form: Object.keys(form), claims }));`)
    expect(value.json).toMatchObject({ token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS, scope: expect.stringContaining('read:users') })
    expect(value.form).toEqual(['access_token', 'scope', 'expires_in', 'token_type'])
    expect(value.claims).toMatchObject({
      iss: `https://${DOMAIN}/`, sub: 'c@clients', aud: `https://${DOMAIN}/api/v2/`, gty: 'client-credentials', azp: 'c',
      iat: NOW / 1000, exp: NOW / 1000 + TOKEN_LIFETIME_SECONDS,
    })
    expect(result.http.map((exchange) => [exchange.status, exchange.mock, exchange.standIn])).toEqual([[200, null, 'management-api'], [200, null, 'management-api']])
  })

  it('refuses a request without client credentials or audience, and an audience without its trailing slash, as Auth0 does', async () => {
    const { value } = await logged(`
      const post = async (params) => { const r = await fetch(\`https://\${DOMAIN}/oauth/token\`, { method: 'POST', body: new URLSearchParams(params) }); return [r.status, await r.json()]; };
      console.log(JSON.stringify([
        await post({ grant_type: 'client_credentials', client_id: 'c', audience: \`https://\${DOMAIN}/api/v2/\` }),
        await post({ grant_type: 'client_credentials', client_id: 'c', client_secret: 's' }),
        await post({ grant_type: 'client_credentials', client_id: 'c', client_secret: 's', audience: \`https://\${DOMAIN}/api/v2\` }),
      ]));`)
    expect(value).toEqual([
      [401, { error: 'access_denied', error_description: 'Unauthorized' }],
      [403, { error: 'access_denied', error_description: 'No audience parameter was provided, and no default audience has been configured' }],
      [403, { error: 'access_denied', error_description: `Service not found: https://${DOMAIN}/api/v2` }],
    ])
  })

  it('leaves other grants to the flow\'s mocks', async () => {
    const result = await run(flow(`
      await fetch(\`https://\${DOMAIN}/oauth/token\`, { method: 'POST', body: new URLSearchParams({ grant_type: 'password', username: 'u', password: 'p' }) });`))
    expect(result.status).toBe('failed')
    expect(result.error!.description).toMatch(/^fetch failed: No HTTP mock answers POST https:\/\/acme-dev\.us\.auth0\.com\/oauth\/token\. The Management API stand-in answers /)
    expect(result.http[0]).toMatchObject({ mock: null, status: null })
    expect(result.http[0].standIn).toBeUndefined()
  })
})

describe('authentication of /api/v2', () => {
  it('answers 401 in Auth0\'s shape without a token, with a token it did not issue, and with an expired one', async () => {
    const expired = signStandInToken({ aud: `https://${DOMAIN}/api/v2/`, exp: NOW / 1000 - 1 })
    const otherTenant = signStandInToken({ aud: 'https://other.auth0.com/api/v2/', exp: NOW / 1000 + 60 })
    const { value } = await logged(`
      console.log(JSON.stringify([
        await call('GET', '/users/' + id(event.user.user_id), undefined, ''),
        await call('GET', '/users/' + id(event.user.user_id), undefined, 'Bearer not-a-jwt'),
        await call('GET', '/users/' + id(event.user.user_id), undefined, 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl'),
        await call('GET', '/users/' + id(event.user.user_id), undefined, 'Bearer ${expired}'),
        await call('GET', '/users/' + id(event.user.user_id), undefined, 'Bearer ${otherTenant}'),
      ]));`)
    expect(value).toEqual([
      { status: 401, body: { statusCode: 401, error: 'Unauthorized', message: 'Missing authentication' } },
      { status: 401, body: { statusCode: 401, error: 'Unauthorized', message: 'Invalid token', attributes: { error: 'Invalid token' } } },
      { status: 401, body: expect.objectContaining({ message: 'Invalid signature received for JSON Web Token validation' }) },
      { status: 401, body: expect.objectContaining({ message: 'Expired token received for JSON Web Token validation' }) },
      { status: 401, body: expect.objectContaining({ message: 'Bad audience: https://other.auth0.com/api/v2/' }) },
    ])
  })

  it('accepts a token that a mock of the flow answered from the tenant\'s token endpoint', async () => {
    const mocks: HttpMock[] = [{ method: 'POST', url: `https://${DOMAIN}/oauth/token`, status: 200, headers: {}, body: { access_token: 'mocked-token', expires_in: 60, token_type: 'Bearer' } }]
    const { value, result } = await logged(`
      const user = await call('GET', '/users/' + id(event.user.user_id));
      console.log(JSON.stringify(user.status));`, { mocks })
    expect(value).toBe(200)
    expect(result.http.map((exchange) => exchange.mock ?? exchange.standIn)).toEqual([0, 'management-api'])
  })
})

describe('the flow\'s mocks come first', () => {
  it('answers from a matching HTTP mock, and the stand-in answers the rest', async () => {
    const mocks: HttpMock[] = [{ method: 'GET', url: `https://${DOMAIN}/api/v2/users-by-email`, status: 503, headers: {}, body: { statusCode: 503, error: 'Service Unavailable', message: 'down' } }]
    const { value, result } = await logged(`
      const byEmail = await call('GET', '/users-by-email?email=' + id(event.user.email));
      const user = await call('GET', '/users/' + id(event.user.user_id));
      console.log(JSON.stringify([byEmail.status, user.status]));`, { mocks })
    expect(value).toEqual([503, 200])
    expect(result.http.map((exchange) => [exchange.url.replace(/\?.*/, ''), exchange.mock, exchange.standIn ?? null])).toEqual([
      [`https://${DOMAIN}/oauth/token`, null, 'management-api'],
      [`https://${DOMAIN}/api/v2/users-by-email`, 0, null],
      [`https://${DOMAIN}/oauth/token`, null, 'management-api'],
      [`https://${DOMAIN}/api/v2/users/auth0%7C5f7c8ec7c33c6c004bbafe82`, null, 'management-api'],
    ])
  })

  it('leaves an endpoint it does not know unanswered, saying which ones it knows', async () => {
    const result = await run(flow(`await call('DELETE', '/users/' + id(event.user.user_id));`))
    expect(result.status).toBe('failed')
    expect(result.error!.description).toContain('No HTTP mock answers DELETE https://acme-dev.us.auth0.com/api/v2/users/auth0%7C5f7c8ec7c33c6c004bbafe82.')
    expect(result.error!.description).toContain('GET /api/v2/users-by-email')
  })
})

describe('GET /api/v2/users/{id}', () => {
  it('answers the event\'s user with its stored metadata, not what the actions queued, and 404 for a user it does not know', async () => {
    const { value } = await logged(`
      api.user.setAppMetadata('queued', true);
      const user = await call('GET', '/users/' + id(event.user.user_id));
      const some = await call('GET', '/users/' + id(event.user.user_id) + '?fields=email,user_id&include_fields=true');
      const missing = await call('GET', '/users/' + id('auth0|nobody'));
      console.log(JSON.stringify({ user, some, missing }));`)
    expect(value.user.status).toBe(200)
    expect(value.user.body).toMatchObject({ user_id: USER_ID, email: 'j+smith@example.com', app_metadata: { plan: 'gold' }, user_metadata: { language: 'en' }, logins_count: 62 })
    expect(value.user.body.enrolledFactors).toBeUndefined()
    expect(value.some.body).toEqual({ user_id: USER_ID, email: 'j+smith@example.com' })
    expect(value.missing).toEqual({ status: 404, body: { statusCode: 404, error: 'Not Found', message: 'The user does not exist.', errorCode: 'inexistent_user' } })
  })
})

describe('PATCH /api/v2/users/{id}', () => {
  it('merges metadata one level deep, shows as its own profile write, and later GETs see it', async () => {
    const doc = testFlow([
      onExecute(`${PRELUDE}
        event.user.app_metadata.plan; // gold
        const patched = await call('PATCH', '/users/' + id(event.user.user_id), { app_metadata: { crm: { id: 7 }, plan: null }, user_metadata: { theme: 'dark' } });
        const again = await call('GET', '/users/' + id(event.user.user_id));
        api.user.setAppMetadata('trigger', 1);
        console.log(JSON.stringify({ patched: patched.body.app_metadata, again: again.body.app_metadata }));`),
      onExecute(`console.log(JSON.stringify(event.user.app_metadata));`),
    ])
    const result = await run(doc)
    expect(result.status).toBe('completed')
    expect(JSON.parse(result.actions[0].logs[0].message)).toEqual({ patched: { crm: { id: 7 } }, again: { crm: { id: 7 } } })
    // The next action's event carries the profile the login started with and the trigger's own changes.
    expect(JSON.parse(result.actions[1].logs[0].message)).toEqual({ plan: 'gold', trigger: 1 })
    expect(result.profileUpdates).toEqual({
      count: 2,
      writes: [
        { when: 'management-api', app_metadata: { crm: { id: 7 }, plan: null }, user_metadata: { theme: 'dark' }, action: 'Action 1' },
        { when: 'end', app_metadata: { trigger: 1 }, user_metadata: {} },
      ],
    })
    expect(result.user).toEqual({ app_metadata: { crm: { id: 7 }, trigger: 1 }, user_metadata: { language: 'en', theme: 'dark' } })
    expect(result.managementApi!.changes).toEqual([
      { kind: 'user.update', action: 'Action 1', user_id: USER_ID, fields: { app_metadata: { crm: { id: 7 }, plan: null }, user_metadata: { theme: 'dark' } } },
    ])
  })

  it('replaces a nested object rather than merging it, and {} removes all of a metadata field', async () => {
    const { value, result } = await logged(`
      await call('PATCH', '/users/' + id(event.user.user_id), { app_metadata: { prefs: { a: 1, b: 2 } } });
      await call('PATCH', '/users/' + id(event.user.user_id), { app_metadata: { prefs: { b: 3 } }, user_metadata: {} });
      console.log(JSON.stringify((await call('GET', '/users/' + id(event.user.user_id))).body));`)
    expect(value.app_metadata).toEqual({ plan: 'gold', prefs: { b: 3 } })
    expect(value.user_metadata).toEqual({})
    expect(result.profileUpdates.writes[1]).toMatchObject({ user_metadata: { language: null } })
  })

  it('lets the trigger\'s end-of-flow write win for a key both set: it is written last', async () => {
    const { result } = await logged(`
      api.user.setAppMetadata('plan', 'platinum');
      await call('PATCH', '/users/' + id(event.user.user_id), { app_metadata: { plan: 'silver' } });
      console.log('{}');`)
    expect(result.profileUpdates.writes.map((write) => [write.when, write.app_metadata])).toEqual([
      ['management-api', { plan: 'silver' }],
      ['end', { plan: 'platinum' }],
    ])
    expect(result.user.app_metadata).toEqual({ plan: 'platinum' })
  })

  it('refuses a body that is not an object, or metadata that is not one, with Auth0\'s payload errors', async () => {
    const { value, result } = await logged(`
      console.log(JSON.stringify([
        await call('PATCH', '/users/' + id(event.user.user_id), { app_metadata: 'x' }),
        await call('PATCH', '/users/' + id(event.user.user_id), [1]),
      ]));`)
    expect(value).toEqual([
      { status: 400, body: { statusCode: 400, error: 'Bad Request', message: "Payload validation error: 'Expected type object but found type string' on property app_metadata.", errorCode: 'invalid_body' } },
      { status: 400, body: expect.objectContaining({ errorCode: 'invalid_body' }) },
    ])
    expect(result.profileUpdates.count).toBe(0)
  })

  it('updates another user of the tenant without a profile write of the login\'s user', async () => {
    const { value, result } = await logged(`
      await call('PATCH', '/users/' + id(${JSON.stringify(GOOGLE_ID)}), { app_metadata: { seen: true }, name: 'J. Smith' });
      console.log(JSON.stringify((await call('GET', '/users/' + id(${JSON.stringify(GOOGLE_ID)}))).body));`, { managementApi: { users: [OTHER_ACCOUNT] } })
    expect(value).toMatchObject({ name: 'J. Smith', app_metadata: { source: 'google', seen: true } })
    expect(result.profileUpdates.count).toBe(0)
    expect(result.managementApi!.changes).toEqual([
      { kind: 'user.update', action: 'Action 1', user_id: GOOGLE_ID, fields: { name: 'J. Smith', app_metadata: { seen: true } } },
    ])
  })
})

describe('GET /api/v2/users-by-email', () => {
  it('finds the event\'s user and the flow\'s other users with exactly that email', async () => {
    const { value } = await logged(`
      const found = await call('GET', '/users-by-email?email=' + id(event.user.email));
      const none = await call('GET', '/users-by-email?email=' + id(event.user.email.toUpperCase()));
      const missing = await call('GET', '/users-by-email');
      console.log(JSON.stringify({ found: found.body.map((user) => [user.user_id, user.identities[0].provider]), none: none.body, missing }));`,
    { managementApi: { users: [OTHER_ACCOUNT, { user_id: 'auth0|other', email: 'someone@example.com' }] } })
    expect(value.found).toEqual([[USER_ID, 'auth0'], [GOOGLE_ID, 'google-oauth2']])
    expect(value.none).toEqual([])
    expect(value.missing).toMatchObject({ status: 400, body: { errorCode: 'invalid_query_string' } })
  })
})

describe('roles', () => {
  it('answers the event\'s roles, with ids from the mocks\' roles or made-up stable ones', async () => {
    const { value } = await logged(`
      console.log(JSON.stringify((await call('GET', '/users/' + id(event.user.user_id) + '/roles')).body));`,
    { managementApi: { roles: [{ id: 'rol_Admin0000000000', name: 'admin', description: 'Administrators' }] } })
    expect(value).toEqual([
      { id: 'rol_Admin0000000000', name: 'admin', description: 'Administrators' },
      { id: roleIdFor('editor'), name: 'editor', description: '' },
    ])
    expect(roleIdFor('editor')).toMatch(/^rol_[A-Za-z0-9]{16}$/)
  })

  it('assigns a role: 204, recorded as a change, seen by later GETs but not by event.authorization.roles', async () => {
    const roles = [{ id: 'rol_Member000000000', name: 'member' }]
    const doc = flow(`
      const assigned = await call('POST', '/users/' + id(event.user.user_id) + '/roles', { roles: ['rol_Member000000000'] });
      const after = await call('GET', '/users/' + id(event.user.user_id) + '/roles?include_totals=true');
      console.log(JSON.stringify({ assigned, names: after.body.roles.map((role) => role.name), total: after.body.total, event: event.authorization.roles }));`, { managementApi: { roles } })
    doc.actions.push({ id: 'a2', name: 'Roles claim', enabled: true, secrets: {}, code: onExecute(`api.idToken.setCustomClaim('https://example.com/roles', event.authorization.roles);`) })
    const result = await run(doc)
    const value = JSON.parse(result.actions[0].logs[0].message)
    expect(value).toEqual({ assigned: { status: 204, body: null }, names: ['admin', 'editor', 'member'], total: 3, event: ['admin', 'editor'] })
    expect(result.managementApi!.changes).toEqual([{ kind: 'roles.assign', action: 'Action 1', user_id: USER_ID, roles: [{ id: 'rol_Member000000000', name: 'member' }] }])
    expect(result.idToken!.claims!['https://example.com/roles']).toEqual(['admin', 'editor'])
    expect(result.http[1]).toMatchObject({ method: 'POST', status: 204, response: null, standIn: 'management-api' })
  })

  it('refuses a role the tenant does not have, and says where roles are listed', async () => {
    const { value, result } = await logged(`
      console.log(JSON.stringify(await call('POST', '/users/' + id(event.user.user_id) + '/roles', { roles: ['rol_Unknown'] })));`)
    expect(value).toMatchObject({ status: 400, body: { statusCode: 400, errorCode: 'invalid_body' } })
    expect(result.warnings).toContainEqual({ code: 'management-api-unknown-roles', roles: ['rol_Unknown'], message: expect.stringContaining('mocks.managementApi.roles') })
    expect(result.managementApi!.changes).toEqual([])
  })

  it('lists the tenant\'s roles by name', async () => {
    const { value } = await logged(`
      console.log(JSON.stringify((await call('GET', '/roles?name_filter=edit')).body));`)
    expect(value).toEqual([{ id: roleIdFor('editor'), name: 'editor', description: '' }])
  })
})

describe('POST /api/v2/users/{id}/identities', () => {
  const linkFlow = (setPrimary: boolean) => flow(`
    const linked = await call('POST', '/users/' + id(${JSON.stringify(USER_ID)}) + '/identities', { provider: 'google-oauth2', user_id: '109876543210987654321' });
    const gone = await call('GET', '/users/' + id(event.user.user_id));
    const primary = await call('GET', '/users/' + id(${JSON.stringify(USER_ID)}));
    ${setPrimary ? `api.authentication.setPrimaryUser(${JSON.stringify(USER_ID)});` : ''}
    console.log(JSON.stringify({ linked, gone: gone.status, identities: primary.body.identities.map((identity) => identity.provider) }));`,
  {
    // A first Google login of someone who has a database account with the same email.
    event: (event) => {
      event.user.user_id = GOOGLE_ID
      event.user.identities = [{ connection: 'google-oauth2', provider: 'google-oauth2', isSocial: true, user_id: '109876543210987654321', profileData: {} }]
    },
    managementApi: { users: [{ user_id: USER_ID, email: 'j+smith@example.com', email_verified: true, identities: [{ connection: 'Username-Password-Authentication', provider: 'auth0', isSocial: false, user_id: '5f7c8ec7c33c6c004bbafe82' }] }] },
  })

  it('links the login\'s user into another user: 201 with the primary\'s identities, and the secondary is gone', async () => {
    const result = await run(linkFlow(true))
    const value = JSON.parse(result.actions[0].logs[0].message)
    expect(value.linked.status).toBe(201)
    expect(value.linked.body[1]).toMatchObject({ provider: 'google-oauth2', user_id: '109876543210987654321', profileData: { email: 'j+smith@example.com', name: 'John Smith' } })
    expect(value).toMatchObject({ gone: 404, identities: ['auth0', 'google-oauth2'] })
    expect(result.managementApi!.changes).toEqual([{ kind: 'identities.link', action: 'Action 1', user_id: USER_ID, linked: GOOGLE_ID, identities: value.linked.body }])
    expect(result.idToken!.claims!.sub).toBe(USER_ID)
    expect(result.warnings.filter((warning) => warning.code === 'linked-without-primary-user')).toEqual([])
  })

  it('does not change the tokens\' subject by itself: without setPrimaryUser a warning says so', async () => {
    const result = await run(linkFlow(false))
    expect(result.status).toBe('completed')
    expect(result.idToken!.claims!.sub).toBe(GOOGLE_ID)
    expect(result.warnings).toContainEqual({ code: 'linked-without-primary-user', into: USER_ID, message: expect.stringContaining(`no action called api.authentication.setPrimaryUser('${USER_ID}')`) })
  })

  it('refuses to link a user with itself, and a secondary it does not know', async () => {
    const { value } = await logged(`
      console.log(JSON.stringify([
        await call('POST', '/users/' + id(event.user.user_id) + '/identities', { provider: 'auth0', user_id: '5f7c8ec7c33c6c004bbafe82' }),
        await call('POST', '/users/' + id(event.user.user_id) + '/identities', { provider: 'github', user_id: '1' }),
      ].map((answer) => [answer.status, answer.body.message])));`)
    expect(value).toEqual([[400, 'Main identity and the new one are the same.'], [400, 'The secondary user does not exist.']])
  })
})

describe('axios and suspended runs', () => {
  it('answers axios too, and carries its state over a redirect to /continue', async () => {
    const doc = testFlow([{
      code: `const axios = require('axios');
const DOMAIN = ${JSON.stringify(DOMAIN)};
async function client() {
  const { data } = await axios.post(\`https://\${DOMAIN}/oauth/token\`, { grant_type: 'client_credentials', client_id: 'c', client_secret: 's', audience: \`https://\${DOMAIN}/api/v2/\` });
  return axios.create({ baseURL: \`https://\${DOMAIN}/api/v2\`, headers: { Authorization: 'Bearer ' + data.access_token } });
}
exports.onExecutePostLogin = async (event, api) => {
  const http = await client();
  await http.patch('/users/' + encodeURIComponent(event.user.user_id), { app_metadata: { step: 1 } });
  api.redirect.sendUserTo('https://example.com/step');
};
exports.onContinuePostLogin = async (event, api) => {
  const http = await client();
  const { data } = await http.get('/users/' + encodeURIComponent(event.user.user_id));
  console.log(JSON.stringify(data.app_metadata));
};`,
    }])
    const first = await run(doc)
    expect(first.status).toBe('suspended')
    const done = await continueFlow(doc, first, { query: { state: first.redirect!.state } }, { libraries: LIBRARIES, now: NOW })
    expect(done.status).toBe('completed')
    expect(JSON.parse(done.actions[0].logs[0].message)).toEqual({ plan: 'gold', step: 1 })
    expect(done.profileUpdates.writes.map((write) => write.when)).toEqual(['management-api'])
  })
})

describe('the timeline', () => {
  it('shows the stand-in\'s answers like any HTTP request, marked as the stand-in\'s', async () => {
    const { result } = await logged(`await call('GET', '/users/' + id(event.user.user_id)); console.log('{}');`)
    const http = result.timeline.filter((entry) => entry.kind === 'http')
    expect(http.map((entry) => entry.call)).toEqual([`POST https://${DOMAIN}/oauth/token`, `GET https://${DOMAIN}/api/v2/users/auth0%7C5f7c8ec7c33c6c004bbafe82`])
    expect(http.map((entry) => entry.args[0])).toEqual([
      expect.objectContaining({ status: 200, mock: null, standIn: 'management-api' }),
      expect.objectContaining({ status: 200, mock: null, standIn: 'management-api' }),
    ])
  })

  it('leaves runs that never reach the stand-in as they were: no managementApi in the result', async () => {
    const result = await run(testFlow([onExecute(`api.user.setAppMetadata('a', 1);`)]))
    expect(result.managementApi).toBeUndefined()
    expect('managementApi' in result).toBe(false)
    // Mocks that answer every Management API request by hand: the stand-in answered nothing.
    const mocked = await run(flow(`await token(); console.log('{}');`, {
      mocks: [{ method: 'POST', url: `https://${DOMAIN}/oauth/token`, status: 200, headers: {}, body: { access_token: 't', expires_in: 60 } }],
    }))
    expect(mocked.http.map((exchange) => exchange.mock)).toEqual([0])
    expect('managementApi' in mocked).toBe(false)
  })
})
